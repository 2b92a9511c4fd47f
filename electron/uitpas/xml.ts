/**
 * XML in: fast-xml-parser with every value kept as a string (identifiers keep
 * their leading zeros, "10.000" points stay "10.000"), namespace prefixes
 * dropped (uitIdUser's rdf:id becomes id), and repeated elements always arrays.
 * Character references are decoded here, once, in every text: UiTPAS writes
 * names and free text with them (`&#233;`, `&#13;`), and the parser alone
 * would leave numeric ones literal. A DOCTYPE is refused: the API never sends
 * one, and declared entities are how a document blows up in memory.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may repeat: always parsed as arrays, even when there is one. */
const repeated = new Set([
  'cardSystemSpecific',
  'membership',
  'balie',
  'cardSystem',
  'permission',
  'group',
  'passholder',
  'invalidUitpasNumber',
  'cardSystemLink',
  'uitpasPrice',
  'groupPass',
]);

/** The largest answer read or parsed: the biggest real answer (a search page of pass holders) is far below. */
export const maxXmlBytes = 2 * 1024 * 1024;

const xmlEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Numeric (decimal, hex) and the five XML entity references, in one pass: "&amp;#233;" stays "&#233;". */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return xmlEntities[name] ?? whole;
    const codePoint = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : whole;
  });
}

/**
 * The one attribute the API's answers carry meaning in: `type` on a ticketSale (DEFAULT = kansentarief, COUPON;
 * CF CultureFeed/CultureFeed/Uitpas/Event/TicketSale/Opportunity.php, CF-T events/searchresults.xml). Every other
 * attribute (namespace declarations, cdb:actor's) is dropped.
 */
const keptAttribute = (name: string, path: unknown) => name === 'type' && String(path).endsWith('.ticketSale');

const parser = new XMLParser({
  ignoreAttributes: (name, path) => !keptAttribute(name, path),
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  tagValueProcessor: (_name, value) => decodeCharacterReferences(value),
  isArray: (name) => repeated.has(name),
});

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export class XmlParseError extends Error {}

export function parseXml(text: string): XmlNode {
  if (text.length > maxXmlBytes) throw new XmlParseError('answer too large');
  if (/<!DOCTYPE/i.test(text)) throw new XmlParseError('DOCTYPE refused');
  // fast-xml-parser 5 marks its validator deprecated in favour of a separate package; it is still the same code.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (XMLValidator.validate(text) !== true) throw new XmlParseError('not well-formed XML');
  const parsed = parser.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw new XmlParseError('empty document');
  return parsed as XmlNode;
}

/** Reading helpers that never throw: a missing element is undefined, an empty one "". */
export function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  return node[name];
}

export function text(node: XmlValue | undefined, name: string): string | undefined {
  const value = child(node, name);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  // <x/> parses as "" and <x></x> as "" too; an element with children has no text.
  return Array.isArray(value) ? undefined : '';
}

export function list(node: XmlValue | undefined, name: string): XmlValue[] {
  const value = child(node, name);
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** A kept attribute's value (see keptAttribute), e.g. attribute(ticketSale, 'type'). */
export function attribute(node: XmlValue | undefined, name: string): string | undefined {
  const value = child(node, `@${name}`);
  return typeof value === 'string' ? value : undefined;
}

export function bool(node: XmlValue | undefined, name: string): boolean {
  return text(node, name) === 'true';
}

/** "1980-04-15T00:00:00+02:00" → "1980-04-15": the date as written, not shifted to UTC. */
export function datePart(value: string | undefined): string | undefined {
  return value ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** "10.000", "1", "-5" → a whole number (CF casts points to int, reference §0.4); unreadable → undefined. */
export function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d{1,9}(\.\d+)?$/.test(value.trim())) return undefined;
  return Math.trunc(Number(value.trim()));
}
