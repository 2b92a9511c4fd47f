/**
 * The visit's XML answers read into the page's model (visit-model.ts). Shapes:
 * /work/shared/reference/counter-day.md ("the reference") and the fixtures and
 * DOC samples it cites per section. Reading never throws on a missing element:
 * the calls decide what an answer must carry to count as a success.
 */
import { attribute, bool, child, list, text, wholeNumber, type XmlValue } from './xml';
import { cents, checkinState, priceOffer, salesInformation, type TicketSaleOpportunity } from './visit-offer';
import type { Activity, ActivityPage, ActivityTimestamp, ActivityWhen, Advantage, Coupon, PeriodConstraint, PointsHistoryEntry, TicketSale } from './visit-model';

const optional = (node: XmlValue | undefined, name: string) => {
  const value = text(node, name);
  return value === undefined || value === '' ? undefined : value.trim();
};


export function periodConstraint(node: XmlValue | undefined): PeriodConstraint | undefined {
  const periodType = optional(node, 'periodType');
  const periodVolume = wholeNumber(text(node, 'periodVolume'));
  return periodType && periodVolume !== undefined ? { periodType, periodVolume } : undefined;
}

/** cdb:calendar (namespace prefix dropped by the parser, so CdbXSD 3.1 and 3.2 read alike; reference §1.2). */
function calendar(node: XmlValue | undefined): ActivityWhen {
  const timestamps: ActivityTimestamp[] = list(child(node, 'timestamps'), 'timestamp').flatMap((stamp) => {
    const date = optional(stamp, 'date');
    if (!date) return [];
    const timestart = optional(stamp, 'timestart');
    const timeend = optional(stamp, 'timeend');
    return [{ date, ...(timestart ? { timestart } : {}), ...(timeend ? { timeend } : {}) }];
  });
  if (timestamps.length) return { kind: 'timestamps', timestamps };
  const period = list(child(node, 'periods'), 'period')[0];
  const datefrom = optional(period, 'datefrom');
  const dateto = optional(period, 'dateto');
  if (datefrom && dateto) return { kind: 'period', datefrom, dateto };
  // cdb:permanentopeningtimes, the CdbXSD calendar's third form (inferred: neither fixture nor DOC sample has one).
  return child(node, 'permanentopeningtimes') !== undefined ? { kind: 'permanent' } : { kind: 'none' };
}

/** One ticketSale of A1 (CF-T events/searchresults.xml; DOC entiteiten/ticketsale-entiteit-bij-opzoeken-van-evenementen.md). */
function opportunity(node: XmlValue): TicketSaleOpportunity {
  const coupon = child(node, 'ticketSaleCoupon');
  const couponId = optional(coupon, 'id');
  return {
    // A missing attribute is DEFAULT (CF Uitpas/Event/TicketSale/Opportunity.php).
    type: attribute(node, 'type') === 'COUPON' ? 'COUPON' : 'DEFAULT',
    buyConstraintReason: optional(node, 'buyConstraintReason'),
    coupon: couponId ? { id: couponId, name: optional(coupon, 'name') ?? '' } : undefined,
    priceClasses: list(child(node, 'priceClasses'), 'priceClass').flatMap((priceClass) => {
      const name = optional(priceClass, 'name');
      const priceCents = cents(text(priceClass, 'price'));
      const tariffCents = cents(text(priceClass, 'tariff'));
      return name && priceCents !== undefined && tariffCents !== undefined ? [{ name, priceCents, tariffCents }] : [];
    }),
    remainingForEvent: periodConstraint(child(node, 'remainingForEvent')),
    remainingTotal: periodConstraint(child(node, 'remainingTotal')),
  };
}

