/** Builds the API's XML answers. */
import { escapeXml } from '../uitpas/xml';
import type { Membership, SimPassholder, SimulatorState } from './state';

export type XmlTree = { [element: string]: string | number | boolean | XmlTree | (XmlTree | string)[] | undefined };

export function element(name: string, value: XmlTree[string] | XmlTree): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([child, v]) => element(child, v)).join('')}</${name}>`;
  const text = escapeXml(String(value));
  return text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`;
}

export function document(root: string, tree: XmlTree, namespaces = ''): string {
  const inner = Object.entries(tree).map(([name, value]) => element(name, value)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root}${namespaces}>${inner}</${root}>`;
}

const endOfDay = (date: string) => `${date}T23:59:59+01:00`;

function inGracePeriod(membership: Membership, today: string): boolean {
  const { kansenStatuutEndDate: end, kansenStatuutGraceUntil: graceUntil } = membership;
  return membership.kansenStatuut && end !== undefined && graceUntil !== undefined && end < today && today <= graceUntil;
}

export function passholderXml(holder: SimPassholder, state: SimulatorState, today: string): string {
  const f = holder.fields;
  const cardSystemSpecific = [...holder.memberships.values()].map((membership) => {
    const card = membership.uitpasNumber ? state.cards.get(membership.uitpasNumber) : undefined;
    const system = state.cardSystems.get(membership.cardSystemId);
    return {
      cardSystem: { id: membership.cardSystemId, name: system?.name ?? '' },
      currentCard: card ? { kansenpas: card.kansenpas, status: card.status, uitpasNumber: { uitpasNumber: card.uitpasNumber } } : undefined,
      kansenStatuut: membership.kansenStatuut,
      kansenStatuutEndDate: membership.kansenStatuutEndDate ? endOfDay(membership.kansenStatuutEndDate) : undefined,
      kansenStatuutExpired: membership.kansenStatuutEndDate ? membership.kansenStatuutEndDate < today : false,
      // Ended but still honoured (DOC entiteiten/passholdercardsystemlink-entiteit.md; SX src/KansenStatuut/KansenStatuut.php).
      kansenStatuutInGracePeriod: inGracePeriod(membership, today),
      kansenStatuutSuspendedUntil: membership.kansenStatuutSuspendedUntil && membership.kansenStatuutSuspendedUntil >= today ? endOfDay(membership.kansenStatuutSuspendedUntil) : undefined,
      // The pass holder's status in this card system (ACTIVE, BLOCKED; DOC passholdercardsystemlink-entiteit.md): blocked with the pass holder (inferred).
      status: state.isBlocked(holder) ? 'BLOCKED' : 'ACTIVE',
    } satisfies XmlTree;
  });
  const body =
    cardSystemSpecific.map((system) => element('cardSystemSpecific', system)).join('') +
    (
      [
      ['blocked', state.isBlocked(holder) ? 'true' : 'false'],
      ['city', f.city],
      ['dateOfBirth', f.dateOfBirth ? `${f.dateOfBirth}T00:00:00+01:00` : undefined],
      ['email', f.email],
      ['firstName', f.firstName],
      ['foreignCity', f.foreignCity],
      ['secondName', f.secondName],
      ['gender', f.gender],
      ['gsm', f.gsm],
      ['inszNumber', f.inszNumber],
      ['memberships', ''],
      ['moreInfo', f.moreInfo],
      ['name', f.name],
      ['nationality', f.nationality],
      ['numberOfCheckins', '0'],
      ['picture', holder.picture],
      ['placeOfBirth', f.placeOfBirth],
      // Three decimals, as the record writes them (CF-T passholder.memberships.xml).
      ['points', `${state.visit.pointsOf(holder.uid)}.000`],
      ['postalCode', f.postalCode],
      ['registrationBalieConsumerKey', holder.registrationBalieConsumerKey],
      ['schoolConsumerKey', f.schoolConsumerKey],
      ['street', f.street],
      ['telephone', f.telephone],
      ] as [string, string | undefined][]
    )
      .map(([name, value]) => element(name, value))
      .join('') +
    // Opt-ins live on the UiTiD user (DOC uitpas/ophalen-van-pashouder-dmv-…-insz-barcode.md example answer).
    `<uitIdUser><ns2:id>${escapeXml(holder.uid)}</ns2:id><ns3:nick>${escapeXml(f.firstName ?? '')}</ns3:nick>${element('optInPreferences', holder.optIns)}</uitIdUser>` +
    element('verified', holder.verified);
  return `<passHolder xmlns:ns2="http://www.w3.org/1999/02/22-rdf-syntax-ns" xmlns:ns3="http://xmlns.com/foaf/0.1/">${body}</passHolder>`;
}
