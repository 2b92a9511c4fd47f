/**
 * The demo world the simulator starts with: one consumer (the app's demo
 * key), one employee, two balies, two card systems, cards in stock, vouchers
 * and one existing pass holder. Everyone and every number here is made up; the
 * numbers carry valid check digits.
 */
import { withLuhnDigit } from '../rules/uitpas-number';

/** The demo consumer's key; its secret is drawn anew each time a simulator starts (SimulatorState), never written down. */
export const demoConsumerKey = 'uitpas-balie-demo';
/** Made up; name and e-mail are what the UiTiD v2 stand-in's ID token says. */
export const demoEmployee = { uid: 'demo-medewerker-0001', nick: 'demo.medewerker', name: 'Demo Medewerker', email: 'demo.medewerker@example.org' };

export interface SeedCardSystem {
  id: string;
  name: string;
  /** Five digits starting with 0: what every card number of the system starts with. */
  prefix: string;
}

export interface SeedBalie {
  id: string;
  consumerKey: string;
  name: string;
  /** Per card system id: the permissions the balie has there. */
  permissions: Record<string, readonly ('registratie' | 'kansenstatuut toekennen')[]>;
  /**
   * Rights balie/list does not show (DOC registreren-van-een-pashouder.md, inszNumber row; DOC commit baf253c):
   * registering foreign residents (PERMISSION_PASSHOLDER_FOREIGN - ACTION_CREATE) and registering without an INSZ.
   */
  mayRegisterForeign?: boolean;
  mayRegisterWithoutInsz?: boolean;
}

export const seedCardSystems: readonly SeedCardSystem[] = [
  { id: '1', name: 'UiTPAS Gent', prefix: '09000' },
  { id: '2', name: 'UiTPAS Regio Aalst', prefix: '09300' },
];

export const seedBalies: readonly SeedBalie[] = [
  {
    id: '101',
    consumerKey: 'balie-gent-centrum',
    name: 'Demo-balie Gent Centrum',
    permissions: { '1': ['registratie', 'kansenstatuut toekennen'], '2': ['registratie'] },
    mayRegisterForeign: true,
  },
  { id: '102', consumerKey: 'balie-aalst-bib', name: 'Demo-balie Aalst Bibliotheek', permissions: { '2': ['registratie'] }, mayRegisterWithoutInsz: true },
];

export function cardNumber(prefix: string, sequence: number, kansenpas: boolean): string {
  return withLuhnDigit(`${prefix}${String(sequence).padStart(6, '0')}${kansenpas ? '1' : '0'}`);
}

/** A made-up 7-byte chip serial (14 hex digits) derived from the card number, so it is stable between runs. */
export function chipNumberOf(uitpasNumber: string): string {
  return `04${BigInt(uitpasNumber).toString(16).toUpperCase().padStart(12, '0')}`;
}

export interface SeedCard {
  uitpasNumber: string;
  /** The chip's serial, as a reader reports it: uitpas/retrieve takes it too. */
  chipNumber: string;
  cardSystemId: string;
  kansenpas: boolean;
  /** DELETED: a card taken out of use; the counter front end gives it its own error page (AN uitpas-router.service.js, UBR-312). */
  status: 'LOCAL_STOCK' | 'STOCK' | 'ACTIVE' | 'BLOCKED' | 'DELETED';
  balieConsumerKey: string | null;
}

export function seedCards(): SeedCard[] {
  const cards: SeedCard[] = [];
  const stock = (system: SeedCardSystem, balie: string, from: number, count: number, kansenpas: boolean) => {
    for (let sequence = from; sequence < from + count; sequence++) {
      const uitpasNumber = cardNumber(system.prefix, sequence, kansenpas);
      cards.push({ uitpasNumber, chipNumber: chipNumberOf(uitpasNumber), cardSystemId: system.id, kansenpas, status: 'LOCAL_STOCK', balieConsumerKey: balie });
    }
  };
  const [gent, aalst] = seedCardSystems as [SeedCardSystem, SeedCardSystem];
  stock(gent, 'balie-gent-centrum', 1, 12, false);
  stock(gent, 'balie-gent-centrum', 501, 6, true);
  stock(aalst, 'balie-gent-centrum', 1, 4, false);
  stock(aalst, 'balie-aalst-bib', 101, 6, false);
  // Not at any balie yet, one blocked, one deleted card: for the refusals. And the group pass's card.
  const other = (sequence: number, status: SeedCard['status'], kansenpas = false) => {
    const uitpasNumber = cardNumber(gent.prefix, sequence, kansenpas);
    cards.push({ uitpasNumber, chipNumber: chipNumberOf(uitpasNumber), cardSystemId: gent.id, kansenpas, status, balieConsumerKey: status === 'BLOCKED' ? 'balie-gent-centrum' : null });
  };
  other(900, 'STOCK');
  other(901, 'BLOCKED');
  other(903, 'DELETED');
  other(seedGroupPass.cardSequence, 'ACTIVE', true);
  return cards;
}

