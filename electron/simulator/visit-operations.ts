/**
 * The simulated activity calls of the visit, as production answers them
 * (reference /work/shared/reference/counter-day.md; shapes from culturefeed-php's
 * fixtures where they exist, DOC samples otherwise): A1 the activity search, A2
 * the check-in, A3 the ticket sale and A4 its cancellation. Stateful: a check-in
 * turns the activity to MAXIMUM_REACHED and adds the points, a sale lowers what is
 * left (stock, coupon uses, a group's tickets), a cancellation gives it back
 * (inferred: no source says whether it does, reference §11).
 */
import { isoDayInBrussels, shiftDays, w3cInBrussels } from '../uitpas/visit-time';
import { randomUUID } from 'node:crypto';
import { balieOf, ok, param, refuse, Refusal, required, type OperationContext, type Reply } from './operation-core';
import type { SimulatorState } from './state';
import { actsOn, buyPeriod, checkinPeriod, checkinWindow, eventDays, kansenStatuutHolds, periodOf, todayOf, visitCard, type VisitCard } from './visit-rules';
import { seedCoupons, seedEvents, type SeedEvent } from './visit-seed';
import { document, element } from './xml-writer';

/** The cdb namespace of CF-T events/searchresults.xml (CdbXSD 3.1; the DOC sample has 3.2, reference §1.2). */
const cdbNamespace = ' xmlns:cdb="http://www.cultuurdatabank.com/XMLSchema/CdbXSD/3.1/FINAL"';

/** One ticketSale of an event for a card (DOC entiteiten/ticketsale-entiteit-bij-opzoeken-van-evenementen.md). */
interface Opportunity {
  type: 'DEFAULT' | 'COUPON';
  reason?: string;
  couponId?: string;
  classes: { name: string; price: string; tariff: string }[];
  remainingTotal?: number;
  remainingForEvent?: number;
}

const usesOf = (state: SimulatorState, buyer: string, filter: (sale: { couponId?: string; cdbid: string }) => boolean) =>
  state.visit.activeSales().filter((sale) => sale.buyer === buyer && filter(sale)).reduce((sum, sale) => sum + sale.amountOfTickets, 0);

/** What a card may buy for an event today, with the reasons CF lists (CF Uitpas/Event/BuyConstraintReason.php). */
export function opportunities(state: SimulatorState, event: SeedEvent, card: VisitCard | undefined, now: Date): Opportunity[] {
  // A free event offers no sale (DOC events/registratie-van-verkoop-van-ticket.md: TICKETSALE_NOT_ALLOWED_FREE_EVENT).
  if (Number(event.price) === 0) return [];
  const today = isoDayInBrussels(now);
  const days = eventDays(state, event);
  const over = days !== 'permanent' && today > days.last;
  const result: Opportunity[] = [];
  if (event.priceClasses.length) {
    const sold = state.visit.activeSales().filter((sale) => sale.cdbid === event.cdbid && !sale.couponId).reduce((sum, sale) => sum + sale.amountOfTickets, 0);
    const mine = card ? state.visit.activeSales().filter((sale) => sale.buyer === card.buyer && sale.cdbid === event.cdbid && !sale.couponId && periodOf(sale.at, buyPeriod(event)) === periodOf(now, buyPeriod(event))).length : 0;
    const reason = !card
      ? undefined
      : card.card.status === 'BLOCKED'
        ? 'INVALID_CARD_STATUS'
        : !card.card.kansenpas
          ? 'INVALID_CARD'
          : !kansenStatuutHolds(card, today)
            ? 'KANSENSTATUUT_EXPIRED'
            : over
              ? 'INVALID_DATE_CONSTRAINTS'
              : (event.stock !== undefined && sold >= event.stock) || (card.group ? state.visit.groupTicketsLeft <= 0 : mine >= 1)
                ? 'MAXIMUM_REACHED'
                : undefined;
    result.push({ type: 'DEFAULT', reason, classes: event.priceClasses });
  }
  const granted = card ? (state.visit.couponGrants.get(card.group ? 'group' : card.buyer) ?? new Set<string>()) : new Set<string>();
  for (const offer of event.coupons ?? []) {
    const coupon = seedCoupons.find((candidate) => candidate.id === offer.couponId);
    if (!coupon || !granted.has(coupon.id) || !card) continue;
    const left = coupon.exchangeConstraint.periodVolume - usesOf(state, card.buyer, (sale) => sale.couponId === coupon.id);
    const perEvent = coupon.buyConstraint ? coupon.buyConstraint.periodVolume - usesOf(state, card.buyer, (sale) => sale.couponId === coupon.id && sale.cdbid === event.cdbid) : left;
    const reason = card.card.status === 'BLOCKED' ? 'INVALID_CARD_STATUS' : over || today > state.visit.day(coupon.validToInDays) ? 'INVALID_DATE_CONSTRAINTS' : left <= 0 || perEvent <= 0 ? 'MAXIMUM_REACHED' : undefined;
    const classes = (event.priceClasses.length ? event.priceClasses : [{ name: 'Default prijsklasse', price: event.price, tariff: '' }]).map((priceClass) => ({ ...priceClass, tariff: offer.tariff }));
    result.push({ type: 'COUPON', reason, couponId: coupon.id, classes, remainingTotal: Math.max(0, left), remainingForEvent: Math.max(0, perEvent) });
  }
  return result;
}

