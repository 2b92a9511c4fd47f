/**
 * The Belgian national number (INSZ / rijksregisternummer, also BIS numbers):
 * YYMMDD + 3-digit serial + 2 check digits. Check = 97 − (first 9 digits mod 97);
 * for people born in or after 2000 the same over "2" followed by the 9 digits.
 * BIS numbers add 20 (sex unknown) or 40 (sex known) to the month. An odd
 * serial is a man, an even one a woman (not checked when the month carries +20).
 * Pure: used by the form, the main process and the simulator alike.
 */
export type InszProblem = 'format' | 'check-digits' | 'date-of-birth' | 'gender';

export interface InszFacts {
  /** YYYY-MM-DD, or null when the number leaves day or month open (00). */
  dateOfBirth: string | null;
  century: 1900 | 2000;
  /** null for a BIS number that does not say. */
  gender: 'MALE' | 'FEMALE' | null;
  bis: boolean;
}

/** Digits only: staff may type 85.07.30-033.28 or with spaces. */
export function normaliseInsz(input: string): string {
  return input.replace(/[\s.\-/]/g, '');
}

export function inszFacts(input: string): InszFacts | null {
  const digits = normaliseInsz(input);
  if (!/^\d{11}$/.test(digits)) return null;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const century = 97 - (base % 97) === check ? 1900 : 97 - ((2_000_000_000 + base) % 97) === check ? 2000 : null;
  if (century === null) return null;
  const rawMonth = Number(digits.slice(2, 4));
  const bis = rawMonth >= 20;
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  const day = Number(digits.slice(4, 6));
  const year = century + Number(digits.slice(0, 2));
  const serial = Number(digits.slice(6, 9));
  const sexKnown = !(rawMonth >= 20 && rawMonth < 40);
  const known = month !== 0 && day !== 0;
  return {
    dateOfBirth: known ? `${year}-${pad(month)}-${pad(day)}` : null,
    century,
    gender: sexKnown ? (serial % 2 === 1 ? 'MALE' : 'FEMALE') : null,
    bis,
  };
}

/** The first problem with an INSZ, checked against the date of birth and gender when they are known. */
export function inszProblem(input: string, context: { dateOfBirth?: string | null; gender?: string | null } = {}): InszProblem | null {
  const digits = normaliseInsz(input);
  if (!/^\d{11}$/.test(digits)) return 'format';
  const facts = inszFacts(digits);
  if (!facts) return 'check-digits';
  if (facts.dateOfBirth !== null && !isRealDate(facts.dateOfBirth)) return 'format';
  if (context.dateOfBirth && facts.dateOfBirth && context.dateOfBirth !== facts.dateOfBirth) return 'date-of-birth';
  const gender = context.gender === 'M' ? 'MALE' : context.gender === 'F' || context.gender === 'V' ? 'FEMALE' : context.gender;
  if (gender && facts.gender && gender !== facts.gender) return 'gender';
  return null;
}

function isRealDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
