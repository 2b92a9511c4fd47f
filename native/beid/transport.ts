/** What the BEID protocol needs from a reader: one APDU in, one response out (data + SW1 SW2). */
export interface CardTransport {
  transmit(apdu: Buffer): Promise<Buffer>;
}
