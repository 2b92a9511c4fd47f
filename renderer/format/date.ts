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

/** The hour and minutes of a W3C date-time as the API wrote it ("2026-12-07T14:05:00+01:00" → "14:05"), never shifted to the PC's zone. */
export function formatTime(w3c: string | null | undefined): string {
  const match = /T(\d{2}):(\d{2})/.exec(w3c ?? '');
  return match ? `${match[1]}:${match[2]}` : '';
}

/** A W3C date-time as DD/MM/JJJJ HH:MM (or only the date when it has no time), as the API wrote it. */
export function formatDateTime(w3c: string | null | undefined): string {
  const time = formatTime(w3c);
  return time ? `${formatDate(w3c)} ${time}` : formatDate(w3c);
}