const constraint = (periodType: string, periodVolume: number) => `<periodType>${periodType}</periodType><periodVolume>${periodVolume}</periodVolume>`;

function ticketSalesXml(list: Opportunity[]): string {
  if (!list.length) return '';
  const items = list.map((opportunity) => {
    const coupon = opportunity.couponId ? seedCoupons.find((candidate) => candidate.id === opportunity.couponId) : undefined;
    const couponXml = coupon
      ? `<ticketSaleCoupon>${coupon.buyConstraint ? `<buyConstraint>${constraint(coupon.buyConstraint.periodType, coupon.buyConstraint.periodVolume)}</buyConstraint>` : ''}<exchangeConstraint>${constraint(coupon.exchangeConstraint.periodType, coupon.exchangeConstraint.periodVolume)}</exchangeConstraint><id>${coupon.id}</id>${element('name', coupon.name)}</ticketSaleCoupon>` +
        `<remainingForEvent>${constraint(coupon.buyConstraint?.periodType ?? 'ABSOLUTE', opportunity.remainingForEvent ?? 0)}</remainingForEvent><remainingTotal>${constraint(coupon.exchangeConstraint.periodType, opportunity.remainingTotal ?? 0)}</remainingTotal>`
      : '';
    // As the fixture: a ticketSale with a reason carries the reason only (CF-T events/searchresults.xml, DEFAULT/INVALID_DATE_CONSTRAINTS).
    const body = opportunity.reason && opportunity.reason !== 'MAXIMUM_REACHED'
      ? element('buyConstraintReason', opportunity.reason)
      : `${opportunity.reason ? element('buyConstraintReason', opportunity.reason) : ''}${couponXml}<priceClasses>${opportunity.classes.map((c) => `<priceClass>${element('name', c.name)}<price>${c.price}</price><tariff>${c.tariff}</tariff></priceClass>`).join('')}</priceClasses>`;
    return `<ticketSale type="${opportunity.type}">${body}</ticketSale>`;
  });
  return `<ticketSales>${items.join('')}</ticketSales>`;
}

