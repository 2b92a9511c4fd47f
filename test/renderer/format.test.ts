import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { formatDate, formatDateTime, formatTime, parseDateInput } from '../../renderer/format/date';
import { formatAmount, formatCents, formatInsz, formatUitpasNumber } from '../../renderer/format/numbers';

describe('dates the Belgian way, whatever the PC language', () => {
  it.each([
    ['15/03/1990', '1990-03-15'],
    ['15-3-1990', '1990-03-15'],
    ['15.03.1990', '1990-03-15'],
    ['15 03 1990', '1990-03-15'],
    ['15031990', '1990-03-15'],
    [' 1/2/2003 ', '2003-02-01'],
    // Pasted from another system: ISO, with or without a time.
    ['1990-03-15', '1990-03-15'],
    ['2013-12-31T23:59:59+01:00', '2013-12-31'],
  ])('reads %j as %s', (input, iso) => {
    expect(parseDateInput(input)).toEqual({ iso });
  });

  it.each([
    ['', 'empty'],
    ['15/03/90', 'incomplete'],
    ['1503199', 'incomplete'],
    ['31/02/1990', 'invalid'],
    ['15/13/1990', 'invalid'],
    ['03/15/1990', 'invalid'],
    ['maart 1990', 'invalid'],
  ])('refuses %j (%s), never guesses another order or year', (input, problem) => {
    expect(parseDateInput(input)).toEqual({ problem });
  });

  it('shows DD/MM/JJJJ and reads back what it shows, for every real date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const shown = formatDate(iso);
        expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(parseDateInput(shown)).toEqual({ iso });
        expect(parseDateInput(shown.replaceAll('/', ''))).toEqual({ iso });
      }),
    );
  });

  it('formats a W3C date-time by its date, and leaves other text as it is', () => {
    expect(formatDate('2027-04-30T23:59:59+02:00')).toBe('30/04/2027');
    expect(formatDate('        1962')).toBe('        1962');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('amounts and numbers for display', () => {
  it.each([
    ['5.00', '€ 5,00'],
    ['1.5', '€ 1,50'],
    ['0', '€ 0,00'],
    ['1250.5', '€ 1.250,50'],
  ])('%s → %s', (amount, shown) => {
    expect(formatAmount(amount)).toBe(shown);
  });

  it('groups a UiTPAS number and writes an INSZ as on the eID; anything else stays as typed', () => {
    expect(formatUitpasNumber('0900000000114')).toBe('0900\u00a00000\u00a00011\u00a04');
    // Copied from the screen and pasted into the search, it is the same number again.
    expect(normaliseUitpasNumber(formatUitpasNumber('0900000000114'))).toBe('0900000000114');
    expect(formatUitpasNumber('12345')).toBe('12345');
    expect(formatInsz('85073003328')).toBe('85.07.30-033.28');
    expect(formatInsz('850730')).toBe('850730');
  });
});

describe('moments UiTPAS wrote, in Belgian time on any PC', () => {
  it.each([
    // Check-ins come in UTC with minute precision (CF-T cultureevent/searchCheckins.xml).
    ['2026-12-07T13:08Z', '07/12/2026 14:08'],
    ['2026-07-07T13:08Z', '07/07/2026 15:08'],
    ['2026-12-07T14:05:00+01:00', '07/12/2026 14:05'],
    ['2026-12-07T23:30:00Z', '08/12/2026 00:30'],
    ['2026-12-07T14:05:00', '07/12/2026 14:05'],
    ['2026-12-07', '07/12/2026'],
  ])('%s → %s', (w3c, shown) => {
    expect(formatDateTime(w3c)).toBe(shown);
  });

  it('says the hour alone, or nothing without one', () => {
    expect(formatTime('2026-12-07T13:08Z')).toBe('14:08');
    expect(formatTime('2026-12-07')).toBe('');
  });

  it('writes euro cents as the app writes amounts', () => {
    expect(formatCents(160)).toBe('€ 1,60');
    expect(formatCents(2100)).toBe('€ 21,00');
    expect(formatCents(0)).toBe('€ 0,00');
    expect(formatCents(123456)).toBe('€ 1.234,56');
  });
});
