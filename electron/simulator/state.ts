/** The simulator's in-memory world, built from the seed; nothing is written to disk. */
import type { OddAnswer } from './odd-answers';
import { VisitWorld } from './visit-state';
import { randomBytes } from 'node:crypto';
import { isoDay } from '../rules/fields';
import { cardNumber, chipNumberOf, demoConsumerKey, demoEmployee, seedBalies, seedCardSystems, seedCards, seedGroupPass, seedPassholder, seedRecordPassholders, seedSchools, seedVouchers, type SeedCard } from './seed';

export interface Membership {
  cardSystemId: string;
  kansenStatuut: boolean;
  kansenStatuutEndDate?: string;
  /** YYYY-MM-DD: an ended kansenstatuut is still honoured until this day (the rule deciding it is production's; inferred). */
  kansenStatuutGraceUntil?: string;
  /** YYYY-MM-DD: the kansenstatuut is suspended until this day (CF Passholder/CardSystemSpecific.php kansenStatuutSuspendedUntil). */
  kansenStatuutSuspendedUntil?: string;
  uitpasNumber?: string;
}

export interface SimPassholder {
  uid: string;
  fields: Record<string, string>;
  optIns: Record<string, boolean>;
  legalTerms?: { paper: boolean; digital: boolean; parentalConsent: boolean };
  /** The stored photo, base64 JPEG, as uploadPicture left it. */
  picture?: string;
  /** The pass holder is blocked (passHolder/blocked, DOC entiteiten/pashouder-entiteit.md); blocking a card does not do it. */
  blocked?: boolean;
  verified: boolean;
  registrationBalieConsumerKey: string;
  memberships: Map<string, Membership>;
}

export interface RequestToken {
  secret: string;
  callback: string;
  verifier?: string;
}

export class SimulatorState {
  /**
   * The demo consumer of this run: its secret is random, so a local program or a web page cannot sign
   * requests with a secret read from the source; only whoever started this simulator (main) knows it.
   */
  readonly consumer = { key: demoConsumerKey, secret: randomBytes(32).toString('base64url') };
  readonly consumers = new Map([[this.consumer.key, this.consumer.secret]]);
  readonly employees = new Map([[demoEmployee.uid, demoEmployee]]);
  readonly balies = new Map(seedBalies.map((balie) => [balie.consumerKey, balie]));
  readonly cardSystems = new Map(seedCardSystems.map((system) => [system.id, system]));
  readonly cards = new Map<string, SeedCard>(seedCards().map((card) => [card.uitpasNumber, card]));
  readonly vouchers = new Map(seedVouchers.map((voucher) => [voucher.number, { ...voucher }]));
  readonly schools = new Set(seedSchools);
  readonly passholders = new Map<string, SimPassholder>();
  readonly requestTokens = new Map<string, RequestToken>();
  readonly accessTokens = new Map<string, { secret: string; uid: string }>();
  /** Odd answers production has given, queued by a test for the next request to a path (see odd-answers.ts). */
  readonly oddAnswers: OddAnswer[] = [];
  /** UiTiD v2 stand-in (uitid-v2.ts): authorization codes with their PKCE challenge, and unredeemed access tokens. */
  readonly oidcCodes = new Map<string, { challenge: string; redirectUri: string; clientId: string }>();
  readonly oidcAccessTokens = new Set<string>();
  /** The visit's check-ins, sales, cash-ins and points (visit-state.ts), its seed counted from `start`. */
  readonly visit: VisitWorld;