const weekdays = ['zo', 'ma', 'di', 'woe', 'do', 'vr', 'za'];
const shortDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(2, 4)}`;

/** The calendar in the cdb namespace and the API's Dutch one-line summary ("ma 10/09/12 van 18:30 tot 20:30", CF-T events/searchresults.xml). */
function calendarXml(state: SimulatorState, event: SeedEvent): string {
  const { calendar } = event;
  if (calendar.kind === 'permanent') return '<cdb:calendar><cdb:permanentopeningtimes><cdb:permanent/></cdb:permanentopeningtimes></cdb:calendar><calendarsummary>permanent</calendarsummary>';
  if (calendar.kind === 'period') {
    const from = state.visit.day(calendar.fromInDays);
    const to = state.visit.day(calendar.toInDays);
    return `<cdb:calendar><cdb:periods><cdb:period><cdb:datefrom>${from}</cdb:datefrom><cdb:dateto>${to}</cdb:dateto></cdb:period></cdb:periods></cdb:calendar><calendarsummary>van ${shortDate(from)} tot ${shortDate(to)}</calendarsummary>`;
  }
  const stamps = calendar.stamps.map((stamp) => ({ ...stamp, date: state.visit.day(stamp.inDays) }));
  const xml = stamps.map((stamp) => `<cdb:timestamp><cdb:date>${stamp.date}</cdb:date>${stamp.timestart ? `<cdb:timestart>${stamp.timestart}</cdb:timestart>` : ''}${stamp.timeend ? `<cdb:timeend>${stamp.timeend}</cdb:timeend>` : ''}</cdb:timestamp>`).join('');
  const summary = stamps
    .map((stamp) => `${weekdays[new Date(`${stamp.date}T12:00:00Z`).getUTCDay()] ?? ''} ${shortDate(stamp.date)}${stamp.timestart ? ` van ${stamp.timestart.slice(0, 5)}${stamp.timeend ? ` tot ${stamp.timeend.slice(0, 5)}` : ''}` : ''}`)
    .join(', ');
  return `<cdb:calendar><cdb:timestamps>${xml}</cdb:timestamps></cdb:calendar>${element('calendarsummary', summary)}`;
}

/** Why this card cannot check in now, as A1 says it (DOC entiteiten/cultureevent-entiteit.md, reference §1.3). */
function checkinReason(state: SimulatorState, event: SeedEvent, card: VisitCard | undefined, now: Date): string | undefined {
  if (!card) return undefined;
  if (card.card.status === 'BLOCKED') return 'INVALID_CARD_STATUS';
  // A group pass saves no points (DOC-P domeinmodel/groepspas.md); the reason it gets is inferred.
  if (!card.holder) return 'INVALID_CARD';
  const period = checkinPeriod(event);
  if (state.visit.checkins.some((checkin) => checkin.uid === card.buyer && checkin.cdbid === event.cdbid && periodOf(checkin.at, period) === periodOf(now, period))) return 'MAXIMUM_REACHED';
  const window = checkinWindow(state, event, now);
  if (!window || window.start.getTime() > now.getTime()) return 'INVALID_DATE_TIME';
  return undefined;
}

function eventXml(state: SimulatorState, event: SeedEvent, card: VisitCard | undefined, now: Date): string {
  const reason = checkinReason(state, event, card, now);
  const window = checkinWindow(state, event, now);
  const period = checkinPeriod(event);
  const offers = opportunities(state, event, card, now);
  const kansentarief = offers.find((offer) => offer.type === 'DEFAULT' && !offer.reason);
  const tariff = kansentarief?.classes[0]?.tariff ?? event.price;
  return (
    `<event>${calendarXml(state, event)}${element('cdbid', event.cdbid)}<checkinAllowed>${card && !reason ? 'true' : 'false'}</checkinAllowed>` +
    `<checkinConstraint>${constraint(period, 1)}</checkinConstraint>${reason ? element('checkinConstraintReason', reason) : ''}` +
    // The current or next window; absent once the event is over (DOC, reference §1.2).
    (window ? `<checkinStartDate>${w3cInBrussels(window.start)}</checkinStartDate><checkinEndDate>${w3cInBrussels(window.end)}</checkinEndDate>` : '') +
    `${element('city', event.city)}${element('locationName', event.locationName)}<numberOfPoints>${event.numberOfPoints}</numberOfPoints>${element('organiserName', event.organiserName)}` +
    `<price>${event.price}</price><tariff>${tariff}</tariff>${event.shortDescription ? element('shortDescription', event.shortDescription) : ''}${ticketSalesXml(offers)}${element('title', event.title)}</event>`
  );
}

const namedRanges: Readonly<Record<string, (today: string) => [string, string]>> = {
  today: (today) => [today, today],
  tomorrow: (today) => [shiftDays(today, 1), shiftDays(today, 1)],
  next7days: (today) => [today, shiftDays(today, 6)],
  next14days: (today) => [today, shiftDays(today, 13)],
  next30days: (today) => [today, shiftDays(today, 29)],
  next3months: (today) => [today, shiftDays(today, 91)],
  next6months: (today) => [today, shiftDays(today, 182)],
  next12months: (today) => [today, shiftDays(today, 365)],
};

/** The days asked: a datetype (DOC events/uitpas-aanbod-doorzoeken.md), or startDate/endDate; none: no range. */
function range(context: OperationContext): [string, string] | undefined {
  const { params } = context;
  const datetype = params.get('datetype');
  if (datetype) return (namedRanges[datetype] ?? refuse('INVALID_DATE_CONSTRAINTS', `unknown datetype ${datetype}`))(todayOf(context));
  const start = params.get('startDate');
  const end = params.get('endDate');
  if (!start && !end) return undefined;
  const day = (value: string | undefined, fallback: string) => {
    if (!value) return fallback;
    const time = Date.parse(value);
    return Number.isNaN(time) ? refuse('INVALID_DATE_CONSTRAINTS', 'unreadable date') : isoDayInBrussels(new Date(time));
  };
  const bounds: [string, string] = [day(start, '0000-01-01'), day(end, '9999-12-31')];
  if (bounds[0] > bounds[1]) refuse('INVALID_DATE_CONSTRAINTS', 'startDate after endDate');
  return bounds;
}

/**
 * A1 GET uitpas/cultureevent/search (DOC events/uitpas-aanbod-doorzoeken.md; answer shape CF-T events/searchresults.xml):
 * events where the balie organises or hosts, personalised for uitpasNumber; permanent events first, then by first day
 * (the past newest first), as the real counter's sort asks (NG app/scripts/activity/activity.controller.js).
 */
export function searchActivities(context: OperationContext): Reply {
  const { state, params } = context;
  const balie = params.get('balieConsumerKey');
  const number = params.get('uitpasNumber');
  const card = number ? visitCard(state, number) : undefined;
  const cdbid = params.get('cdbid');
  const days = cdbid ? undefined : range(context);
  const q = params.get('q')?.trim().toLowerCase();
  const pastFirst = (params.get('sort') ?? '').includes('availableto desc');
  const found = seedEvents
    .filter((event) => !balie || actsOn(event, balie))
    .filter((event) => !cdbid || event.cdbid === cdbid)
    .filter((event) => {
      const span = eventDays(state, event);
      return !days || span === 'permanent' || (span.first <= days[1] && span.last >= days[0]);
    })
    .filter((event) => !q || [event.title, event.shortDescription ?? '', event.locationName, event.city].some((text) => text.toLowerCase().includes(q)))
    .sort((a, b) => {
      const spanA = eventDays(state, a);
      const spanB = eventDays(state, b);
      if (spanA === 'permanent' || spanB === 'permanent') return spanA === spanB ? 0 : spanA === 'permanent' ? -1 : 1;
      return pastFirst ? spanB.last.localeCompare(spanA.last) : spanA.first.localeCompare(spanB.first);
    });
  const start = Math.max(0, Number(params.get('start') ?? 0) || 0);
  // The cap of 100 is the simulator's own (inferred; the docs give only the default of 20).
  const max = Math.min(Math.max(1, Number(params.get('max') ?? 20) || 20), 100);
  const events = found.slice(start, start + max).map((event) => eventXml(state, event, card, context.today));
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cultureEvents${cdbNamespace}><total>${found.length}</total>${events.join('')}</cultureEvents>` };
}

