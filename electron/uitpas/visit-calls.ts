/**
 * The UiTPAS calls of the pass holder's visit, A1–A4 and A6–A15 of
 * /work/shared/reference/counter-day.md ("the reference"), with the parameters
 * the real counter sends (SX, through CF). The client adds balieConsumerKey to
 * each, except the promotion re-reads A10/A11, which SX makes without it
 * (reference §0.2). A write's 200 without what it must carry is a bad answer
 * whose outcome is unknown, never a success.
 */
import { pathSegment as path, succeeded, type UitpasCore } from './client-core';
import { refusalOnField, UitpasBadResponseError } from './errors';
import type { Passholder } from './model';
import { parseActivityPage, parseAdvantage, parseCashedEntry, parseCheckinEntry, parseCoupon, parseTicketSale } from './visit-parse';
import type { ActivityPage, ActivitySearch, Advantage, Coupon, PointsHistoryEntry, TicketSale, TicketSaleRequest } from './visit-model';
import { child, list, text, wholeNumber, type XmlNode } from './xml';
import type { Params } from './transport';
import { dayBounds, isoDayInBrussels, shiftDays, w3cInBrussels } from './visit-time';

const incomplete = () => new UitpasBadResponseError(200, true, 'incomplete');

/**
 * The real counter's sort per range (NG app/scripts/activity/activity.controller.js, reference §1.1): permanent events
 * first, then by period and end; the past newest first.
 */
const sortFor = (datetype: ActivitySearch['datetype']) =>
  datetype === 'past' ? 'permanent desc,availableto desc' : datetype === 'day' || datetype === 'unlimited' ? 'permanent desc,availableto asc' : 'permanent desc,periods desc,availableto asc';

/** The range as SX sends it (SX src/Activity/CultureFeedUiTPAS/Query.php): a named datetype, or start and end of days. */
function rangeParams(search: ActivitySearch, now: Date): Params {
  switch (search.datetype) {
    case 'today':
    case 'next7days':
    case 'next30days':
    case 'next12months':
      return { datetype: search.datetype };
    case 'past': {
      // "Afgelopen activiteiten": today − 366 days 00:00:00 to yesterday 23:59:59.
      const today = isoDayInBrussels(now);
      return { startDate: dayBounds(shiftDays(today, -366)).start, endDate: dayBounds(shiftDays(today, -1)).end };
    }
    case 'day': {
      const bounds = dayBounds(search.date ?? isoDayInBrussels(now));
      return { startDate: bounds.start, endDate: bounds.end };
    }
    case 'unlimited':
      return {};
  }
}

/** The paged history calls: at most this many pages of 20 (SX pages A13 and A12 by 20 until total; the cap is ours). */
const maxHistoryPages = 10;
const historyPage = 20;

async function allPages<T>(page: (start: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let index = 0; index < maxHistoryPages; index++) {
    const next = await page(index * historyPage);
    items.push(...next.items);
    if (next.items.length < historyPage || items.length >= next.total) break;
  }
  return items;
}

/** A look-up's <response>: without one, the 200 is no answer to it. */
function answered(xml: XmlNode) {
  const response = child(xml, 'response');
  if (response === undefined) throw new UitpasBadResponseError(200, false, 'incomplete');
  return response;
}

const newestFirst = <T extends { date: string }>(entries: T[]) => entries.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));