/** One event of A1 (reference §1.2–1.5; CF CultureFeed/CultureFeed/Uitpas/Event/CultureEvent.php reads the same fields). */
export function parseActivity(node: XmlValue, now: Date): Activity | undefined {
  const cdbid = optional(node, 'cdbid');
  if (!cdbid) return undefined;
  // An event-level buyConstraintReason is carried by its ticketSales too in the fixture; SX reads only the ticketSales.
  const sales = salesInformation(list(child(node, 'ticketSales'), 'ticketSale').map(opportunity), cents(text(node, 'price')));
  const checkinStartDate = optional(node, 'checkinStartDate');
  const checkinEndDate = optional(node, 'checkinEndDate');
  const checkinConstraint = periodConstraint(child(node, 'checkinConstraint'));
  return {
    cdbid,
    title: optional(node, 'title') ?? '',
    shortDescription: optional(node, 'shortDescription'),
    when: calendar(child(node, 'calendar')),
    calendarsummary: optional(node, 'calendarsummary'),
    locationName: optional(node, 'locationName'),
    city: optional(node, 'city'),
    organiserName: optional(node, 'organiserName'),
    // DOC cultureevent-entiteit.md: default 1.
    numberOfPoints: wholeNumber(text(node, 'numberOfPoints')) ?? 1,
    checkin: checkinState({ checkinAllowed: bool(node, 'checkinAllowed'), checkinConstraintReason: optional(node, 'checkinConstraintReason'), checkinStartDate, checkinEndDate }, now),
    ...(checkinConstraint ? { checkinConstraint } : {}),
    ...(checkinStartDate ? { checkinStartDate } : {}),
    ...(checkinEndDate ? { checkinEndDate } : {}),
    sales,
    offer: priceOffer(sales),
  };
}

/** Root cultureEvents with total and event children (CF-T events/searchresults.xml). */
export function parseActivityPage(root: XmlValue | undefined, now: Date): ActivityPage {
  const activities = list(root, 'event').flatMap((event) => parseActivity(event, now) ?? []);
  return { total: wholeNumber(text(root, 'total')) ?? activities.length, activities };
}

/**
 * A ticketSale of the buy answer or the sale history (DOC events/registratie-van-verkoop-van-ticket.md,
 * verkoop-tickets-doorzoeken.md; entity page DOC entiteiten/ticketsale-entiteit-bij-zoekopdracht.md calls groupPass
 * isGroupPass, so both are read). Who bought it (name, birth date, home city) is left out: the page needs none of it.
 */
export function parseTicketSale(node: XmlValue | undefined): TicketSale | undefined {
  const id = optional(node, 'id');
  if (!id) return undefined;
  const coupon = child(node, 'ticketSaleCoupon');
  const couponId = optional(coupon, 'id');
  const priceCents = cents(text(node, 'price'));
  const tariffCents = cents(text(node, 'tariff'));
  return {
    id,
    creationDate: optional(node, 'creationDate'),
    nodeId: optional(node, 'nodeId'),
    nodeTitle: optional(node, 'nodeTitle'),
    ...(priceCents !== undefined ? { priceCents } : {}),
    ...(tariffCents !== undefined ? { tariffCents } : {}),
    ...(couponId ? { ticketSaleCoupon: { id: couponId, name: optional(coupon, 'name') ?? '' } } : {}),
    // groupPass is a repeated element elsewhere (retrieve's group passes, xml.ts), so read as a list here.
    groupPass: list(node, 'groupPass')[0] === 'true' || bool(node, 'isGroupPass'),
  };
}

/**
 * A welcome advantage or a points promotion: list entries of A6/A8, the cash-in answers A7/A9 (promotionTO) and the
 * re-reads A10/A11 (welcomeAdvantageTO, pointsPromotionTO) share these fields (DOC entiteiten/welcomeadvantage-entiteit.md,
 * pointspromotion-entiteit.md; CF-T passholder/advantages.xml, promotion_points.xml, promotion.xml, promotion_checkin.xml).
 */