/** An event the balie may act on, or the refusal DOC gives (UNKNOWN_EVENT_CDBID; ACTION_NOT_ALLOWED for another balie's, inferred). */
function eventFor(context: OperationContext, cdbid: string, balieConsumerKey: string): SeedEvent {
  const event = context.state.visit.event(cdbid) ?? refuse('UNKNOWN_EVENT_CDBID', 'Onbekende activiteit');
  if (!actsOn(event, balieConsumerKey)) refuse('ACTION_NOT_ALLOWED', 'Deze balie is geen organisator of locatie van deze activiteit');
  return event;
}

/**
 * A2 POST uitpas/passholder/checkin (DOC pashouders/inchecken-pashouder.md; answer CF-T passholder/checkin.xml):
 * cdbid with uitpasNumber or chipNumber; success answers the new total; a refusal carries <points> (the DOC sample:
 * MAXIMUM_REACHED, "Punt al gespaard (max. 1 / Week)"). Codes keep DOC's spelling (UNKOWN_UITPASNUMBER).
 */
export function checkin(context: OperationContext): Reply {
  const { state, params } = context;
  const balie = balieOf(context);
  required(params, ['cdbid']);
  const byChip = params.get('chipNumber');
  if (!params.get('uitpasNumber') && !byChip) refuse('MISSING_REQUIRED_FIELDS', 'uitpasNumber of chipNumber ontbreekt');
  // Both at once (inferred refusal: DOC says one of the two).
  if (params.get('uitpasNumber') && byChip) refuse('INVALID_PARAMETERS', 'uitpasNumber en chipNumber samen');
  const number = byChip ? (state.cardByChip(byChip)?.uitpasNumber ?? refuse('UNKOWN_CHIPNUMBER', 'Onbekend chipnummer')) : param(params, 'uitpasNumber');
  const card = visitCard(state, number, 'UNKOWN_UITPASNUMBER');
  const event = eventFor(context, param(params, 'cdbid'), balie.consumerKey);
  const points = card.holder ? state.visit.pointsOf(card.holder.uid) : 0;
  const refusal = (code: string, message: string) => new Refusal(code, message, undefined, { points: String(points) });
  const reason = checkinReason(state, event, card, context.today);
  if (reason === 'INVALID_CARD_STATUS') throw refusal('INVALID_CARD_STATUS', 'Kaart geblokkeerd');
  if (reason === 'INVALID_CARD') throw refusal('ACTION_NOT_ALLOWED', 'Een groepspas spaart geen punten');
  if (reason === 'MAXIMUM_REACHED') throw refusal('MAXIMUM_REACHED', `Punt al gespaard (max. 1 / ${checkinPeriod(event) === 'WEEK' ? 'Week' : 'Dag'})`);
  if (reason === 'INVALID_DATE_TIME') throw refusal('CHECKIN_CURRENTLY_NOT_ALLOWED', 'Inchecken is nu niet mogelijk voor deze activiteit');
  const uid = card.holder?.uid ?? '';
  state.visit.checkins.push({ id: randomUUID(), uid, cdbid: event.cdbid, at: context.today, balieConsumerKey: balie.consumerKey, points: event.numberOfPoints });
  return ok({ points: state.visit.addPoints(uid, event.numberOfPoints) });
}

