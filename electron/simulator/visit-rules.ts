/**
 * The rules of the visit the simulator applies, each from the documentation
 * (DOC-P = cultuurnet/uit-documentatie content/uitpas/latest/, reference
 * /work/shared/reference/counter-day.md §1.3, §3.4) or marked inferred: who a
 * card is, when checking in is possible and how often, and what a card may buy.
 */
import { uitpasNumberProblem } from '../rules/uitpas-number';
import { atBrussels, isoDayInBrussels, shiftDays } from '../uitpas/visit-time';
import { refuse, type OperationContext } from './operation-core';
import type { SeedCard } from './seed';
import type { SimPassholder, SimulatorState } from './state';
import type { SeedEvent } from './visit-seed';

/** A card at the counter: a pass holder's or a group pass's. */
export interface VisitCard {
  card: SeedCard;
  holder?: SimPassholder;
  group?: NonNullable<ReturnType<SimulatorState['groupPassByCard']>>;
  /** Whose limits a sale counts against: the pass holder's uid, or `group:<number>`. */
  buyer: string;
}

/** The card behind a number, with the codes DOC gives the visit's calls (PARSE_INVALID_UITPASNUMBER, then unknown). */
export function visitCard(state: SimulatorState, uitpasNumber: string, unknownCode = 'UNKNOWN_UITPASNUMBER'): VisitCard {
  if (!/^\d{13}$/.test(uitpasNumber) || uitpasNumberProblem(uitpasNumber)) return refuse('PARSE_INVALID_UITPASNUMBER', 'Ongeldig UiTPAS-nummer');
  const card = state.cards.get(uitpasNumber);
  const holder = state.passholderByCard(uitpasNumber);
  const group = state.groupPassByCard(uitpasNumber);
  if (!card || (!holder && !group)) return refuse(unknownCode, 'Onbekend UiTPAS-nummer');
  return { card, holder, group, buyer: holder ? holder.uid : `group:${uitpasNumber}` };
}

/** The event's days as the seed gives them, made absolute. */
export function eventDays(state: SimulatorState, event: SeedEvent): { first: string; last: string } | 'permanent' {
  const { calendar } = event;
  if (calendar.kind === 'permanent') return 'permanent';
  if (calendar.kind === 'period') return { first: state.visit.day(calendar.fromInDays), last: state.visit.day(calendar.toInDays) };
  const days = calendar.stamps.map((stamp) => state.visit.day(stamp.inDays)).sort();
  return { first: days[0] ?? state.visit.seedDay, last: days.at(-1) ?? state.visit.seedDay };
}

const fiveHours = 5 * 3_600_000;

/**
 * The current or next check-in window, or none once the event is over: 5 h before the start to 5 h after the end of a
 * timestamp with hours, the whole day without (DOC-P processen/punten_sparen.md); every day of a period and of a
 * permanent event, all day (inferred: the docs do not say how windows of periods are computed, reference §11).
 */
export function checkinWindow(state: SimulatorState, event: SeedEvent, now: Date): { start: Date; end: Date } | undefined {
  const today = isoDayInBrussels(now);
  const wholeDay = (day: string) => ({ start: atBrussels(day, '00:00:00'), end: atBrussels(day, '23:59:59') });
  const { calendar } = event;
  if (calendar.kind === 'timestamps') {
    const windows = calendar.stamps.map((stamp) => {
      const day = state.visit.day(stamp.inDays);
      if (!stamp.timestart) return wholeDay(day);
      const start = atBrussels(day, stamp.timestart);
      const end = atBrussels(day, stamp.timeend ?? stamp.timestart);
      return { start: new Date(start.getTime() - fiveHours), end: new Date(end.getTime() + fiveHours) };
    });
    return windows.sort((a, b) => a.start.getTime() - b.start.getTime()).find((window) => window.end.getTime() >= now.getTime());
  }
  const days = eventDays(state, event);
  if (days === 'permanent') return wholeDay(today);
  if (today > days.last) return undefined;
  return wholeDay(today < days.first ? days.first : today);
}

/** Default check-in limit: once a day for timestamps, once a week for periods and permanent events (DOC-P processen/punten_sparen.md). */
export function checkinPeriod(event: SeedEvent): 'DAY' | 'WEEK' {
  return event.calendar.kind === 'timestamps' ? 'DAY' : 'WEEK';
}

/** The period a moment falls in: its Belgian day, or the Monday of its week (inferred: a calendar week). */
export function periodOf(moment: Date, period: 'DAY' | 'WEEK' | 'ABSOLUTE'): string {
  const day = isoDayInBrussels(moment);
  if (period === 'ABSOLUTE') return 'always';
  if (period === 'DAY') return day;
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return shiftDays(day, -weekday);
}

/** Whether a pass holder's kansenstatuut in the card's system holds today: not ended, or in its grace period, and not suspended. */
export function kansenStatuutHolds(card: VisitCard, today: string): boolean {
  if (card.group) return card.group.endDate >= today;
  const membership = card.holder?.memberships.get(card.card.cardSystemId);
  if (!membership?.kansenStatuut) return false;
  const ended = membership.kansenStatuutEndDate !== undefined && membership.kansenStatuutEndDate < today;
  const inGrace = membership.kansenStatuutGraceUntil !== undefined && today <= membership.kansenStatuutGraceUntil;
  const suspended = membership.kansenStatuutSuspendedUntil !== undefined && today <= membership.kansenStatuutSuspendedUntil;
  return (!ended || inGrace) && !suspended;
}

/** Kansentarief limit per pass holder: once, or once a week for permanent events (DOC-P processen/tickets_tegen_kansentarief_verkopen.md). */
export function buyPeriod(event: SeedEvent): 'ABSOLUTE' | 'WEEK' {
  return event.calendar.kind === 'permanent' ? 'WEEK' : 'ABSOLUTE';
}

/** The balie may act on the event: it organises it or hosts it (reference §0.2, §1.3). */
export function actsOn(event: SeedEvent, balieConsumerKey: string): boolean {
  return event.organiserBalie === balieConsumerKey || event.locationBalie === balieConsumerKey;
}

/** Today in Belgium, for date rules. */
export function todayOf(context: OperationContext): string {
  return isoDayInBrussels(context.today);
}
