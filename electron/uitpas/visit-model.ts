/**
 * The pass holder's visit as the page receives it: the balie's activities with
 * their check-in state and price offer, what a check-in, a sale, a cancellation
 * and a cash-in answer, the advantages, coupons and both histories.
 *
 * Everything here is derived in main from the UiTPAS XML answers
 * (/work/shared/reference/counter-day.md, "the reference" below; its sources:
 * CF = cultuurnet/culturefeed-php, SX = cultuurnet/uitpas-beheer-silex,
 * NG = cultuurnet/uitpas-beheer-angular, DOC = cultuurnet/uit-documentatie).
 * Amounts are euro cents (the API writes "13.5"; cents keep a price × persons
 * total exact); points are whole numbers (CF casts them to int, reference §0.4);
 * dates and times are the API's own W3C strings, never shifted.
 */

/** How often something may happen (CF CultureFeed/CultureFeed/Uitpas/PeriodConstraint.php): periodVolume per ABSOLUTE, DAY, WEEK, MONTH, QUARTER or YEAR. */
export interface PeriodConstraint {
  periodType: string;
  periodVolume: number;
}

/**
 * The ranges of the real counter's activity list (NG app/scripts/utilities/date-range.constant.js, reference §1.1):
 * four are the API's own `datetype` values; `past` (a year back to yesterday), `day` (one chosen day) and
 * `unlimited` (no range) are sent as startDate/endDate or nothing, as SX does.
 */
export const activityDateTypes = ['today', 'next7days', 'next30days', 'next12months', 'past', 'day', 'unlimited'] as const;
export type ActivityDateType = (typeof activityDateTypes)[number];

/** The activity search (A1 uitpas/cultureevent/search) in the API's parameter names; balieConsumerKey is main's. */
export interface ActivitySearch {
  /** The pass holder's or group pass's card: personalises check-in state and tariffs. */
  uitpasNumber: string;
  datetype: ActivityDateType;
  /** YYYY-MM-DD, with datetype `day` only. */
  date?: string;
  /** Free text (Search API syntax), the real counter's search box. */
  q?: string;
  /** One activity, as SX re-reads it after a check-in or a sale. */
  cdbid?: string;
  /** Paging: first result and page size (NG pages by 5). */
  start?: number;
  max?: number;
}

/** One timestamp of the event's calendar (cdb:timestamp): a day, with hours when the event has them. */
export interface ActivityTimestamp {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS */
  timestart?: string;
  timeend?: string;
}

/** When: timestamps, a period, permanent, or none readable (the summary may still say). */
export type ActivityWhen =
  | { kind: 'timestamps'; timestamps: ActivityTimestamp[] }
  | { kind: 'period'; datefrom: string; dateto: string }
  | { kind: 'permanent' }
  | { kind: 'none' };

/**
 * The check-in column, as NG decides it (NG app/scripts/activity/activity.factory.js::getCheckinState, reference §1.4):
 * - `allowed`: "+N · Punten sparen";
 * - `saved`: MAXIMUM_REACHED, "Punten gespaard";
 * - `not-yet`: INVALID_DATE_TIME with a window that opens later, "Sparen mogelijk vanaf …" (checkinStartDate);
 * - `ended`: INVALID_DATE_TIME with a window that closed, or none given (SX turns a missing window end into 1970,
 *   which NG shows as over), "Evenement afgelopen";
 * - `refused`: any other reason UiTPAS gives (INVALID_CARD, INVALID_CARD_STATUS, KANSENSTATUUT_EXPIRED, ACTION_FAILED,
 *   INVALID_DATE_TIME inside its own window, …), shown in words where NG shows nothing.
 */
export type CheckinState =
  | { state: 'allowed' }
  | { state: 'saved' }
  | { state: 'not-yet'; checkinStartDate: string }
  | { state: 'ended' }
  /** Without a reason when UiTPAS gave none (checkinAllowed false alone). */
  | { state: 'refused'; checkinConstraintReason?: string };

/** A base price of a price class (priceClass name → price over all ticketSales; SX SalesInformation::fromCultureFeedUitpasEvent). */
export interface BasePrice {
  /** The name the buy call takes as `priceClass` (e.g. "Default prijsklasse", "Rang 1"); "Basisprijs" when the event has no classes. */
  priceClass: string;
  cents: number;
}