export function visitCalls({ options, request }: UitpasCore, readRecord: (uitpasNumber: string) => Promise<Passholder>) {
  const get = (route: string, params: Params = {}, asConsumer = false) => request('GET', route, params, { asConsumer });
  const post = (route: string, params: Params) => request('POST', route, params);

  /** A1: the balie's activities for this card, personalised; consumer-signed as CF does (CF Default.php::searchEvents). */
  const searchActivities = async (search: ActivitySearch, now: Date): Promise<ActivityPage> => {
    const xml = await get(
      'uitpas/cultureevent/search',
      {
        uitpasNumber: search.uitpasNumber,
        ...(search.cdbid ? { cdbid: search.cdbid } : rangeParams(search, now)),
        q: search.q?.trim() || undefined,
        sort: search.cdbid ? undefined : sortFor(search.datetype),
        start: search.start,
        max: search.max,
      },
      true,
    ).catch(refusalOnField({ INVALID_DATE_CONSTRAINTS: null, PARSE_INVALID_DATE: null }));
    const root = child(xml, 'cultureEvents');
    if (root === undefined) throw new UitpasBadResponseError(200, false, 'incomplete');
    return parseActivityPage(root, now);
  };

  /** The one activity, re-read as SX does after a check-in (SX CheckinController.php, ActivityService::get). */
  const readActivity = async (uitpasNumber: string, cdbid: string, now: Date) =>
    (await searchActivities({ uitpasNumber, cdbid, datetype: 'unlimited' }, now)).activities.find((activity) => activity.cdbid === cdbid) ?? null;

  /** The pass holder's record (the client's getPassholder): points for the balance, uid for the history calls. */
  const passholder = async (uitpasNumber: string) => {
    const holder = await readRecord(uitpasNumber);
    if (!holder.uid) throw new UitpasBadResponseError(200, false, 'incomplete');
    return holder;
  };
  return {
    /** Where the calls go (the environment's prefix): a read shared between calls is kept apart by it. */
    prefix: options.prefix,
    searchActivities,
    readActivity,

    /**
     * A2 (DOC pashouders/inchecken-pashouder.md; CF Default.php::checkinPassholder): the tapped chip when there is
     * one, else the number, never both. Success is <response><points>: the total after it (reference §2.2).
     */
    checkin: async (cdbid: string, card: { uitpasNumber: string } | { chipNumber: string }): Promise<number> => {
      const xml = await post('uitpas/passholder/checkin', { cdbid, ...card }).catch(refusalOnField({ INVALID_CARD_STATUS: null, MISSING_REQUIRED_FIELDS: null }));
      const points = wholeNumber(text(child(xml, 'response'), 'points'));
      if (points === undefined) throw incomplete();
      return points;
    },

    /**
     * A3 (DOC events/registratie-van-verkoop-van-ticket.md; CF Default.php::registerTicketSale): the price class by
     * name, the coupon's id for a coupon sale, the number of tickets for a group pass. Success is the ticketSale.
     */
    buyTicket: async (sale: TicketSaleRequest): Promise<TicketSale> => {
      const xml = await post(`uitpas/cultureevent/${path(sale.cdbid)}/buy/${path(sale.uitpasNumber)}`, {
        priceClass: sale.priceClass,
        ticketSaleCouponId: sale.ticketSaleCouponId,
        amountOfTickets: sale.amountOfTickets,
      }).catch(refusalOnField({ INVALID_DATE_CONSTRAINTS: null, INVALID_CARD_STATUS: null, INVALID_CARD: null, MISSING_REQUIRED_FIELDS: null }));
      return parseTicketSale(child(xml, 'ticketSale')) ?? Promise.reject(incomplete());
    },

    /** A4 (DOC events/annulatie-van-verkoop-van-ticket-adhv-id.md; CF Default.php::cancelTicketSaleById): ACTION_SUCCEEDED only. */
    cancelTicketSale: async (ticketSaleId: string) => succeeded(await post(`uitpas/cultureevent/cancel/${path(ticketSaleId)}`, {})),

    /**
     * A6 (DOC pashouders/ophalen-welkomstvoordelen-voor-pashouder.md; SX WelcomeAdvantageService::getExchangeable):
     * the open ones cashable at this balie, in their cash-in period now. Root <promotions>, no total.
     */
    welcomeAdvantages: async (uitpasNumber: string, now: Date): Promise<Advantage[]> => {
      const xml = await get(`uitpas/passholder/${path(uitpasNumber)}/welcomeadvantages`, {
        cashInBalieConsumerKey: options.balieConsumerKey,
        cashingPeriodBegin: w3cInBrussels(now),
        cashingPeriodEnd: w3cInBrussels(now),
        cashedIn: false,
        max: 999_999,
        start: 0,
      });
      const root = child(xml, 'promotions');
      if (root === undefined) throw new UitpasBadResponseError(200, false, 'incomplete');
      return list(root, 'promotion').flatMap((node) => parseAdvantage(node, 'welcome') ?? []);
    },

    /**
     * A8 (DOC pashouders/ophalen-omruilvoordelen.md; CF Default.php::getPromotionPoints signs it as a consumer; SX
     * PointsPromotionAdvantageService): those this pass holder can afford now at this balie.
     */
    pointsPromotions: async (uitpasNumber: string, now: Date): Promise<Advantage[]> => {
      const xml = await get(
        'uitpas/passholder/pointsPromotions',
        { uitpasNumber, cashingPeriodBegin: w3cInBrussels(now), cashingPeriodEnd: w3cInBrussels(now), filterOnUserPoints: true, unexpired: true, max: 999_999, start: 0 },
        true,
      );
      // SX keeps only those whose cashInState is POSSIBLE (SX src/Advantage/PointsPromotionAdvantageService.php); one
      // without a state, as in CF-T passholder/promotion_points.xml, is kept (inferred).
      return list(child(answered(xml), 'promotions'), 'promotion').flatMap((node) => parseAdvantage(node, 'points') ?? []).filter((promotion) => (promotion.cashInState ?? 'POSSIBLE') === 'POSSIBLE');
    },

    /** A7 (DOC pashouders/verzilveren-welkomstvoordeel.md; CF-T passholder/promotion.xml): success is the promotionTO. */
    cashInWelcomeAdvantage: async (uitpasNumber: string, welcomeAdvantageId: string): Promise<Advantage> => {
      const xml = await post(`uitpas/passholder/${path(uitpasNumber)}/cashInWelcomeAdvantage`, { welcomeAdvantageId }).catch(refusalOnField({ INVALID_CARD_STATUS: null, INVALID_CARD: null }));
      return parseAdvantage(child(xml, 'promotionTO'), 'welcome') ?? Promise.reject(incomplete());
    },

    /** A9 (DOC pashouders/punten-verzilveren.md; CF-T passholder/promotion_checkin.xml): success is the promotionTO. */
    cashInPointsPromotion: async (uitpasNumber: string, pointsPromotionId: string): Promise<Advantage> => {
      const xml = await post(`uitpas/passholder/${path(uitpasNumber)}/cashInPointsPromotion`, { pointsPromotionId }).catch(refusalOnField({ INVALID_CARD: null }));
      return parseAdvantage(child(xml, 'promotionTO'), 'points') ?? Promise.reject(incomplete());
    },

    /**
     * A10/A11 (DOC welkomstvoordelen-en-verzilveracties/ophalen-gegevens-van-een-welkomstvoordeel.md, …-verzilveractie.md):
     * consumer-signed, without the balie, as SX re-reads after a cash-in (SX AdvantageController::getAdvantageJsonResponse).
     */
    readAdvantage: async (kind: Advantage['kind'], id: string, uitpasNumber: string): Promise<Advantage> => {
      const route = kind === 'welcome' ? `uitpas/promotion/welcomeAdvantage/${path(id)}` : `uitpas/promotion/pointsPromotion/${path(id)}`;
      const xml = await request('GET', route, { uitpasNumber }, { asConsumer: true, withoutBalie: true });
      const advantage = parseAdvantage(child(xml, kind === 'welcome' ? 'welcomeAdvantageTO' : 'pointsPromotionTO'), kind);
      if (!advantage) throw new UitpasBadResponseError(200, false, 'incomplete');
      return advantage;
    },

    passholder,

    /** A15 (DOC pashouders/opzoeken-van-coupons-van-een-pashouder.md): root <ticketSaleCoupons>, no total; 100 is above any real list (inferred bound). */
    coupons: async (uitpasNumber: string): Promise<Coupon[]> => {
      const xml = await get(`uitpas/passholder/${path(uitpasNumber)}/coupons`, { max: 100 });
      const root = child(xml, 'ticketSaleCoupons');
      if (root === undefined) throw new UitpasBadResponseError(200, false, 'incomplete');
      return list(root, 'ticketSaleCoupon').flatMap((node) => parseCoupon(node) ?? []);
    },

    /**
     * The points history (SX CombinedPointsTransactionService, reference §6.1): check-ins at this balie (A13, by the
     * holder's uid) and cashed points promotions anywhere (A12), one year back to tomorrow, newest first.
     */
    pointsHistory: async ({ uid, uitpasNumber }: { uid: string; uitpasNumber: string }, now: Date): Promise<PointsHistoryEntry[]> => {
      const today = isoDayInBrussels(now);
      const from = dayBounds(shiftDays(today, -365)).start;
      const until = dayBounds(shiftDays(today, 1)).end;
      const totalOf = (node: XmlNode) => wholeNumber(text(answered(node), 'total')) ?? 0;
      const [checkins, cashed] = await Promise.all([
        allPages(async (start) => {
          const xml = await get('uitpas/cultureevent/searchCheckins', { uid, checkinViaBalieConsumerKey: options.balieConsumerKey, startDate: from, endDate: until, start, max: historyPage });
          const items = list(child(answered(xml), 'checkinActivities'), 'checkinActivity').flatMap((node) => parseCheckinEntry(node) ?? []);
          return { items, total: totalOf(xml) };
        }),
        allPages(async (start) => {
          const xml = await get(`uitpas/passholder/${path(uitpasNumber)}/cashedPointsPromotions`, { cashingPeriodBegin: from, cashingPeriodEnd: until, start, max: historyPage });
          const items = list(child(answered(xml), 'cashedPromotions'), 'cashedPromotion').flatMap((node) => parseCashedEntry(node) ?? []);
          return { items, total: totalOf(xml) };
        }),
      ]);
      return newestFirst([...checkins, ...cashed]);
    },

    /**
     * A14 (DOC events/verkoop-tickets-doorzoeken.md; SX TicketSaleService::getByUiTPASNumber sends uid and balie only):
     * the sales this balie made, organised or hosted, newest first.
     */
    ticketSales: async (uid: string): Promise<TicketSale[]> => {
      const xml = await get('uitpas/cultureevent/searchTicketsales', { uid });
      const sales = list(child(answered(xml), 'ticketSales'), 'ticketSale').flatMap((node) => parseTicketSale(node) ?? []);
      return sales.sort((a, b) => Date.parse(b.creationDate ?? '') - Date.parse(a.creationDate ?? ''));
    },
  };
}