/** The ticketSale element of the buy answer and the sale history (DOC events/registratie-van-verkoop-van-ticket.md sample). */
export function saleXml(state: SimulatorState, sale: SimulatorState['visit']['sales'][number]): string {
  const event = state.visit.event(sale.cdbid);
  const holder = state.passholders.get(sale.buyer);
  const coupon = sale.couponId ? seedCoupons.find((candidate) => candidate.id === sale.couponId) : undefined;
  const balie = state.balies.get(sale.balieConsumerKey);
  return (
    `<ticketSale>${element('createdVia', balie?.name ?? '')}<creationDate>${w3cInBrussels(sale.at)}</creationDate><id>${sale.id}</id>${element('nodeId', sale.cdbid)}${element('nodeTitle', event?.title ?? '')}` +
    `<price>${sale.price}</price><tariff>${sale.tariff}</tariff>` +
    (holder ? `${element('firstName', holder.fields.firstName ?? '')}${element('lastName', holder.fields.name ?? '')}` : '') +
    `<status>ACTIVE</status>${element('location', event?.locationName ?? '')}${holder ? element('userId', holder.uid) : ''}${element('organiser', event?.organiserName ?? '')}${element('uitpasNumber', sale.uitpasNumber)}` +
    (coupon ? `<ticketSaleCoupon><exchangeConstraint>${constraint(coupon.exchangeConstraint.periodType, coupon.exchangeConstraint.periodVolume)}</exchangeConstraint><id>${coupon.id}</id>${element('name', coupon.name)}</ticketSaleCoupon>` : '') +
    `<groupPass>${sale.buyer.startsWith('group:') ? 'true' : 'false'}</groupPass></ticketSale>`
  );
}

/**
 * A3 POST uitpas/cultureevent/{cdbid}/buy/{uitpasNumber} (DOC events/registratie-van-verkoop-van-ticket.md): priceClass
 * by name, ticketSaleCouponId for a coupon, amountOfTickets required for a group pass and refused for a pass holder.
 * Answers the ticketSale (root ticketSale).
 */
