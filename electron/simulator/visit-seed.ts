/**
 * The demo world of the visit (issue 24): activities at the demo balies today
 * and in the coming days (days relative to the simulator's start, so the demo
 * looks the same on any date), among them a permanent one that can be checked
 * in once a week at any hour; welcome advantages, points promotions, coupons,
 * and the pass holders' starting points. Every event, place, advantage and
 * number is made up. Rules the seed follows are the documented defaults
 * (DOC-P = cultuurnet/uit-documentatie content/uitpas/latest/):
 * - check-in: 1 per day for events with timestamps, 1 per week for periods and
 *   permanent events (DOC-P processen/punten_sparen.md, domeinmodel/event.md);
 * - kansentarief: 1 per pass holder (absolute) for timestamps and periods,
 *   1 per week for permanent events (DOC-P processen/tickets_tegen_kansentarief_verkopen.md).
 */
import { seedPassholder, seedRecordPassholders } from './seed';

export interface SeedPriceClass {
  name: string;
  /** As the API writes amounts: "28.0". */
  price: string;
  /** Kansentarief for this class. */
  tariff: string;
}

export type SeedCalendar =
  | { kind: 'timestamps'; stamps: { inDays: number; timestart?: string; timeend?: string }[] }
  | { kind: 'period'; fromInDays: number; toInDays: number }
  | { kind: 'permanent' };

export interface SeedEvent {
  cdbid: string;
  title: string;
  shortDescription?: string;
  calendar: SeedCalendar;
  /** The balie that organises it (pays the difference) and, when another, the one where it takes place; both may act on it. */
  organiserBalie: string;
  locationBalie?: string;
  organiserName: string;
  locationName: string;
  city: string;
  numberOfPoints: number;
  /** Full price as the API writes it; "0.0" is a free event. */
  price: string;
  /** Kansentarief per price class; none: no kansentarief. */
  priceClasses: SeedPriceClass[];
  /** Coupons that give a price here, with what the holder pays (every class at that amount). */
  coupons?: { couponId: string; tariff: string }[];
  /** Kansentarief tickets for the whole event (absent: unlimited). */
  stock?: number;
}

const day = 'Default prijsklasse';

export const seedEvents: readonly SeedEvent[] = [
  {
    cdbid: '7f3d2a10-4c5e-4b8a-9e21-6a0c1d2e3f41',
    title: 'Stadswandeling Gent voor iedereen',
    shortDescription: 'Elke dag vertrekt een gids aan het Sint-Veerleplein.',
    calendar: { kind: 'permanent' },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Gidsenbond Gent',
    locationName: 'Sint-Veerleplein',
    city: 'Gent',
    numberOfPoints: 1,
    price: '8.0',
    priceClasses: [{ name: day, price: '8.0', tariff: '1.6' }],
  },
  {
    cdbid: 'b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c52',
    title: 'Concert in de Demo-concertzaal',
    calendar: { kind: 'timestamps', stamps: [{ inDays: 0, timestart: '20:00:00', timeend: '22:00:00' }] },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Concertzaal',
    locationName: 'Demo Concertzaal',
    city: 'Gent',
    numberOfPoints: 2,
    price: '28.0',
    // Three ranks as in CF-T events/searchresults.xml (event 8ea1787b…): a choice of class and tariff.
    priceClasses: [
      { name: 'Rang 1', price: '28.0', tariff: '21.0' },
      { name: 'Rang 2', price: '21.0', tariff: '14.0' },
      { name: 'Rang 3+', price: '14.0', tariff: '7.0' },
    ],
    coupons: [{ couponId: '35', tariff: '5.0' }],
    stock: 20,
  },
  {
    cdbid: 'c3f5d7b9-2e4a-4b6c-9d8e-0f1a2b3c4d63',
    title: 'Vrij zwemmen in het Demo-zwembad',
    calendar: { kind: 'timestamps', stamps: [{ inDays: 0 }, { inDays: 1 }] },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Sportdienst',
    locationName: 'Demo-zwembad',
    city: 'Gent',
    numberOfPoints: 1,
    price: '0.0',
    priceClasses: [],
  },
  {
    cdbid: 'd4a6e8c0-3f5b-4c7d-8e9f-1a2b3c4d5e74',
    title: 'Theater: De Demo-voorstelling',
    calendar: { kind: 'timestamps', stamps: [{ inDays: 3, timestart: '20:15:00', timeend: '22:30:00' }] },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Theater',
    locationName: 'Demo Schouwburg',
    city: 'Gent',
    numberOfPoints: 1,
    price: '16.0',
    priceClasses: [{ name: day, price: '16.0', tariff: '3.2' }],
    coupons: [{ couponId: '14', tariff: '0.0' }],
  },
  {
    cdbid: 'e5b7f9d1-4a6c-4d8e-9f0a-2b3c4d5e6f85',
    title: 'Filmavond in de Demo-cinema',
    calendar: { kind: 'timestamps', stamps: [{ inDays: 1, timestart: '19:30:00', timeend: '21:30:00' }] },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Cinema',
    locationName: 'Demo Cinema',
    city: 'Gent',
    numberOfPoints: 1,
    price: '9.0',
    // Coupon only: no kansentarief here.
    priceClasses: [],
    coupons: [{ couponId: '35', tariff: '4.5' }],
  },
  {
    cdbid: 'f6c8a0e2-5b7d-4e9f-8a1b-3c4d5e6f7a96',
    title: 'Workshop keramiek',
    calendar: { kind: 'timestamps', stamps: [{ inDays: -2, timestart: '14:00:00', timeend: '16:00:00' }] },
    organiserBalie: 'balie-gent-centrum',
    organiserName: 'Demo Atelier',
    locationName: 'Demo Atelier',
    city: 'Gent',
    numberOfPoints: 1,
    price: '12.0',
    priceClasses: [{ name: day, price: '12.0', tariff: '2.4' }],
  },
  {
    cdbid: 'a7d9b1f3-6c8e-4f0a-9b2c-4d5e6f7a8b07',
    title: 'Tentoonstelling in het Demo-museum',
    calendar: { kind: 'period', fromInDays: -20, toInDays: 40 },
    organiserBalie: 'balie-aalst-bib',
    locationBalie: 'balie-gent-centrum',
    organiserName: 'Demo Museum Aalst',
    locationName: 'Demo-museum, zaal Gent',
    city: 'Gent',
    numberOfPoints: 1,
    price: '10.0',
    priceClasses: [{ name: day, price: '10.0', tariff: '2.0' }],
  },
  {
    cdbid: '0b1c2d3e-7f8a-4b9c-8d0e-5f6a7b8c9d18',
    title: 'Voorleesuur in de Demo-bibliotheek',
    calendar: { kind: 'timestamps', stamps: [{ inDays: 0 }] },
    organiserBalie: 'balie-aalst-bib',
    organiserName: 'Demo Bibliotheek Aalst',
    locationName: 'Demo Bibliotheek',
    city: 'Aalst',
    numberOfPoints: 1,
    price: '0.0',
    priceClasses: [],
  },
];

