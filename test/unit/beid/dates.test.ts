import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardDateError, parseBirthDate, parseCardDate } from '../../../native/beid/dates';

describe('parseBirthDate', () => {
  it.each([
    ['03 MEI 2001', '2001-05-03'],
    ['24 MAAR 1969', '1969-03-24'],
    ['01 JAN 1971', '1971-01-01'],
    ['16 DEC 1999', '1999-12-16'],
    ['07 SEPT 2003', '2003-09-07'],
    ['14 FEV 1990', '1990-02-14'],
    ['02 AOUT 1984', '1984-08-02'],
    ['05 JUIN 1977', '1977-06-05'],
    ['05 JUIL 1977', '1977-07-05'],
    ['10 MARS 1980', '1980-03-10'],
    ['10 AVR 1980', '1980-04-10'],
    ['13.AUG. 1996', '1996-08-13'],
    ['23.SEP.1982', '1982-09-23'],
    ['23.SEP. 1982', '1982-09-23'],
    ['12.MÄR.2005', '2005-03-12'],
    ['12.MÄR. 2005', '2005-03-12'],
    ['24.DEZ.1960', '1960-12-24'],
    ['31 OKT 2010', '2010-10-31'],
    ['29 FEB 2000', '2000-02-29'],
    ['01 FEVR 1990', '1990-02-01'],
    ['1 mei 2001', '2001-05-01'],
  ])('reads %s as %s', (raw, iso) => {
    const date = parseBirthDate(raw);
    expect(date.iso).toBe(iso);
    expect(date.raw).toBe(raw);
  });

  it.each([
    ['        1962', 1962, null, null],
    ['1984', 1984, null, null],
    ['   MAAR 1962', 1962, 3, null],
    ['    .AUG. 1996', 1996, 8, null],
  ])('keeps the partial date %j without inventing a day or month', (raw, year, month, day) => {
    expect(parseBirthDate(raw)).toEqual({ raw, year, month, day, iso: null });
  });

  it.each(['31 FEB 2001', '30 FEB 2000', '00 JAN 1990', '12 XYZ 1990', '12 1990', '', 'JAN', '12 JAN 90'])('refuses %j', (raw) => {
    expect(() => parseBirthDate(raw)).toThrow(CardDateError);
  });

  it('yields a date or its own error for any text, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{0,2}[ .]{0,2}[A-ZÄ]{0,5}[ .]{0,2}\d{4}$/)), (raw) => {
        try {
          const date = parseBirthDate(raw);
          if (date.iso) expect(date.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(CardDateError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseCardDate', () => {
  it('reads DD.MM.YYYY', () => {
    expect(parseCardDate('15.03.2031')).toBe('2031-03-15');
  });
  it.each(['2031-03-15', '32.01.2020', '15.13.2020', '1.3.2020'])('refuses %s', (text) => {
    expect(() => parseCardDate(text)).toThrow(CardDateError);
  });
});
