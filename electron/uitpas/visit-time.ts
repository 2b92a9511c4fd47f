/**
 * Times as the visit's calls send them: W3C date-times with an offset (reference counter-day.md §0.4), in the
 * time zone of the real counter's server, Belgium's (SX builds "past" and "choose date" from server days, §1.1).
 */
const zone = 'Europe/Brussels';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });

/** YYYY-MM-DD of this moment in Belgium. */
export function isoDayInBrussels(moment: Date): string {
  return dayFormat.format(moment);
}

/** "+01:00" in winter, "+02:00" in summer. */
function offsetAt(moment: Date): string {
  const name = offsetFormat.formatToParts(moment).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/** YYYY-MM-DD plus (or minus) whole days, by the calendar. */
export function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A Belgian day's first and last second as W3C date-times, each with its own offset (a DST day keeps both right). */
export function dayBounds(day: string): { start: string; end: string } {
  const noon = new Date(`${day}T12:00:00Z`);
  const startOffset = offsetAt(new Date(noon.getTime() - 12 * 3_600_000));
  const endOffset = offsetAt(new Date(noon.getTime() + 11 * 3_600_000));
  return { start: `${day}T00:00:00${startOffset}`, end: `${day}T23:59:59${endOffset}` };
}

/** This moment as a W3C date-time in Belgian time, to the second. */
export function w3cInBrussels(moment: Date): string {
  const offset = offsetAt(moment);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  const local = new Date(moment.getTime() + sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/** A Belgian wall-clock time on a day ("2026-12-07", "20:00:00") as a moment. */
export function atBrussels(day: string, time: string): Date {
  const offset = offsetAt(new Date(`${day}T12:00:00Z`));
  return new Date(`${day}T${time}${offset}`);
}
