import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTlv, parseTlv, TlvError } from '../../../native/beid/tlv';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('parseTlv', () => {
  it('reads tag, one-byte length and value', () => {
    const fields = parseTlv(hex('01 03 414243 07 02 4a6f'));
    expect(fields.get(0x01)?.toString()).toBe('ABC');
    expect(fields.get(0x07)?.toString()).toBe('Jo');
  });

  it('reads the official FF-run lengths: FF 05 = 260, FF FF 00 = 510', () => {
    const long = Buffer.alloc(260, 0x61);
    const longer = Buffer.alloc(510, 0x62);
    const fields = parseTlv(Buffer.concat([hex('19 ff 05'), long, hex('1a ff ff 00'), longer, hex('01 01 31')]));
    expect(fields.get(0x19)).toEqual(long);
    expect(fields.get(0x1a)).toEqual(longer);
    expect(fields.get(0x01)?.toString()).toBe('1');
  });

  it('reads a length of 254 as one byte (where base-128 readers go wrong)', () => {
    const value = Buffer.alloc(254, 0x41);
    expect(parseTlv(Buffer.concat([hex('0e fe'), value])).get(0x0e)).toEqual(value);
  });

  it('keeps a leading tag 00 (file structure version) and still reads what follows', () => {
    const fields = parseTlv(hex('00 02 0001 01 01 35'));
    expect(fields.get(0x00)).toEqual(hex('0001'));
    expect(fields.get(0x01)?.toString()).toBe('5');
  });

  it('skips zero padding, even an odd trailing zero', () => {
    const fields = parseTlv(hex('01 01 35 00 00 00 00 00'));
    expect([...fields.keys()]).toEqual([0x01]);
  });

  it('keeps unknown tags and zero-length values', () => {
    const fields = parseTlv(hex('7f 01 ff 09 00 14 00'));
    expect(fields.get(0x7f)).toEqual(hex('ff'));
    expect(fields.get(0x09)).toEqual(Buffer.alloc(0));
    expect(fields.has(0x14)).toBe(true);
  });

  it.each([
    ['a value running past the end', '01 05 4142'],
    ['a tag without a length', '07'],
    ['a cut-off FF run', '07 ff ff'],
  ])('refuses %s with its own error', (_name, bytes) => {
    expect(() => parseTlv(hex(bytes))).toThrow(TlvError);
  });

  it('yields a result or a TlvError for any input, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        try {
          const fields = parseTlv(bytes);
          for (const value of fields.values()) expect(value.length).toBeLessThanOrEqual(bytes.length);
        } catch (error) {
          expect(error).toBeInstanceOf(TlvError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back whatever encodeTlv wrote', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 255 }), fc.uint8Array({ maxLength: 600 })), { selector: ([tag]) => tag, maxLength: 12 }),
        (entries) => {
          const fields = parseTlv(encodeTlv(entries));
          for (const [tag, value] of entries) expect(fields.get(tag)).toEqual(Buffer.from(value));
        },
      ),
      { numRuns: 500 },
    );
  });
});
