/** Cards in readers: eIDs read and UiTPAS cards tapped, the readers themselves, and the demo eID. */
import type { EidFieldWarning, EidReadCause, EidReadStep } from '../../../native/beid/types';
import type { CardKind } from '../../../native/contactless/card-kind';
import type { ReaderStatus } from '../../../native/pcsc/types';
import { isDemoCardRequest } from '../payload-guards';
import { isNothing } from '../validation';
import { event, request, type Answer, type Listen, type RequestIn } from './channel-spec';
import type { Result } from './errors';

export interface TappedCard {
  reader: string;
  /** The card's UID in upper-case hex: 14 digits for a UiTPAS card (native/contactless/chip-number.ts). */
  chipNumber: string;
}

export interface CardSeen {
  reader: string;
  kind: CardKind;
  /** APDUs the read took, re-sends and re-reads included. */
  apduCount: number;
  /** PC/SC transactions it ran in. */
  transactions: number;
  /** The reader is pinned to the other kind of card (settings' readerRoles): the card was not used. */
  ignored: boolean;
}

export type Gender = 'MALE' | 'FEMALE';

/** What an eID fills in on a pass holder form, in the UiTPAS API's field names. */
export interface PassholderPrefill {
  name: string;
  firstName: string;
  secondName: string;
  inszNumber: string;
  /** YYYY-MM-DD, or null when the card leaves the day or month blank (see dateOfBirthRaw). */
  dateOfBirth: string | null;
  gender: Gender | null;
  nationality: string;
  placeOfBirth: string;
  street: string;
  postalCode: string;
  city: string;
  /** True only when the National Register's signatures over this data checked out. */
  verified: boolean;
}

export interface EidCardSummary {
  appletVersion: string;
  cardNumber: string;
  /** The card's document type code (1: Belgian identity card); native/'s Dutch label stays in main. */
  documentType: number;
  validityBegin: string;
  validityEnd: string;
  /** The validity end is before today: still prefilled, never verified. */
  expired?: boolean;
}

/** Per part of the card: is it what the National Register signed? */
export interface EidIntegrity {
  identity: boolean;
  address: boolean;
  photo: boolean;
  /** 'not-rrn': chains to a Belgian root but is not the National Register's signing certificate. */
  certificate: 'trusted' | 'untrusted' | 'unreadable' | 'not-rrn';
}

/**
 * An eID in a reader. Sent twice per read: first with identity and address
 * (`complete: false`, no photo, not yet verified), then complete.
 */
export interface EidCard {
  reader: string;
  /** New for every read, so the page can tell a re-inserted card from the one it has. */
  readId: string;
  complete: boolean;
  card: EidCardSummary;
  prefill: PassholderPrefill;
  /** The birth date exactly as on the card. */
  dateOfBirthRaw: string;
  photo: { jpegBase64: string; hashMatches: boolean } | null;
  integrity: EidIntegrity | null;
  /** Fields the card holds but that could not be read: left empty, the page says which. */
  warnings?: EidFieldWarning[];
}

export interface EidReading {
  reader: string;
  step: EidReadStep;
  /** 0…1 */
  progress: number;
}

export interface EidReadFailure {
  reader: string;
  cause: EidReadCause;
}

export const cardRequests = {
  'eid:getReaders': request<ReaderStatus>()(isNothing),
  /** The cards in the readers right now (after a page reload). */
  'eid:getCards': request<EidCard[]>()(isNothing),
  /** Demo environment only: put a virtual card of a made-up person in the demo reader, or take it out. */
  'eid:insertDemoCard': request<null>()(isDemoCardRequest),
  'eid:removeDemoCard': request<null>()(isNothing),
} as const;

export const cardEvents = {
  /** The reader list or the PC/SC service changed. */
  'eid:readers': event<ReaderStatus>(),
  'eid:reading': event<EidReading>(),
  'eid:card': event<EidCard>(),
  'eid:removed': event<{ reader: string }>(),
  'eid:error': event<EidReadFailure>(),
  /** A UiTPAS card tapped on a reader (or put in one): its chip number, for the page to look up and route. */
  'card:tapped': event<TappedCard>(),
  /** What a reader's card turned out to be and what reading it cost: for support's reader test. */
  'card:seen': event<CardSeen>(),
} as const;

type R = typeof cardRequests;
type E = typeof cardEvents;

export interface CardsApi {
  getReaders(): Answer<R, 'eid:getReaders'>;
  getCards(): Answer<R, 'eid:getCards'>;
  insertDemoCard(request: RequestIn<R, 'eid:insertDemoCard'>): Promise<Result<null>>;
  removeDemoCard(): Promise<Result<null>>;
  onReaders: Listen<E, 'eid:readers'>;
  onReading: Listen<E, 'eid:reading'>;
  onCard: Listen<E, 'eid:card'>;
  onCardRemoved: Listen<E, 'eid:removed'>;
  onReadFailed: Listen<E, 'eid:error'>;
  onCardTapped: Listen<E, 'card:tapped'>;
  onCardSeen: Listen<E, 'card:seen'>;
}
