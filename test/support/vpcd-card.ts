/**
 * A card "inserted" into vpcd's virtual reader: a TCP client that speaks vpcd's
 * protocol (2-byte big-endian length, then a payload; 1-byte payloads are
 * power off/on, reset and get-ATR, anything else is an APDU). The card is in
 * the reader while the connection is up, and removed when it closes.
 */
import { connect, type Socket } from 'node:net';

/** vpcd's TCP port for reader slot 0 ("Virtual PCD 00 00"); slot 1 is the next port. */
export const vpcdBasePort = 0x8c7b;

export interface VirtualCardBehaviour {
  atr: Buffer;
  /** The card's answer to one APDU, status word included; a promise makes a slow card. */
  transmit(apdu: Buffer): Buffer | Promise<Buffer>;
  /** Power off, power on or reset from the reader (vpcd control codes 00, 01, 02): the card forgets its selection. */
  reset?(): void;
}

export interface InsertedCard {
  /** APDUs the card received, in order. */
  readonly apdus: Buffer[];
  remove(): Promise<void>;
}

export function insertVirtualCard(card: VirtualCardBehaviour, slot = 0, basePort = vpcdBasePort): Promise<InsertedCard> {
  const socket = connect({ host: '127.0.0.1', port: basePort + slot, noDelay: true });
  const apdus: Buffer[] = [];
  let buffered = Buffer.alloc(0);

  // vpcd sends one message at a time and waits for its answer, so answers go out in order.
  let answering: Promise<void> = Promise.resolve();
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) break;
      const payload = Buffer.from(buffered.subarray(2, 2 + length));
      buffered = buffered.subarray(2 + length);
      answering = answering.then(async () => {
        const reply = await answer(payload);
        if (reply && !socket.destroyed) write(socket, reply);
      });
    }
  });

  function answer(payload: Buffer): Buffer | undefined | Promise<Buffer> {
    if (payload.length === 1) {
      // 0x00 power off, 0x01 power on, 0x02 reset: no reply; 0x04 get ATR.
      if (payload[0] === 0x04) return card.atr;
      card.reset?.();
      return undefined;
    }
    apdus.push(payload);
    return card.transmit(payload);
  }

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve({
        apdus,
        remove: () =>
          new Promise<void>((done) => {
            if (socket.destroyed) {
              done();
              return;
            }
            socket.once('close', () => done());
            socket.end();
            // A reader that no longer answers (pcscd stopped or frozen) never closes its side.
            setTimeout(() => socket.destroy(), 2000).unref();
          }),
      });
    });
  });
}

function write(socket: Socket, payload: Buffer): void {
  const frame = Buffer.alloc(2 + payload.length);
  frame.writeUInt16BE(payload.length, 0);
  payload.copy(frame, 2);
  socket.write(frame);
}
