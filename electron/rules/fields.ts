import { maxLength } from './limits';

/**
 * Rules for the other pass holder fields, as the UiTPAS API applies them.
 * Dates are W3C dates, YYYY-MM-DD.
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The API's own check: one "@", something before it, and a "." with something
 * on both sides after it; no spaces; at most 254 characters (RFC 5321). Written
 * without a backtracking pattern: the old `[^\s@]+\.[^\s@]+` took quadratic
 * time on a long run of dots, which blocked the main process.
 */
export function isEmailAddress(value: string): boolean {
  const address = value.trim();
  if (address.length > maxLength.email || /\s/.test(address)) return false;
  const at = address.indexOf('@');
  if (at < 1 || address.indexOf('@', at + 1) !== -1) return false;
  return address.slice(at + 2, -1).includes('.');
}

/** Belgian postal codes: four digits, 1000–9999. */
export function isBelgianPostalCode(value: string): boolean {
  return /^[1-9]\d{3}$/.test(value.trim());
}

/** kansenStatuutEndDate may not be after 31 December of next year. */
export function latestKansenStatuutEndDate(today: Date): string {
  return `${today.getFullYear() + 1}-12-31`;
}

/**
 * What the forms propose when a kansenstatuut is given: 30 April of next year, where the real counter's date
 * picker starts when registering and when joining another card system (NG registration/passholder-register.controller.js
 * and passholder/card-upgrade/card-upgrade-modal.controller.js: 30/04 of the current year + 1; its
 * edit-kansenstatuut-modal.controller.js proposes the same for an expired one). Staff may change it.
 */
export function defaultKansenStatuutEndDate(today: Date): string {
  return `${today.getFullYear() + 1}-04-30`;
}

/**
 * What an extension proposes: a year after the current end date (or after
 * today when it has already ended), never past the latest the API allows.
 */
export function proposedKansenStatuutEndDate(currentEnd: string | undefined, today: Date): string {
  const from = currentEnd && isIsoDate(currentEnd.slice(0, 10)) && currentEnd.slice(0, 10) >= isoDay(today) ? currentEnd.slice(0, 10) : isoDay(today);
  const yearLater = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`.replace(/-02-29$/, '-02-28');
  const latest = latestKansenStatuutEndDate(today);
  return yearLater < latest ? yearLater : latest;
}

/** An extension must end later than today and later than the current end date, and within the API's limit. */
export function kansenStatuutExtensionProblem(value: string, currentEnd: string | undefined, today: Date): 'format' | 'too-late' | 'past' | 'not-later' | null {
  const problem = kansenStatuutEndDateProblem(value, today);
  if (problem) return problem;
  if (value <= isoDay(today)) return 'past';
  if (currentEnd && value <= currentEnd.slice(0, 10)) return 'not-later';
  return null;
}

/** Whether a kansenstatuut ending on this date has ended by today. */
export function isKansenStatuutExpired(endDate: string | undefined, today: Date): boolean {
  return endDate !== undefined && endDate.slice(0, 10) < isoDay(today);
}

export function kansenStatuutEndDateProblem(value: string, today: Date): 'format' | 'too-late' | null {
  if (!isIsoDate(value)) return 'format';
  if (value > latestKansenStatuutEndDate(today)) return 'too-late';
  return null;
}

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Whole years between a YYYY-MM-DD birth date and today (local calendar). */
export function ageOn(dateOfBirth: string, today: Date): number | null {
  if (!isIsoDate(dateOfBirth)) return null;
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const birthdayPassed = today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day);
  return today.getFullYear() - year - (birthdayPassed ? 0 : 1);
}
