/**
 * The visit's facts in the staff member's words: when and where an activity is, its check-in column and
 * price offer (as NG words them, /work/shared/reference/counter-day.md §1.4–1.5), a refusal with UiTPAS's own
 * message beside it, what a coupon has left. Pure: the catalogue is the workstation's (renderer/texts.ts).
 */
import type { Activity, Advantage, BalieError, Coupon, PeriodConstraint, TicketSale } from '../../../electron/ipc/contract';
import { formatDate, formatDateTime, formatTime } from '../../format/date';
import { formatCents } from '../../format/numbers';
import { errorText, texts } from '../../texts';

/** When: the first timestamp with its hours, a period, or the API's own summary (permanent events have neither). */
export function whenText(activity: Activity): string {
  const { when } = activity;
  if (when.kind === 'timestamps' && when.timestamps[0]) {
    const { date, timestart, timeend } = when.timestamps[0];
    const day = formatDate(date);
    const start = timestart?.slice(0, 5);
    const end = timeend?.slice(0, 5);
    return start && end ? texts.visit.timeRange(day, start, end) : start ? texts.visit.at(day, start) : day;
  }
  if (when.kind === 'period') return texts.visit.period(formatDate(when.datefrom), formatDate(when.dateto));
  if (when.kind === 'permanent') return texts.visit.permanent;
  return activity.calendarsummary ?? '';
}

export function whereText(activity: Activity): string {
  const place = [activity.locationName, activity.city].filter(Boolean).join(', ');
  return place ? texts.visit.where(place) : '';
}

/** The check-in column: what it says, and whether "Punten sparen" is offered. */
export function checkinText(activity: Activity): { text: string; canSave: boolean } {
  const { checkin } = activity;
  switch (checkin.state) {
    case 'allowed':
      return { text: texts.visit.pointsEarned(activity.numberOfPoints), canSave: true };
    case 'saved':
      return { text: texts.visit.saved, canSave: false };
    case 'not-yet':
      return { text: texts.visit.notYet(formatDate(checkin.checkinStartDate), formatTime(checkin.checkinStartDate)), canSave: false };
    case 'ended':
      return { text: texts.visit.ended, canSave: false };
    default: {
      const reason = checkin.checkinConstraintReason;
      if (!reason) return { text: texts.visit.checkinNotAllowed, canSave: false };
      return { text: texts.visit.checkinReasons[reason] ?? texts.visit.checkinRefusedOther(reason), canSave: false };
    }
  }
}

/** The tariff column: the price words, and which action the button takes (one sale, or a choice). */
export function offerText(activity: Activity, groupPass: boolean): { text: string; action?: 'sell' | 'choose' } {
  const { offer } = activity;
  switch (offer.kind) {
    case 'free':
      return { text: texts.visit.free };
    case 'maximum-reached':
      return { text: texts.visit.maximumReached };
    case 'choose':
      return { text: texts.visit.fromPrice(formatCents(offer.lowestAvailableCents)), action: 'choose' };
    case 'kansentarief':
      // A group pass always says how many persons first (reference §8).
      return { text: texts.visit.atKansentarief(formatCents(offer.cents)), action: groupPass ? 'choose' : 'sell' };
    case 'coupon':
      return { text: texts.visit.withCoupon(formatCents(offer.cents), offer.couponName), action: groupPass ? 'choose' : 'sell' };
    case 'no-tariff':
      return { text: texts.visit.noTariff(formatCents(offer.baseCents)) };
  }
}

/** A refused write: the app's words for its code (or for the error), and UiTPAS's own message beside them. */
export function refusalText(action: 'checkin' | 'sale' | 'cancel' | 'cashIn', error: BalieError): { text: string; uitpas?: string } {
  const byCode = error.code === 'uitpas-rejected' && error.apiCode ? texts.visit.refusalCodes[action][error.apiCode] : undefined;
  const cashInState = error.cashInState ? texts.visit.cashInStates[error.cashInState] : undefined;
  // Another code from UiTPAS: its own message says it, or else the code itself.
  const other = error.code === 'uitpas-rejected' ? (error.serverMessage || !error.apiCode ? undefined : texts.errors.rejectedWithCode(error.apiCode)) : errorText(error);
  const text = [texts.visit.refused[action], cashInState ?? byCode ?? other].filter(Boolean).join(' ');
  return { text, ...(error.serverMessage ? { uitpas: texts.visit.uitpasSays(error.serverMessage) } : {}) };
}

/** Why an answer was lost (a timeout, a dropped connection, a junk answer), without the registration's advice to look the pass holder up. */
export function lostAnswerText(error: BalieError): string {
  const entry = texts.errors.codes[error.code];
  return typeof entry === 'function' ? entry(error) : entry;
}

/** "nog 2 beurten deze week", when UiTPAS says what is left. */
export function remainingText(remaining: PeriodConstraint | undefined): string {
  if (!remaining) return '';
  return texts.visit.remaining(remaining.periodVolume, texts.visit.periods[remaining.periodType] ?? '');
}

export function couponText(coupon: Coupon): string {
  return [coupon.validTo ? texts.visit.validTo(formatDate(coupon.validTo)) : '', remainingText(coupon.remainingTotal)].filter(Boolean).join(' · ');
}

/** Cost, until when, and where an advantage can be cashed. */
export function advantageFacts(advantage: Advantage): string {
  const where = advantage.balies.length > 0 ? texts.visit.offeredBy(advantage.balies.map((balie) => balie.name).join(', ')) : texts.visit.everywhere;
  return [texts.visit.cost(advantage.points), advantage.cashingPeriodEnd ? texts.visit.cashUntil(formatDate(advantage.cashingPeriodEnd)) : '', where].filter(Boolean).join(' · ');
}

/** What a sale in the history says: the date, what was paid, and how (kansentarief or a coupon). */
export function saleFacts(sale: TicketSale): string {
  return [
    formatDateTime(sale.creationDate),
    sale.tariffCents !== undefined ? texts.visit.paid(formatCents(sale.tariffCents)) : '',
    sale.ticketSaleCoupon ? texts.visit.viaCoupon(sale.ticketSaleCoupon.name) : texts.visit.viaKansentarief,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The two questions the visit asks in the app's dialog. */
export const visitQuestions = {
  cancel: (sale: TicketSale) => ({
    title: texts.visit.undoTitle,
    text: texts.visit.undoQuestion(sale.nodeTitle ?? '', formatDateTime(sale.creationDate), sale.tariffCents ? formatCents(sale.tariffCents) : ''),
    yes: texts.visit.undoYes,
    no: texts.visit.undoNo,
  }),
  cashIn: (advantage: Advantage) => ({
    title: texts.visit.exchangeTitle,
    text: texts.visit.exchangeQuestion(advantage.title, texts.visit.cost(advantage.points)),
    yes: texts.visit.exchangeYes,
    no: texts.visit.exchangeNo,
  }),
};