/** A discount tariff: kansentarief (ticketSale type DEFAULT) or a coupon (type COUPON) (SX Tariff/Tariff.php). */
export interface Tariff {
  type: 'KANSENTARIEF' | 'COUPON';
  /** "Kansentarief", or the coupon's name. */
  name: string;
  /** COUPON only: what the buy call sends as `ticketSaleCouponId`. */
  ticketSaleCouponId?: string;
  /** The ticketSale's buyConstraintReason was MAXIMUM_REACHED: shown, not sellable ("Niet meer beschikbaar"). */
  maximumReached: boolean;
  /** Per price class, what the pass holder pays. */
  prices: { priceClass: string; cents: number }[];
  /** COUPON only: uses left for this event and overall (remainingForEvent / remainingTotal). */
  remainingForEvent?: PeriodConstraint;
  remainingTotal?: PeriodConstraint;
}

/** The sales block SX derives (reference §1.5; SX src/Activity/SalesInformation/SalesInformation.php, Specifications/*.php). */
export interface SalesInformation {
  base: BasePrice[];
  /** Kansentarief first, then by name (case-insensitive), as SX sorts them. */
  tariffs: Tariff[];
  /** Every tariff maxed (HasReachedMaximumSales; none at all is not maxed). */
  maximumReached: boolean;
  /** ≥1 class and ≥1 open tariff, and ≥2 classes or ≥2 open tariffs (HasDifferentiation). */
  differentiation: boolean;
  kansentariefAvailable: boolean;
  couponAvailable: boolean;
  /** The lowest price of the open tariffs. */
  lowestAvailableCents?: number;
}

/**
 * The tariff column, NG's first match (NG activity.factory.js::getTariff, content-activities.html; reference §1.5):
 * - `free`: "Gratis";
 * - `maximum-reached`: "Maximum toegelaten aantal tickets bereikt" + Historiek;
 * - `choose`: "vanaf € {lowest}" + "Tarief kiezen" (several classes or tariffs: the page lets staff pick from `sales`);
 * - `kansentarief`: "€ {cents} aan kansentarief" + "Tarief toekennen" (one action: first class of the first tariff);
 * - `coupon`: "€ {cents}" + coupon name + "Tarief toekennen" (first class with the first open coupon);
 * - `no-tariff`: "€ {base}" and no discount for this pass holder.
 * `kansentarief` and `coupon` carry exactly what the one-action sale sends.
 */
export type PriceOffer =
  | { kind: 'free' }
  | { kind: 'maximum-reached' }
  | { kind: 'choose'; lowestAvailableCents: number }
  | { kind: 'kansentarief'; priceClass: string; cents: number }
  | { kind: 'coupon'; priceClass: string; cents: number; ticketSaleCouponId: string; couponName: string }
  | { kind: 'no-tariff'; baseCents: number };

export interface Activity {
  cdbid: string;
  title: string;
  shortDescription?: string;
  when: ActivityWhen;
  /** The API's own one-line summary in Dutch, e.g. "woe 05/09/12 van 18:00 tot 19:00". */
  calendarsummary?: string;
  locationName?: string;
  city?: string;
  organiserName?: string;
  /** What a check-in earns (default 1). */
  numberOfPoints: number;
  checkin: CheckinState;
  checkinConstraint?: PeriodConstraint;
  /** The current or next check-in window, when the API gives it (absent once the event is over). */
  checkinStartDate?: string;
  checkinEndDate?: string;
  sales: SalesInformation;
  offer: PriceOffer;
}

export interface ActivityPage {
  total: number;
  activities: Activity[];
}

/**
 * A check-in that UiTPAS accepted: `points` is the pass holder's total after it (DOC inchecken-pashouder.md; reference §2.2);
 * `activity` the event re-read as SX does (null when that re-read failed: the check-in stands).
 */
export interface CheckinResult {
  points: number;
  activity: Activity | null;
}

/**
 * Sell a ticket (A3): `priceClass` by name; `ticketSaleCouponId` for a coupon sale; `amountOfTickets` for a group pass
 * only, never for a pass holder (DOC events/registratie-van-verkoop-van-ticket.md; reference §3.2).
 */
