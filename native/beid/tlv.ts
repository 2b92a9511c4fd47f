/**
 * The BEID "simplified TLV" of the identity and address files: a 1-byte tag, a
 * length of one byte below 255 or a run of FF bytes (each adding 255) followed
 * by the remainder, then the value. Zero padding shows up as tag 00 length 00.
 */
export class TlvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvError';
  }
}

/** Tag → value. A tag seen twice keeps its first value; unknown tags are kept and ignored by the readers. */
export function parseTlv(bytes: Uint8Array): Map<number, Buffer> {
  const { fields, error } = parseTlvPrefix(bytes);
  if (error) throw new TlvError(error);
  return fields;
}

/**
 * Every field up to the first one that breaks the encoding, and what broke it:
 * a cut-off file keeps the fields before the cut (each field is decoded on its own).
 */
export function parseTlvPrefix(bytes: Uint8Array): { fields: Map<number, Buffer>; error: string | null } {
  const fields = new Map<number, Buffer>();
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let index = 0;
  while (index < data.length) {
    const tag = data[index++]!;
    if (index >= data.length) {
      // A lone trailing 00 is padding; any other tag without a length is a cut-off file.
      if (tag === 0) break;
      return { fields, error: `tag ${tag} has no length` };
    }
    let length = 0;
    while (data[index] === 0xff) {
      length += 0xff;
      index++;
    }
    if (index >= data.length) return { fields, error: `tag ${tag} has a cut-off length` };
    length += data[index++]!;
    if (tag === 0 && length === 0) continue;
    if (index + length > data.length) return { fields, error: `tag ${tag} runs past the end of the file` };
    if (!fields.has(tag)) fields.set(tag, data.subarray(index, index + length));
    index += length;
  }
  return { fields, error: null };
}

/** Encodes fields the way the card stores them; used by the virtual card. */
export function encodeTlv(fields: readonly (readonly [tag: number, value: Uint8Array])[]): Buffer {
  const parts: Buffer[] = [];
  for (const [tag, value] of fields) {
    const length: number[] = [];
    let rest = value.length;
    while (rest >= 0xff) {
      length.push(0xff);
      rest -= 0xff;
    }
    length.push(rest);
    parts.push(Buffer.from([tag, ...length]), Buffer.from(value));
  }
  return Buffer.concat(parts);
}
