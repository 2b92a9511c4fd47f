/**
 * What an activity offers this pass holder, derived as the real counter does:
 * the sales block as SX builds it from A1's ticketSales (reference
 * /work/shared/reference/counter-day.md §1.5; SX src/Activity/SalesInformation/SalesInformation.php,
 * Tariff/Tariff.php, Specifications/HasAvailableCoupon.php, HasAvailableKansentarief.php,
 * HasDifferentiation.php, HasReachedMaximumSales.php, src/Activity/Specifications/IsFree.php), the tariff
 * column as NG picks it (NG app/scripts/activity/activity.factory.js::getTariff), and the check-in column
 * (same file, getCheckinState; reference §1.4). Pure: no I/O, the time is given.
 */
import type { BasePrice, CheckinState, PriceOffer, SalesInformation, Tariff } from './visit-model';

/** One ticketSale of A1 as read (CF CultureFeed/CultureFeed/Uitpas/Event/TicketSale/Opportunity.php). */
export interface TicketSaleOpportunity {
  /** DEFAULT (also when the attribute is missing) or COUPON. */
  type: 'DEFAULT' | 'COUPON';
  buyConstraintReason?: string;
  coupon?: { id: string; name: string };
  priceClasses: { name: string; priceCents: number; tariffCents: number }[];
  remainingForEvent?: Tariff['remainingForEvent'];
  remainingTotal?: Tariff['remainingTotal'];
}

export function salesInformation(opportunities: readonly TicketSaleOpportunity[], eventPriceCents: number | undefined): SalesInformation {
  // Base prices: every class's price over all ticketSales, the last one seen winning as SX's Prices::withPricing does.
  const byClass = new Map<string, number>();
  for (const opportunity of opportunities) for (const priceClass of opportunity.priceClasses) byClass.set(priceClass.name, priceClass.priceCents);
  // None: the event's own price as "Basisprijs", so IsFree does not take a paying event for a free one.
  const base: BasePrice[] = byClass.size ? [...byClass].map(([priceClass, cents]) => ({ priceClass, cents })) : [{ priceClass: 'Basisprijs', cents: eventPriceCents ?? 0 }];

  // Only a ticketSale with no reason, or MAXIMUM_REACHED (kept, flagged), becomes a tariff; any other reason drops it.
  const tariffs: Tariff[] = opportunities
    .filter((opportunity) => opportunity.buyConstraintReason === undefined || opportunity.buyConstraintReason === 'MAXIMUM_REACHED')
    .filter((opportunity) => opportunity.type === 'DEFAULT' || opportunity.coupon !== undefined)
    .map((opportunity) => tariffOf(opportunity))
    .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name, 'nl', { sensitivity: 'accent' }) : a.type === 'KANSENTARIEF' ? -1 : 1));

  const open = tariffs.filter((tariff) => !tariff.maximumReached);
  const lowest = Math.min(...open.flatMap((tariff) => tariff.prices.map((price) => price.cents)));
  return {
    base,
    tariffs,
    maximumReached: tariffs.length > 0 && open.length === 0,
    differentiation: base.length > 0 && open.length > 0 && (base.length > 1 || open.length > 1),
    kansentariefAvailable: open.some((tariff) => tariff.type === 'KANSENTARIEF'),
    couponAvailable: open.some((tariff) => tariff.type === 'COUPON'),
    ...(Number.isFinite(lowest) ? { lowestAvailableCents: lowest } : {}),
  };
}

function tariffOf(opportunity: TicketSaleOpportunity): Tariff {
  const prices = opportunity.priceClasses.map((priceClass) => ({ priceClass: priceClass.name, cents: priceClass.tariffCents }));
  const maximumReached = opportunity.buyConstraintReason === 'MAXIMUM_REACHED';
  if (opportunity.type === 'DEFAULT') return { type: 'KANSENTARIEF', name: 'Kansentarief', maximumReached, prices };
  return {
    type: 'COUPON',
    name: opportunity.coupon?.name ?? '',
    ticketSaleCouponId: opportunity.coupon?.id ?? '',
    maximumReached,
    prices,
    ...(opportunity.remainingForEvent ? { remainingForEvent: opportunity.remainingForEvent } : {}),
    ...(opportunity.remainingTotal ? { remainingTotal: opportunity.remainingTotal } : {}),
  };
}

/** No base price above 0 (SX IsFree). */
export function isFree(sales: SalesInformation): boolean {
  return !sales.base.some((price) => price.cents > 0);
}

/** NG's tariff column, first match (reference §1.5 table); the one-action sales carry the first class of the first open tariff. */
export function priceOffer(sales: SalesInformation): PriceOffer {
  if (isFree(sales)) return { kind: 'free' };
  if (sales.maximumReached) return { kind: 'maximum-reached' };
  if (sales.differentiation && sales.lowestAvailableCents !== undefined) return { kind: 'choose', lowestAvailableCents: sales.lowestAvailableCents };
  const kansentarief = sales.tariffs.find((tariff) => tariff.type === 'KANSENTARIEF' && !tariff.maximumReached);
  const first = kansentarief?.prices[0];
  if (first) return { kind: 'kansentarief', priceClass: first.priceClass, cents: first.cents };
  const coupon = sales.tariffs.find((tariff) => tariff.type === 'COUPON' && !tariff.maximumReached);
  const couponPrice = coupon?.prices[0];
  if (coupon?.ticketSaleCouponId && couponPrice) return { kind: 'coupon', priceClass: couponPrice.priceClass, cents: couponPrice.cents, ticketSaleCouponId: coupon.ticketSaleCouponId, couponName: coupon.name };
  return { kind: 'no-tariff', baseCents: sales.base[0]?.cents ?? 0 };
}

/** What A1 says about checking in, as read. */
export interface CheckinFacts {
  checkinAllowed: boolean;
  checkinConstraintReason?: string;
  checkinStartDate?: string;
  checkinEndDate?: string;
}

/** NG getCheckinState; a missing window end counts as over, as SX's 1970 makes it (reference §1.3, §1.4). */
export function checkinState(facts: CheckinFacts, now: Date): CheckinState {
  const reason = facts.checkinConstraintReason;
  if (facts.checkinAllowed && !reason) return { state: 'allowed' };
  if (reason === 'MAXIMUM_REACHED') return { state: 'saved' };
  if (reason === 'INVALID_DATE_TIME') {
    const start = timeOf(facts.checkinStartDate);
    const end = timeOf(facts.checkinEndDate);
    if (start !== undefined && start > now.getTime() && facts.checkinStartDate) return { state: 'not-yet', checkinStartDate: facts.checkinStartDate };
    if (end === undefined || end < now.getTime()) return { state: 'ended' };
  }
  if (facts.checkinAllowed) return { state: 'allowed' };
  return reason ? { state: 'refused', checkinConstraintReason: reason } : { state: 'refused' };
}

function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** "13.5", "27.0", "5" → cents; anything else (empty, "abc", negative) → undefined: a price we cannot read is never shown or sold. */
export function cents(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,7}(\.\d{1,3})?$/.test(value.trim())) return undefined;
  return Math.round(Number(value.trim()) * 100);
}
