/**
 * The simulated history and coupon calls of the visit (reference /work/shared/reference/counter-day.md §5, §6):
 * A13 the check-ins, A14 the ticket sales, A15 a card's coupons with what is left.
 */
import { dayBounds } from '../uitpas/visit-time';
import { balieOf, param, refuse, required, type OperationContext, type Reply } from './operation-core';
import { todayOf, visitCard } from './visit-rules';
import { saleXml } from './visit-operations';
import { seedCoupons } from './visit-seed';
import { element } from './xml-writer';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function paging(context: OperationContext): { start: number; max: number } {
  return { start: Number(context.params.get('start') ?? 0) || 0, max: Math.min(Number(context.params.get('max') ?? 20) || 20, 100) };
}

function interval(context: OperationContext, beginName: string, endName: string): [number, number] {
  const read = (name: string, fallback: number) => {
    const value = context.params.get(name);
    if (!value) return fallback;
    const time = Date.parse(value);
    return Number.isNaN(time) ? refuse('PARSE_INVALID_DATE', `${name} is geen W3C-datum`) : time;
  };
  return [read(beginName, 0), read(endName, Number.MAX_SAFE_INTEGER)];
}

/**
 * A13 GET uitpas/cultureevent/searchCheckins (DOC events/checkins-doorzoeken.md; shape CF-T cultureevent/searchCheckins.xml:
 * creationDate to the minute with Z, nodeID with a capital D, points with three decimals): by uid, only those done at
 * checkinViaBalieConsumerKey when given.
 */
export function searchCheckins(context: OperationContext): Reply {
  const { state, params } = context;
  balieOf(context);
  required(params, ['uid']);
  const uid = param(params, 'uid');
  const via = params.get('checkinViaBalieConsumerKey');
  const [from, until] = interval(context, 'startDate', 'endDate');
  const found = state.visit.checkins
    .filter((checkin) => checkin.uid === uid && (!via || checkin.balieConsumerKey === via) && checkin.at.getTime() >= from && checkin.at.getTime() <= until)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const { start, max } = paging(context);
  const items = found.slice(start, start + max).map((checkin) =>
    element('checkinActivity', {
      type: 12,
      contentType: 'event',
      createdVia: state.balies.get(checkin.balieConsumerKey)?.name ?? '',
      createdViaId: checkin.balieConsumerKey,
      creationDate: `${checkin.at.toISOString().slice(0, 16)}Z`,
      id: checkin.id,
      nodeID: checkin.cdbid,
      nodeTitle: state.visit.event(checkin.cdbid)?.title ?? '',
      points: `${checkin.points}.000`,
      private: false,
      userId: checkin.uid,
      userPoints: `${state.visit.pointsOf(checkin.uid)}.000`,
    }),
  );
  return { status: 200, body: `${declaration}<response><checkinActivities>${items.join('')}</checkinActivities><total>${found.length}</total></response>` };
}

/**
 * A14 GET uitpas/cultureevent/searchTicketsales (DOC events/verkoop-tickets-doorzoeken.md): for staff only the sales
 * this balie made, organises or hosts; cancelled ones no longer listed (inferred).
 */
export function searchTicketSales(context: OperationContext): Reply {
  const { state, params } = context;
  const balie = balieOf(context);
  const uid = params.get('uid');
  const cdbid = params.get('cdbid');
  const [from, until] = interval(context, 'startDate', 'endDate');
  const found = state.visit
    .activeSales()
    .filter((sale) => (!uid || sale.buyer === uid) && (!cdbid || sale.cdbid === cdbid) && sale.at.getTime() >= from && sale.at.getTime() <= until)
    .filter((sale) => {
      const event = state.visit.event(sale.cdbid);
      return sale.balieConsumerKey === balie.consumerKey || event?.organiserBalie === balie.consumerKey || event?.locationBalie === balie.consumerKey;
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const { start, max } = paging(context);
  return { status: 200, body: `${declaration}<response><ticketSales>${found.slice(start, start + max).map((sale) => saleXml(state, sale)).join('')}</ticketSales><total>${found.length}</total></response>` };
}

/**
 * A15 GET uitpas/passholder/{nr}/coupons (DOC pashouders/opzoeken-van-coupons-van-een-pashouder.md): root
 * <ticketSaleCoupons>, no total; remainingTotal is what is left of the exchange constraint; expired ones hidden
 * unless excludeExpired=false.
 */
export function coupons(context: OperationContext, uitpasNumber: string): Reply {
  const { state, params } = context;
  balieOf(context);
  const card = visitCard(state, uitpasNumber);
  const granted = state.visit.couponGrants.get(card.group ? 'group' : card.buyer) ?? new Set<string>();
  const today = todayOf(context);
  const includeExpired = params.get('excludeExpired') === 'false';
  const items = seedCoupons
    .filter((coupon) => granted.has(coupon.id))
    .map((coupon) => ({ coupon, expired: today > state.visit.day(coupon.validToInDays) }))
    .filter(({ expired }) => includeExpired || !expired)
    .map(({ coupon, expired }) => {
      const used = state.visit.activeSales().filter((sale) => sale.buyer === card.buyer && sale.couponId === coupon.id).reduce((sum, sale) => sum + sale.amountOfTickets, 0);
      return element('ticketSaleCoupon', {
        buyConstraint: coupon.buyConstraint ? { ...coupon.buyConstraint } : undefined,
        description: coupon.description,
        exchangeConstraint: { ...coupon.exchangeConstraint },
        id: coupon.id,
        name: coupon.name,
        remainingTotal: { periodType: coupon.exchangeConstraint.periodType, periodVolume: Math.max(0, coupon.exchangeConstraint.periodVolume - used) },
        expired,
        validFrom: dayBounds(state.visit.day(-30)).start,
        validTo: dayBounds(state.visit.day(coupon.validToInDays)).end,
      });
    });
  const max = Number(params.get('max') ?? 20);
  return { status: 200, body: `${declaration}<ticketSaleCoupons>${(max > 0 ? items.slice(0, max) : items).join('')}</ticketSaleCoupons>` };
}
