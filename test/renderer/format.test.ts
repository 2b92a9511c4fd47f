import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { formatDate, parseDateInput } from '../../renderer/format/date';
import { formatAmount, formatInsz, formatUitpasNumber } from '../../renderer/format/numbers';

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