export interface SeedWelcomeAdvantage {
  id: string;
  title: string;
  description1: string;
  /** Balie consumer keys where it can be cashed; empty: every balie. */
  balies: string[];
  cardSystemId: string;
  maxAvailableUnits?: number;
}

export interface SeedPointsPromotion {
  id: string;
  title: string;
  description1: string;
  points: number;
  balies: string[];
  cardSystemId: string;
  /** How often one pass holder may cash it (absent: as often as they have the points). */
  perPassholder?: { periodType: 'ABSOLUTE' | 'YEAR'; periodVolume: number };
  maxAvailableUnits?: number;
  validForCities: string[];
}

/** Cash-in periods run from 30 days before the start to 300 days after (inferred: a promotion's usual year). */
export const advantagePeriod = { fromInDays: -30, toInDays: 300 };

export const seedWelcomeAdvantages: readonly SeedWelcomeAdvantage[] = [
  { id: '5', title: 'Gratis drankje in het Demo-cultuurcafé', description1: 'Eén drankje naar keuze bij je eerste bezoek.', balies: ['balie-gent-centrum'], cardSystemId: '1' },
  { id: '6', title: 'Demo-stadsplan met kortingen', description1: 'Een stadsplan met alle UiTPAS-kortingen.', balies: [], cardSystemId: '1', maxAvailableUnits: 500 },
];

export const seedPointsPromotions: readonly SeedPointsPromotion[] = [
  { id: '7', title: 'Koffie in het Demo-cultuurcafé', description1: 'Een koffie of thee.', points: 5, balies: ['balie-gent-centrum'], cardSystemId: '1', validForCities: ['Gent'] },
  { id: '8', title: 'UiTPAS-draagtas', description1: 'Een stevige draagtas.', points: 10, balies: ['balie-gent-centrum'], cardSystemId: '1', perPassholder: { periodType: 'ABSOLUTE', periodVolume: 1 }, maxAvailableUnits: 100, validForCities: ['Gent'] },
  { id: '9', title: 'Duoticket Demo-festival', description1: 'Twee dagtickets.', points: 50, balies: ['balie-gent-centrum'], cardSystemId: '1', validForCities: ['Gent'] },
];

export interface SeedCoupon {
  id: string;
  name: string;
  description: string;
  /** Uses for one holder across events, and per event (DOC entiteiten/ticketsalecoupon-entiteit.md). */
  exchangeConstraint: { periodType: string; periodVolume: number };
  buyConstraint?: { periodType: string; periodVolume: number };
  validToInDays: number;
}

export const seedCoupons: readonly SeedCoupon[] = [
  { id: '35', name: 'Cultuurbon', description: 'Voor een voorstelling, film of concert in Gent.', exchangeConstraint: { periodType: 'ABSOLUTE', periodVolume: 3 }, buyConstraint: { periodType: 'WEEK', periodVolume: 1 }, validToInDays: 120 },
  { id: '14', name: 'Groepsbon Jeugdhuis', description: 'Bon voor groep Jeugdhuis De Demo.', exchangeConstraint: { periodType: 'ABSOLUTE', periodVolume: 5 }, validToInDays: 200 },
];

/** Which card gets which coupons: by pass holder uid, or 'group' for the group pass. */
export const seedCouponGrants: readonly { holder: string; couponId: string }[] = [
  { holder: seedPassholder.uid, couponId: '35' },
  { holder: 'pashouder-demo-0004', couponId: '35' },
  { holder: 'group', couponId: '14' },
];

/** Points the seeded pass holders start with. */
export const seedPoints: Readonly<Record<string, number>> = {
  [seedPassholder.uid]: 12,
  ...Object.fromEntries(seedRecordPassholders.map((holder, index) => [holder.uid, [25, 4, 8][index] ?? 0])),
};
