/**
 * XML in: fast-xml-parser with every value kept as a string (identifiers keep
 * their leading zeros, "10.000" points stay "10.000"), namespace prefixes
 * dropped (uitIdUser's rdf:id becomes id), and repeated elements always arrays.
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
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => repeated.has(name),
});

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export class XmlParseError extends Error {}

export function parseXml(text: string): XmlNode {
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