export function parseAdvantage(node: XmlValue | undefined, kind: Advantage['kind']): Advantage | undefined {
  const id = optional(node, 'id');
  if (!id) return undefined;
  const cashedIn = bool(node, 'cashedIn');
  const maxAvailableUnits = wholeNumber(text(node, 'maxAvailableUnits'));
  const unitsTaken = wholeNumber(text(node, 'unitsTaken'));
  const cashInState = optional(node, 'cashInState');
  const unitsLeft = maxAvailableUnits === undefined || maxAvailableUnits > (unitsTaken ?? 0);
  return {
    kind,
    id,
    title: optional(node, 'title') ?? '',
    description1: optional(node, 'description1'),
    description2: optional(node, 'description2'),
    points: kind === 'welcome' ? 0 : (wholeNumber(text(node, 'points')) ?? 0),
    cashedIn,
    cashingDate: optional(node, 'cashingDate'),
    cashingPeriodBegin: optional(node, 'cashingPeriodBegin'),
    cashingPeriodEnd: optional(node, 'cashingPeriodEnd'),
    balies: list(child(node, 'balies'), 'balie').flatMap((balie) => {
      const balieId = optional(balie, 'id');
      return balieId ? [{ id: balieId, name: optional(balie, 'name') ?? '' }] : [];
    }),
    validForCities: list(child(node, 'validForCities'), 'city').filter((city): city is string => typeof city === 'string' && city !== ''),
    ...(maxAvailableUnits !== undefined ? { maxAvailableUnits } : {}),
    ...(unitsTaken !== undefined ? { unitsTaken } : {}),
    ...(cashInState ? { cashInState } : {}),
    // SX src/Advantage/WelcomeAdvantage.php; a points promotion by its cashInState POSSIBLE (SX src/Advantage/PointsPromotionAdvantage.php),
    // one without a state (CF-T passholder/promotion_points.xml has none) when not cashed with units left (inferred).
    exchangeable: kind === 'welcome' ? !cashedIn && unitsLeft : cashInState === 'POSSIBLE' || (cashInState === undefined && !cashedIn && unitsLeft),
  };
}

/** A coupon of A15 (DOC pashouders/opzoeken-van-coupons-van-een-pashouder.md; entiteiten/ticketsalecoupon-entiteit.md). */
export function parseCoupon(node: XmlValue): Coupon | undefined {
  const id = optional(node, 'id');
  if (!id) return undefined;
  const remainingTotal = periodConstraint(child(node, 'remainingTotal'));
  const buyConstraint = periodConstraint(child(node, 'buyConstraint'));
  const exchangeConstraint = periodConstraint(child(node, 'exchangeConstraint'));
  return {
    id,
    name: optional(node, 'name') ?? '',
    description: optional(node, 'description'),
    validFrom: optional(node, 'validFrom'),
    validTo: optional(node, 'validTo'),
    expired: bool(node, 'expired'),
    ...(remainingTotal ? { remainingTotal } : {}),
    ...(buyConstraint ? { buyConstraint } : {}),
    ...(exchangeConstraint ? { exchangeConstraint } : {}),
  };
}

/** A check-in of A13 (CF-T cultureevent/searchCheckins.xml: nodeID with a capital D, points "1.000"): +points. */
export function parseCheckinEntry(node: XmlValue): PointsHistoryEntry | undefined {
  const id = optional(node, 'id');
  const date = optional(node, 'creationDate');
  if (!id || !date) return undefined;
  return { kind: 'checkin', id, date, title: optional(node, 'nodeTitle') ?? '', points: Math.abs(wholeNumber(text(node, 'points')) ?? 0), balie: optional(node, 'createdVia') };
}

/** A cashed promotion of A12 (DOC pashouders/ophalen-verzilverde-omruilvoordelen.md): −points. */
export function parseCashedEntry(node: XmlValue): PointsHistoryEntry | undefined {
  const id = optional(node, 'id');
  const date = optional(node, 'cashingDate');
  if (!id || !date) return undefined;
  const promotion = child(node, 'promotion');
  const promotionId = optional(promotion, 'id');
  return {
    kind: 'cashed',
    id,
    date,
    title: optional(promotion, 'title') ?? '',
    points: -Math.abs(wholeNumber(text(promotion, 'points')) ?? 0),
    balie: optional(list(node, 'balie')[0], 'name'),
    ...(promotionId ? { promotionId } : {}),
  };
}