export function buyTicket(context: OperationContext, cdbid: string, uitpasNumber: string): Reply {
  const { state, params } = context;
  const balie = balieOf(context);
  const event = eventFor(context, cdbid, balie.consumerKey);
  const card = visitCard(state, uitpasNumber);
  const amountParam = params.get('amountOfTickets');
  if (card.group && !amountParam) refuse('MISSING_REQUIRED_FIELDS', 'amountOfTickets is verplicht voor een groepspas');
  if (!card.group && amountParam !== undefined) refuse('INVALID_PARAMETERS', 'amountOfTickets mag niet voor een pashouder');
  const amount = amountParam === undefined ? 1 : /^\d{1,9}$/.test(amountParam) && Number(amountParam) > 0 ? Number(amountParam) : refuse('INVALID_PARAMETERS', 'ongeldig aantal tickets');
  if (Number(event.price) === 0) refuse('TICKETSALE_NOT_ALLOWED_FREE_EVENT', 'Gratis activiteit');
  const couponId = params.get('ticketSaleCouponId');
  if (couponId !== undefined && !/^\d{1,18}$/.test(couponId)) refuse('PARSE_INVALID_LONG', 'ongeldig coupon-id');
  const offer = opportunities(state, event, card, context.today).find((candidate) => (couponId ? candidate.couponId === couponId : candidate.type === 'DEFAULT'));
  // TICKET_SALE_COUPON_NOT_GRANTED is listed in DOC pashouders/acties-voor-een-pashouder-aan-een-balie-uitvoeren.md;
  // that the buy call refuses with it, with INVALID_CARD or with the offer's buyConstraintReason (CF
  // Uitpas/Event/BuyConstraintReason.php), is inferred: DOC events/registratie-van-verkoop-van-ticket.md lists none of them.
  if (!offer) return couponId ? refuse('TICKET_SALE_COUPON_NOT_GRANTED', 'Deze bon is niet toegekend aan deze pas') : refuse('INVALID_CARD', 'Geen kansentarief voor deze activiteit');
  if (offer.reason) refuse(offer.reason, `Verkoop niet mogelijk: ${offer.reason}`);
  // A group's tickets left (inferred: MAXIMUM_REACHED as for any limit, reference §3.4).
  if (card.group && !couponId && amount > state.visit.groupTicketsLeft) refuse('MAXIMUM_REACHED', 'Onvoldoende tickets');
  // Without priceClass the first class (inferred: SX always sends one).
  const priceClass = params.has('priceClass') ? offer.classes.find((candidate) => candidate.name === param(params, 'priceClass')) : offer.classes[0];
  if (!priceClass) return refuse('UNKNOWN_PRICE_CLASS', 'Onbekende prijsklasse');
  const sale = {
    id: state.visit.nextId(),
    cdbid: event.cdbid,
    uitpasNumber,
    buyer: card.buyer,
    priceClass: priceClass.name,
    price: priceClass.price,
    tariff: priceClass.tariff,
    ...(couponId ? { couponId } : {}),
    amountOfTickets: amount,
    at: context.today,
    balieConsumerKey: balie.consumerKey,
    cancelled: false,
  };
  state.visit.sales.push(sale);
  // A group's tickets go down for kansentarief sales only, not coupon sales, as NG counts them (NG
  // app/scripts/activity/activity.service.js claimTariff).
  if (card.group && !couponId) state.visit.groupTicketsLeft -= amount;
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${saleXml(state, sale)}` };
}

/** A4 POST uitpas/cultureevent/cancel/{ticketSaleId} (DOC events/annulatie-van-verkoop-van-ticket-adhv-id.md): ACTION_SUCCEEDED "ticket [id] canceled". */
export function cancelTicketSale(context: OperationContext, ticketSaleId: string): Reply {
  const { state } = context;
  const balie = balieOf(context);
  const sale = state.visit.sales.find((candidate) => candidate.id === ticketSaleId && !candidate.cancelled) ?? refuse('UNKNOWN_TICKET_SALE', 'Onbekende verkoop');
  const event = state.visit.event(sale.cdbid);
  // Inferred: another balie's sale only where this balie organises or hosts the event, as A14 lists them (DOC events/verkoop-tickets-doorzoeken.md).
  if (sale.balieConsumerKey !== balie.consumerKey && !(event && actsOn(event, balie.consumerKey))) refuse('ACCESS_DENIED', 'Verkoop van een andere balie');
  sale.cancelled = true;
  if (sale.buyer.startsWith('group:') && !sale.couponId) state.visit.groupTicketsLeft += sale.amountOfTickets;
  return { status: 200, body: document('response', { code: 'ACTION_SUCCEEDED', message: `ticket [${sale.id}] canceled` }) };
}
