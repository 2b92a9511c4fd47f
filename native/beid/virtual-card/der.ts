/**
 * Just enough DER to build X.509 certificates for virtual cards (node:crypto
 * verifies certificates but cannot make them).
 */
function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const der = {
  sequence: (...items: Buffer[]) => tlv(0x30, Buffer.concat(items)),
  set: (...items: Buffer[]) => tlv(0x31, Buffer.concat(items)),
  /** A non-negative integer from its big-endian bytes, in DER's shortest form (OpenSSL refuses any other). */
  integer: (bytes: Buffer) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const minimal = bytes.subarray(start);
    return tlv(0x02, minimal[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
  },
  smallInteger: (value: number) => der.integer(Buffer.from([value])),
  boolean: (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00])),
  null: () => Buffer.from([0x05, 0x00]),
  oid: (dotted: string) => {
    const [first, second, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
    const bytes = [first * 40 + second];
    for (const arc of rest) {
      const group = [arc & 0x7f];
      for (let value = arc >> 7; value > 0; value >>= 7) group.unshift((value & 0x7f) | 0x80);
      bytes.push(...group);
    }
    return tlv(0x06, Buffer.from(bytes));
  },
  utf8: (text: string) => tlv(0x0c, Buffer.from(text, 'utf8')),
  printable: (text: string) => tlv(0x13, Buffer.from(text, 'ascii')),
  octetString: (content: Buffer) => tlv(0x04, content),
  bitString: (content: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), content])),
  generalizedTime: (date: Date) => tlv(0x18, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z', 'ascii')),
  explicit: (tagNumber: number, content: Buffer) => tlv(0xa0 | tagNumber, content),
};
