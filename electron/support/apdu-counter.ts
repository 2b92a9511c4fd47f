/**
 * Counts the APDUs each PC/SC reader is sent, for the support screen's reader test ("how many did this
 * read take"), by wrapping the PC/SC port the reader service is given: the card code itself is untouched.
 */
import type { CreatePcscContext } from '../../native/pcsc/pcsc-port';

export class ApduCounter {
  private readonly counts = new Map<string, number>();

  /** The same port, with every reader's transmit counted before the reader service sees the reader. */
  wrap(create: CreatePcscContext): CreatePcscContext {
    return () => {
      const context = create();
      context.on('reader', (reader) => {
        const transmit = reader.transmit.bind(reader);
        reader.transmit = (data, responseLength, protocol, callback) => {
          this.counts.set(reader.name, this.sent(reader.name) + 1);
          transmit(data, responseLength, protocol, callback);
        };
      });
      return context;
    };
  }

  sent(reader: string): number {
    return this.counts.get(reader) ?? 0;
  }
}
