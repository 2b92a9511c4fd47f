/**
 * Amounts, UiTPAS numbers and national numbers for display. Written by hand
 * rather than with Intl so a counter PC in English shows the same as one in Dutch.
 */
import { normaliseInsz } from '../../electron/rules/insz';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';

/** The API's "5.00" (or "5", "1250.5") → "€ 5,00", "€ 1.250,50". */
export function formatAmount(amount: string): string {
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(amount.trim());
  if (!match) return `€ ${amount}`;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${sign}${grouped},${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/**
 * 13 digits in groups the eye can compare with the card: "0900 0000 0011 4".
 * The groups are joined by no-break spaces, so a sentence never wraps inside the number.
 */
export function formatUitpasNumber(number: string): string {
  const digits = normaliseUitpasNumber(number);
  return /^\d{13}$/.test(digits) ? [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8, 12), digits.slice(12)].join('\u00a0') : number;
}

/** The rijksregisternummer as on the eID: "85.07.30-033.28". */
export function formatInsz(insz: string): string {
  const digits = normaliseInsz(insz);
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}` : insz;
}

/** Points as the API counts them ("12.000", "2.5") → "12", "2,5". */
export function formatPoints(points: string): string {
  const value = Number(points);
  if (!Number.isFinite(value)) return points;
  const [whole = '0', fraction] = String(value).split('.');
  return fraction ? `${whole},${fraction}` : whole;
}

/** Euro cents (how the visit's prices travel) → "€ 1,50", "€ 12,00". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100);
  return formatAmount(`${sign}${whole}.${String(Math.abs(cents) % 100).padStart(2, '0')}`);
}
