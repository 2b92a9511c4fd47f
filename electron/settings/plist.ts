/**
 * Reads a property list as macOS writes managed preferences (a configuration profile's payload lands in
 * /Library/Managed Preferences/<bundle id>.plist, usually binary): the binary format `bplist00` and the
 * XML one, for the value types a profile carries (dictionaries, arrays, strings, integers, reals,
 * booleans). Format: Apple's CFBinaryPList.c comments (object markers, trailer of 32 bytes) and the
 * plist DTD. Dates and data come out as null: no policy key takes them.
 */
import { XMLParser } from 'fast-xml-parser';

export type PlistValue = string | number | boolean | null | PlistValue[] | { [key: string]: PlistValue };

export function parsePlist(bytes: Uint8Array): PlistValue {
  const head = new TextDecoder().decode(bytes.subarray(0, 8));
  return head === 'bplist00' ? parseBinaryPlist(Buffer.from(bytes)) : parseXmlPlist(new TextDecoder().decode(bytes));
}

function parseBinaryPlist(data: Buffer): PlistValue {
  if (data.length < 40) throw new Error('plist too short');
  const trailer = data.subarray(data.length - 32);
  const offsetSize = trailer[6] ?? 0;
  const refSize = trailer[7] ?? 0;
  const count = Number(trailer.readBigUInt64BE(8));
  const top = Number(trailer.readBigUInt64BE(16));
  const tableAt = Number(trailer.readBigUInt64BE(24));
  const uint = (at: number, size: number): number => {
    if (at + size > data.length) throw new Error('plist offset out of range');
    if (size === 8) return Number(data.readBigUInt64BE(at));
    if (size >= 1 && size <= 6) return data.readUIntBE(at, size);
    throw new Error('plist integer size');
  };
  const seen = new Set<number>();
  const object = (index: number): PlistValue => {
    if (index >= count || seen.has(index)) throw new Error('plist reference out of range');
    seen.add(index);
    try {
      return readObject(uint(tableAt + index * offsetSize, offsetSize));
    } finally {
      seen.delete(index);
    }
  };
  const lengthAt = (at: number, info: number): { length: number; start: number } => {
    if (info !== 0xf) return { length: info, start: at + 1 };
    const marker = data[at + 1] ?? 0;
    const size = 1 << (marker & 0xf);
    return { length: uint(at + 2, size), start: at + 2 + size };
  };
  const readObject = (at: number): PlistValue => {
    const marker = data[at];
    if (marker === undefined) throw new Error('plist object out of range');
    const type = marker >> 4;
    const info = marker & 0xf;
    switch (type) {
      case 0x0:
        return marker === 0x09 ? true : marker === 0x08 ? false : null;
      case 0x1:
        return uint(at + 1, 1 << info);
      case 0x2:
        return info === 3 ? data.readDoubleBE(at + 1) : data.readFloatBE(at + 1);
      case 0x5: {
        const { length, start } = lengthAt(at, info);
        return data.subarray(start, start + length).toString('latin1');
      }
      case 0x6: {
        const { length, start } = lengthAt(at, info);
        const units = Buffer.from(data.subarray(start, start + length * 2));
        return units.swap16().toString('utf16le');
      }
      case 0xa: {
        const { length, start } = lengthAt(at, info);
        return Array.from({ length }, (_, n) => object(uint(start + n * refSize, refSize)));
      }
      case 0xd: {
        const { length, start } = lengthAt(at, info);
        const result: Record<string, PlistValue> = {};
        for (let n = 0; n < length; n += 1) {
          const key = object(uint(start + n * refSize, refSize));
          if (typeof key !== 'string') throw new Error('plist key is not a string');
          result[key] = object(uint(start + (length + n) * refSize, refSize));
        }
        return result;
      }
      default:
        return null;
    }
  };
  return object(top);
}

type XmlNode = Record<string, unknown>;

function parseXmlPlist(text: string): PlistValue {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: true });
  const nodes = parser.parse(text) as XmlNode[];
  const plist = nodes.find((node) => 'plist' in node)?.plist as XmlNode[] | undefined;
  const first = plist?.find((node) => !('#text' in node));
  if (!first) throw new Error('not a plist');
  return xmlValue(first);
}

const elementName = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';
const textOf = (children: unknown): string => (Array.isArray(children) ? children.map((child: XmlNode) => { const text = child['#text']; return typeof text === 'string' || typeof text === 'number' ? String(text) : ''; }).join('') : '');

function xmlValue(node: XmlNode): PlistValue {
  const name = elementName(node);
  const children = node[name] as XmlNode[];
  const elements = () => children.filter((child) => elementName(child) !== '#text');
  switch (name) {
    case 'string':
      return textOf(children);
    case 'integer':
    case 'real':
      return Number(textOf(children).trim());
    case 'true':
      return true;
    case 'false':
      return false;
    case 'array':
      return elements().map(xmlValue);
    case 'dict': {
      const result: Record<string, PlistValue> = {};
      const items = elements();
      for (let n = 0; n + 1 < items.length; n += 2) {
        const key = items[n];
        const value = items[n + 1];
        if (key && value && elementName(key) === 'key') result[textOf(key.key)] = xmlValue(value);
      }
      return result;
    }
    default:
      return null;
  }
}