export interface TicketSaleRequest {
  cdbid: string;
  uitpasNumber: string;
  priceClass: string;
  ticketSaleCouponId?: string;
  amountOfTickets?: number;
}

/**
 * One ticket sale, from the buy answer or the sale history (DOC entiteiten/ticketsale-entiteit-bij-zoekopdracht.md;
 * CF-U/Event/TicketSale.php). `priceCents` is the full price and `tariffCents` what was paid (reference §3.3,
 * inferred where the sources disagree).
 */
export interface TicketSale {
  id: string;
  creationDate?: string;
  /** The event (nodeId = cdbid) and its title. */
  nodeId?: string;
  nodeTitle?: string;
  priceCents?: number;
  tariffCents?: number;
  /** Sold with this coupon; absent: at kansentarief. */
  ticketSaleCoupon?: { id: string; name: string };
  groupPass: boolean;
}

/** A sale UiTPAS registered, and the activity re-read (null when the re-read failed: the sale stands). */
export interface TicketSaleResult {
  ticketSale: TicketSale;
  activity: Activity | null;
}

/**
 * A welcome advantage (A6; DOC entiteiten/welcomeadvantage-entiteit.md) or a points promotion ("omruilvoordeel", A8;
 * DOC entiteiten/pointspromotion-entiteit.md), as the "Voordelen" panel shows it.
 */
export interface Advantage {
  kind: 'welcome' | 'points';
  /** welcomeAdvantageId or pointsPromotionId. */
  id: string;
  title: string;
  description1?: string;
  description2?: string;
  /** What cashing in costs (always 0 for a welcome advantage). */
  points: number;
  cashedIn: boolean;
  cashingDate?: string;
  cashingPeriodBegin?: string;
  cashingPeriodEnd?: string;
  /** Where it can be cashed ("Aangeboden door"); empty: every balie. */
  balies: { id: string; name: string }[];
  validForCities: string[];
  maxAvailableUnits?: number;
  unitsTaken?: number;
  /** Points promotions: POSSIBLE or why not (NOT_POSSIBLE_POINTS_CONSTRAINT, …; reference §4.2). */
  cashInState?: string;
  /**
   * Can be cashed now: a welcome advantage not cashed with units left (SX src/Advantage/WelcomeAdvantage.php), a points
   * promotion whose cashInState is POSSIBLE (SX keeps only those, reference §4.2).
   */
  exchangeable: boolean;
}

/**
 * A cash-in UiTPAS accepted: the advantage re-read (A10/A11) as SX does, with a welcome advantage forced to not
 * exchangeable (SX AdvantageController::getAdvantageJsonResponse: the server sometimes still says not cashed), and
 * the balance after it from the pass holder's record (neither answer carries it; null when that re-read failed).
 */
export interface CashInResult {
  advantage: Advantage;
  points: number | null;
}

/** A coupon ("Bon") of the pass holder (A15; DOC entiteiten/ticketsalecoupon-entiteit.md). */
export interface Coupon {
  id: string;
  name: string;
  description?: string;
  validFrom?: string;
  validTo?: string;
  expired: boolean;
  /** "Nog beschikbaar: N beurt(en) deze week" (NG app/scripts/coupon/coupon.factory.js). */
  remainingTotal?: PeriodConstraint;
  buyConstraint?: PeriodConstraint;
  exchangeConstraint?: PeriodConstraint;
}

/**
 * One line of the points history (SX CombinedPointsTransactionService, reference §6.1): a check-in at this balie
 * (A13, +points) or a cashed points promotion at any balie (A12, −points), newest first.
 */
export interface PointsHistoryEntry {
  kind: 'checkin' | 'cashed';
  id: string;
  /** W3C date-time as the API wrote it. */
  date: string;
  title: string;
  /** Signed: + for a check-in, − for a cashed promotion. */
  points: number;
  /** Where: the balie that checked in (createdVia) or cashed. */
  balie?: string;
  /** A cashed entry's points promotion (its `promotion/id`): what settles a cash-in whose answer was lost. */
  promotionId?: string;
}
