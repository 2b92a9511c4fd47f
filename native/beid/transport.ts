/** What the card protocols need from a reader: one APDU in, one response out (data + SW1 SW2). */
export interface CardTransport {
  transmit(apdu: Buffer): Promise<Buffer>;
  /**
   * Runs `work` as one PC/SC transaction, so no other program's APDU lands
   * between its APDUs. Transports without other programs (the demo card) leave it out.
   */
  transaction?<T>(work: () => Promise<T>): Promise<T>;
}
