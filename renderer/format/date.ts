/**
 * Dates the Belgian way, whatever the PC's language: shown as DD/MM/JJJJ,
 * typed with or without separators, pasted as ISO; sent to the API as
 * YYYY-MM-DD. Never Intl or <input type=date>: those follow the OS locale.
 */
export type DateInputProblem = 'empty' | 'incomplete' | 'invalid';

export type ParsedDate = { iso: string; problem?: undefined } | { iso?: undefined; problem: DateInputProblem };

/** What the staff typed or pasted, as an ISO date or why not. */
export function parseDateInput(input: string): ParsedDate {
  const text = input.trim();
  if (text === '') return { problem: 'empty' };
  // Pasted from a system or spreadsheet: 1990-03-15, also with a time after it.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Typed the Belgian way: 15/03/1990, 15-3-1990, 15.03.1990, 15 03 1990.
  const parts = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d+)$/.exec(text);
  if (parts) return parts[3]?.length === 4 ? checked(Number(parts[3]), Number(parts[2]), Number(parts[1])) : { problem: 'incomplete' };
  // Typed or scanned without separators: 15031990.
  if (/^\d+$/.test(text)) return text.length === 8 ? checked(Number(text.slice(4)), Number(text.slice(2, 4)), Number(text.slice(0, 2))) : { problem: 'incomplete' };
  return { problem: 'invalid' };
}

function checked(year: number, month: number, day: number): ParsedDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { problem: 'invalid' };
  return { iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** YYYY-MM-DD (or a W3C date-time) → DD/MM/JJJJ; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Today as YYYY-MM-DD in the PC's own time zone (the counter's day). */
export function isoToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The counter's clock: a moment UiTPAS wrote with an offset or in UTC ("…T13:08Z", as check-ins are, reference
 * counter-day.md §0.4) shown in Belgian time, whatever the PC's zone or language (fixed en-GB digits, no words).
 */
const belgianTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A W3C date-time → its Belgian day (YYYY-MM-DD) and HH:MM, or undefined when it has no time or offset to go by. */
function inBelgium(w3c: string | null | undefined): { day: string; time: string } | undefined {
  if (!w3c || !/T\d{2}:\d{2}/.test(w3c)) return undefined;
  // Without an offset the API meant Belgian time already: shown as written.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(w3c)) return { day: w3c.slice(0, 10), time: w3c.slice(11, 16) };
  const moment = new Date(w3c);
  if (Number.isNaN(moment.getTime())) return undefined;
  const part = (type: string) => belgianTime.formatToParts(moment).find((one) => one.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** The hour and minutes of a W3C date-time in Belgian time ("2026-12-07T13:05Z" → "14:05"); '' without a time. */
export function formatTime(w3c: string | null | undefined): string {
  return inBelgium(w3c)?.time ?? '';
}

/** A W3C date-time as DD/MM/JJJJ HH:MM in Belgian time (only the date when it has no time). */
export function formatDateTime(w3c: string | null | undefined): string {
  const belgian = inBelgium(w3c);
  return belgian ? `${formatDate(belgian.day)} ${belgian.time}` : formatDate(w3c);
}
