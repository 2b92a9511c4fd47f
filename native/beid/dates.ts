/**
 * Dates as the card writes them. Birth dates are text in the issuing
 * municipality's language: "24 MAAR 1969", "07 SEPT 2003", "13.AUG. 1996",
 * "23.SEP.1982"; an unknown day or month is left blank ("        1962"), and a
 * year alone occurs. Validity dates are "DD.MM.YYYY".
 */
export class CardDateError extends Error {
  constructor(
    message: string,
    /** 'unknown-month' when only the month's spelling is not known; 'bad-date' for anything else. */
    readonly code: 'bad-date' | 'unknown-month' = 'bad-date',
  ) {
    super(message);
    this.name = 'CardDateError';
  }
}

export interface BirthDate {
  /** Exactly as on the card, for display when the date is partial. */
  raw: string;
  year: number;
  month: number | null;
  day: number | null;
  /** YYYY-MM-DD, or null when the day or month is unknown. */
  iso: string | null;
}

// The official month table (FR, NL, DE), plus FEVR and MAR seen in the wild as spellings of February and March.
const months: Readonly<Record<string, number>> = {
  JAN: 1,
  FEV: 2, FEB: 2, FEVR: 2,
  MARS: 3, MAAR: 3, MÄR: 3, MAR: 3,
  AVR: 4, APR: 4,
  MAI: 5, MEI: 5,
  JUIN: 6, JUN: 6,
  JUIL: 7, JUL: 7,
  AOUT: 8, AUG: 8,
  SEPT: 9, SEP: 9,
  OCT: 10, OKT: 10,
  NOV: 11,
  DEC: 12, DEZ: 12,
};

export function parseBirthDate(raw: string): BirthDate {
  const text = raw.normalize('NFC').trim();
  const numeric = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (numeric) return birthDate(raw, Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));

  const match = /^(\d{1,2})?[\s.]*(\p{L}+)?[\s.]*(\d{4})$/u.exec(text);
  if (!match) throw new CardDateError('unrecognised birth date');
  const [, dayText, monthText, yearText] = match;
  const month = monthText === undefined ? null : months[monthText.toUpperCase()];
  if (month === undefined) throw new CardDateError('unknown month name', 'unknown-month');
  const day = dayText === undefined ? null : Number(dayText);
  if (day !== null && month === null) throw new CardDateError('a day without a month');
  return birthDate(raw, Number(yearText), month, day);
}

function birthDate(raw: string, year: number, month: number | null, day: number | null): BirthDate {
  if (month !== null && (month < 1 || month > 12)) throw new CardDateError('month out of range');
  if (day !== null && (day < 1 || day > daysInMonth(year, month ?? 1))) throw new CardDateError('day out of range');
  const iso = day !== null && month !== null ? isoDate(year, month, day) : null;
  return { raw, year, month, day, iso };
}

/** "DD.MM.YYYY" → "YYYY-MM-DD" (card validity and EU registration dates). */
export function parseCardDate(text: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!match) throw new CardDateError('not a DD.MM.YYYY date');
  const [, day, month, year] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new CardDateError('date out of range');
  return isoDate(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