/**
 * A group pass (an association's card with tickets at the social tariff), as uitpas/retrieve shows it
 * (DOC uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md, "Voorbeeld response
 * groepspas"; DOC entiteiten/grouppass-entiteit.md): its card is a kansenpas with no pass holder.
 */
export const seedGroupPass = {
  uuid: '5b7e2c14-8d3a-4f61-9c0e-2a41d7f3b958',
  name: 'Jeugdhuis De Demo',
  endDate: '2027-09-30',
  ticketsPerYear: 20,
  availableTickets: 17,
  cardSequence: 950,
};

export const seedVouchers: readonly { number: string; used: boolean }[] = [
  { number: 'GENT-2026-0001', used: false },
  { number: 'GENT-2026-0002', used: false },
  { number: 'GENT-2026-0003', used: false },
  { number: 'GENT-2026-0099', used: true },
];

export const seedSchools = ['school-sint-jozef-demo'];

/** An existing pass holder, with a Gent card in use, for the look-up, new card and update flows. */
export const seedPassholder = {
  uid: 'pashouder-demo-0001',
  name: 'Claes',
  firstName: 'Marie',
  inszNumber: '82101526411',
  dateOfBirth: '1982-10-15',
  gender: 'FEMALE',
  street: 'Sleepstraat 14',
  postalCode: '9000',
  city: 'Gent',
  email: 'marie.claes@example.org',
  cardSequence: 42,
};

/**
 * Pass holders for the record: a kansenstatuut ended but in its grace period, with remarks; a blocked pass holder
 * (a search without includeBlocked leaves them out); a kansenstatuut suspended for a while.
 * Days are relative to the simulator's start, so the demo looks the same on any date.
 */
export interface SeedRecordPassholder {
  uid: string;
  name: string;
  firstName: string;
  inszNumber: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  postalCode: string;
  city: string;
  street: string;
  moreInfo?: string;
  card: { sequence: number; kansenpas: boolean; status: 'ACTIVE' | 'BLOCKED' };
  blocked?: boolean;
  /** Days from today: the kansenstatuut's end, the end of its grace period, the end of a suspension. */
  kansenStatuut?: { endInDays: number; graceUntilInDays?: number; suspendedForDays?: number };
}

export const seedRecordPassholders: readonly SeedRecordPassholder[] = [
  {
    uid: 'pashouder-demo-0002',
    name: 'Peeters',
    firstName: 'Lotte',
    inszNumber: '75030812468',
    dateOfBirth: '1975-03-08',
    gender: 'FEMALE',
    street: 'Kortrijksesteenweg 210',
    postalCode: '9000',
    city: 'Gent',
    moreInfo: 'Attest OCMW ligt op de balie tot eind volgende maand.',
    card: { sequence: 520, kansenpas: true, status: 'ACTIVE' },
    kansenStatuut: { endInDays: -10, graceUntilInDays: 50 },
  },
  {
    uid: 'pashouder-demo-0003',
    name: 'Vermeulen',
    firstName: 'Bart',
    inszNumber: '90112007135',
    dateOfBirth: '1990-11-20',
    gender: 'MALE',
    street: 'Brabantdam 3',
    postalCode: '9000',
    city: 'Gent',
    card: { sequence: 902, kansenpas: false, status: 'BLOCKED' },
    blocked: true,
  },
  {
    uid: 'pashouder-demo-0004',
    name: 'Jacobs',
    firstName: 'Noor',
    inszNumber: '01021408643',
    dateOfBirth: '2001-02-14',
    gender: 'FEMALE',
    street: 'Overpoortstraat 8',
    postalCode: '9000',
    city: 'Gent',
    card: { sequence: 521, kansenpas: true, status: 'ACTIVE' },
    kansenStatuut: { endInDays: 300, suspendedForDays: 20 },
  },
];