  constructor(start: Date = new Date()) {
    this.visit = new VisitWorld(start);
    const gent = seedCardSystems[0] ?? { id: '1', prefix: '09000' };
    const number = cardNumber(gent.prefix, seedPassholder.cardSequence, false);
    this.cards.set(number, { uitpasNumber: number, chipNumber: chipNumberOf(number), cardSystemId: gent.id, kansenpas: false, status: 'ACTIVE', balieConsumerKey: null });
    const { uid, name, firstName, inszNumber, dateOfBirth, gender, street, postalCode, city, email } = seedPassholder;
    const fields = { name, firstName, inszNumber, dateOfBirth, gender, street, postalCode, city, email };
    this.passholders.set(uid, {
      uid,
      fields,
      optIns: { optInServiceMails: true, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: false },
      verified: true,
      registrationBalieConsumerKey: 'balie-gent-centrum',
      memberships: new Map([[gent.id, { cardSystemId: gent.id, kansenStatuut: false, uitpasNumber: number }]]),
    });
    const day = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));
    for (const seed of seedRecordPassholders) {
      const uitpasNumber = cardNumber(gent.prefix, seed.card.sequence, seed.card.kansenpas);
      this.cards.set(uitpasNumber, { uitpasNumber, chipNumber: chipNumberOf(uitpasNumber), cardSystemId: gent.id, kansenpas: seed.card.kansenpas, status: seed.card.status, balieConsumerKey: null });
      const { kansenStatuut } = seed;
      this.passholders.set(seed.uid, {
        uid: seed.uid,
        fields: Object.fromEntries(Object.entries(seed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'uid')),
        optIns: { optInServiceMails: true, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: false },
        verified: false,
        blocked: seed.blocked,
        registrationBalieConsumerKey: 'balie-gent-centrum',
        memberships: new Map([
          [
            gent.id,
            {
              cardSystemId: gent.id,
              kansenStatuut: kansenStatuut !== undefined,
              kansenStatuutEndDate: kansenStatuut && day(kansenStatuut.endInDays),
              kansenStatuutGraceUntil: kansenStatuut?.graceUntilInDays !== undefined ? day(kansenStatuut.graceUntilInDays) : undefined,
              kansenStatuutSuspendedUntil: kansenStatuut?.suspendedForDays !== undefined ? day(kansenStatuut.suspendedForDays) : undefined,
              uitpasNumber,
            },
          ],
        ]),
      });
    }
  }

  /**
   * Whether the pass holder is blocked: a state of the pass holder, not of a card. A lost card blocked at the counter
   * leaves the pass holder active, or the real counter's "block and replace" (NG block-pass.controller.js) could not
   * go on to a new card. No source says what blocks a pass holder; the seed has one that is.
   */
  isBlocked(holder: SimPassholder): boolean {
    return holder.blocked === true;
  }

  /** Cards still in stock at a balie, per card system: printed at start-up for demo users. */
  stockOf(balieConsumerKey: string): SeedCard[] {
    return [...this.cards.values()].filter((card) => card.status === 'LOCAL_STOCK' && card.balieConsumerKey === balieConsumerKey);
  }

  passholderByInsz(insz: string): SimPassholder | undefined {
    return [...this.passholders.values()].find((holder) => holder.fields.inszNumber === insz);
  }

  passholderByEmail(email: string): SimPassholder | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.passholders.values()].find((holder) => holder.fields.email?.toLowerCase() === wanted);
  }

  cardByChip(chipNumber: string): SeedCard | undefined {
    const wanted = chipNumber.toUpperCase();
    return [...this.cards.values()].find((card) => card.chipNumber === wanted);
  }

  /** The group pass a card belongs to. */
  groupPassByCard(uitpasNumber: string): (typeof seedGroupPass & { uitpasNumber: string }) | undefined {
    const gent = seedCardSystems[0] ?? { prefix: '09000' };
    const number = cardNumber(gent.prefix, seedGroupPass.cardSequence, true);
    return uitpasNumber === number ? { ...seedGroupPass, availableTickets: this.visit.groupTicketsLeft, uitpasNumber: number } : undefined;
  }

  passholderByCard(uitpasNumber: string): SimPassholder | undefined {
    return [...this.passholders.values()].find((holder) => [...holder.memberships.values()].some((m) => m.uitpasNumber === uitpasNumber));
  }

  issueToken(): { token: string; secret: string } {
    return { token: randomBytes(16).toString('hex'), secret: randomBytes(20).toString('base64url') };
  }
}
