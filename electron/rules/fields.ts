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

/** The API's own check: an "@" and a "." after it. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Belgian postal codes: four digits, 1000–9999. */
export function isBelgianPostalCode(value: string): boolean {
  return /^[1-9]\d{3}$/.test(value.trim());
}

/** kansenStatuutEndDate may not be after 31 December of next year. */
export function latestKansenStatuutEndDate(today: Date): string {
  return `${today.getFullYear() + 1}-12-31`;
}

/** What the form proposes when the kansenstatuut is set: 30 April of next year. */
export function defaultKansenStatuutEndDate(today: Date): string {
  return `${today.getFullYear() + 1}-04-30`;
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
