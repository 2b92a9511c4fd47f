import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, defaultKansenStatuutEndDate, isEmailAddress, isKansenStatuutExpired, kansenStatuutEndDateProblem, kansenStatuutExtensionProblem, proposedKansenStatuutEndDate } from '../../electron/rules/fields';
import { inszFacts, inszProblem } from '../../electron/rules/insz';
import {
  allowedOptIns,
  foreignResidentCity,
  isForeignResident,
  isMinor,
  optInsAllowed,
  passholderErrors,
  registrationErrors,
  registrationRequired,
  registrationRequiredFields,
} from '../../electron/rules/passholder-rules';
import { isKansenpas, uitpasNumberProblem, withLuhnDigit } from '../../electron/rules/uitpas-number';
import { choiceFields, emptyChoices } from '../../renderer/form/passholder-form';

describe('INSZ', () => {
  it.each([
    ['85073003328', { dateOfBirth: '1985-07-30', century: 1900, gender: 'MALE', bis: false }],
    ['92021514689', { dateOfBirth: '1992-02-15', century: 1900, gender: 'FEMALE', bis: false }],
    ['05031208796', { dateOfBirth: '2005-03-12', century: 2000, gender: 'MALE', bis: false }],
    ['62000001229', { dateOfBirth: null, century: 1900, gender: 'FEMALE', bis: false }],
    ['85.07.30-033.28', { dateOfBirth: '1985-07-30', century: 1900, gender: 'MALE', bis: false }],
  ])('reads %s', (insz, facts) => {
    expect(inszFacts(insz)).toEqual(facts);
  });

  it('reads BIS numbers: month +40 (sex known) and +20 (sex unknown)', () => {
    const bis = (base: string) => `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
    expect(inszFacts(bis('854730033'))).toMatchObject({ dateOfBirth: '1985-07-30', bis: true, gender: 'MALE' });
    expect(inszFacts(bis('852730034'))).toMatchObject({ dateOfBirth: '1985-07-30', bis: true, gender: null });
  });

  it.each([
    ['8507300332', {}, 'format'],
    ['85073003329', {}, 'check-digits'],
    ['85073003328', { dateOfBirth: '1985-07-31' }, 'date-of-birth'],
    ['85073003328', { gender: 'FEMALE' }, 'gender'],
    ['85073003328', { gender: 'V' }, 'gender'],
    ['85073003328', { dateOfBirth: '1985-07-30', gender: 'M' }, null],
  ])('%s with %j → %s', (insz, context, problem) => {
    expect(inszProblem(insz, context)).toBe(problem);
  });

  it('any 9 digits with the right check digits for either century are accepted, one wrong digit is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 997 }), fc.boolean(), (yy, mm, dd, serial, after2000) => {
        const base = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
        const check = 97 - ((after2000 ? 2_000_000_000 : 0) + Number(base)) % 97;
        const insz = `${base}${String(check).padStart(2, '0')}`;
        expect(inszProblem(insz)).toBeNull();
        const wrong = `${base}${String((check % 97) + 1).padStart(2, '0')}`;
        expect(inszProblem(wrong)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('UiTPAS number', () => {
  it('checks 13 digits, the kansenpas digit and Luhn (the seed example passes)', () => {
    expect(uitpasNumberProblem('0930056878802')).toBeNull();
    expect(uitpasNumberProblem('0930056878803')).toBe('check-digit');
    expect(uitpasNumberProblem('093005687880')).toBe('format');
    // A wrong kansenpas digit with a failing check digit is a typo: staff hear "check digit", not "13 digits".
    expect(uitpasNumberProblem('0930056878822')).toBe('check-digit');
    expect(uitpasNumberProblem('0900000099991')).toBe('check-digit');
    expect(uitpasNumberProblem(withLuhnDigit('090000009999'))).toBe('kind-digit');
    expect(isKansenpas(withLuhnDigit('090000000501'))).toBe(true);
    expect(isKansenpas('0930056878802')).toBe(false);
  });
});

describe('other field rules', () => {
  const today = new Date(2026, 10, 23);
  it('kansenStatuutEndDate: not after 31/12 of next year; default 30/04 of next year', () => {
    expect(kansenStatuutEndDateProblem('2027-12-31', today)).toBeNull();
    expect(kansenStatuutEndDateProblem('2028-01-01', today)).toBe('too-late');
    expect(kansenStatuutEndDateProblem('31/12/2027', today)).toBe('format');
    expect(defaultKansenStatuutEndDate(today)).toBe('2027-04-30');
  });

  it('e-mail needs an @ and a dot', () => {
    expect(isEmailAddress('els@example.org')).toBe(true);
    expect(isEmailAddress('els@example')).toBe(false);
  });

  it('gives each field the code of the rule it breaks', () => {
    const errors = passholderErrors(
      { name: 'Peeters', inszNumber: '96081315177', dateOfBirth: '1996-08-13', postalCode: '900', email: 'x', uitpasNumber: withLuhnDigit('090000000501'), kansenStatuut: false },
      registrationRequired,
      today,
    );
    expect(errors).toEqual({
      firstName: 'required',
      city: 'required',
      inszNumber: 'insz-check-digits',
      postalCode: 'postal-code-format',
      email: 'email-invalid',
      uitpasNumber: 'kansenpas-without-kansenstatuut',
    });
  });
});

describe('registration rules (form and main alike)', () => {
  const today = new Date(2026, 5, 15);
  const adult = { name: 'N', firstName: 'F', inszNumber: '85073003328', dateOfBirth: '1985-07-30', postalCode: '9000', city: 'Gent', uitpasNumber: withLuhnDigit('090000000010') };

  it('counts age in whole years, birthday included', () => {
    expect(ageOn('2010-06-15', today)).toBe(16);
    expect(ageOn('2010-06-16', today)).toBe(15);
    expect(ageOn('not a date', today)).toBeNull();
  });

  it('offers opt-ins from 16 only, and not before the age is known', () => {
    expect(optInsAllowed('2010-06-15', today)).toBe(true);
    expect(optInsAllowed('2010-06-16', today)).toBe(false);
    expect(optInsAllowed(undefined, today)).toBe(false);
    expect(registrationErrors({ ...adult, inszNumber: undefined, withoutInsz: true, dateOfBirth: '2012-01-01', parentalConsent: true, optInSms: true }, today)).toEqual({
      optInSms: 'opt-in-under-16',
    });
  });

  it('asks a parent’s consent for a minor only', () => {
    expect(isMinor('2008-06-16', today)).toBe(true);
    expect(isMinor('2008-06-15', today)).toBe(false);
    expect(Object.keys(registrationErrors({ ...adult, inszNumber: undefined, withoutInsz: true, dateOfBirth: '2010-01-01' }, today))).toEqual(['parentalConsent']);
  });

  it('needs the INSZ unless foreign resident (with a foreign place) or explicitly without; the terms by e-mail need an address', () => {
    expect(Object.keys(registrationErrors({ ...adult, inszNumber: '' }, today))).toEqual(['inszNumber']);
    expect(registrationErrors({ ...adult, inszNumber: '', withoutInsz: true }, today)).toEqual({});
    const foreign = { ...adult, inszNumber: undefined, city: 'buitenland', postalCode: 'L-1009' };
    expect(isForeignResident(foreign)).toBe(true);
    expect(Object.keys(registrationErrors(foreign, today))).toEqual(['foreignCity']);
    expect(registrationErrors({ ...foreign, foreignCity: 'Luxembourg' }, today)).toEqual({});
    expect(Object.keys(registrationErrors({ ...foreign, foreignCity: 'Luxembourg', kansenStatuut: true, uitpasNumber: withLuhnDigit('090000005011'), kansenStatuutEndDate: '2027-04-30' }, today))).toEqual(['kansenStatuut']);
    expect(Object.keys(registrationErrors({ ...adult, legalTermsDigital: true }, today))).toEqual(['legalTermsDigital']);
    expect(registrationErrors({ ...adult, legalTermsDigital: true, email: 'a@b.be' }, today)).toEqual({});
  });

  it('keeps the old export: registrationRequired still lists the INSZ', () => {
    expect(registrationRequired).toContain('inszNumber');
    expect(registrationRequiredFields({ city: foreignResidentCity })).not.toContain('inszNumber');
  });

  it('the form sends what the choices mean: opt-ins false under 16, city BUITENLAND abroad, consent only for a minor', () => {
    const choices = { ...emptyChoices(), optIns: { ...emptyChoices().optIns, optInSms: true }, parentalConsent: true, foreignResident: true };
    expect(choiceFields(choices, { dateOfBirth: '2012-01-01', foreignCity: ' Lille ' }, today)).toEqual({
      optInServiceMails: false,
      optInMilestoneMails: false,
      optInInfoMails: false,
      optInSms: false,
      optInPost: false,
      legalTermsPaper: false,
      legalTermsDigital: false,
      parentalConsent: true,
      city: 'BUITENLAND',
      foreignCity: 'Lille',
    });
    expect(choiceFields({ ...choices, foreignResident: false, withoutInsz: true }, { dateOfBirth: '1985-07-30', gsm: '0470 11 22 33' }, today)).toMatchObject({ optInSms: true, withoutInsz: true });
    expect(choiceFields(choices, { dateOfBirth: '1985-07-30' }, today)).not.toHaveProperty('parentalConsent');
  });
});

describe('opt-ins that cannot reach anyone (issue 27 item 5)', () => {
  const today = new Date(2026, 5, 1);
  const all = { optInServiceMails: true, optInMilestoneMails: true, optInInfoMails: true, optInSms: true, optInPost: true };
  it('mails need an e-mail address, SMS a mobile number; post needs neither', () => {
    expect(allowedOptIns(all, '1985-07-30', {}, today)).toEqual({ optInServiceMails: false, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: true });
    expect(allowedOptIns(all, '1985-07-30', { email: 'jonas@example.org', gsm: ' ' }, today)).toEqual({ ...all, optInSms: false });
    expect(allowedOptIns(all, '1985-07-30', { email: 'jonas@example.org', gsm: '0470 11 22 33' }, today)).toEqual(all);
    // Under 16 none, whatever the contact data.
    expect(Object.values(allowedOptIns(all, '2015-01-01', { email: 'a@b.be', gsm: '0470 11 22 33' }, today)).some(Boolean)).toBe(false);
  });
  it('the register form sends them by the same rule', () => {
    const choices = { ...emptyChoices(), optIns: all };
    expect(choiceFields(choices, { dateOfBirth: '1985-07-30', gsm: '0470 11 22 33' }, today)).toMatchObject({ optInServiceMails: false, optInInfoMails: false, optInSms: true, optInPost: true });
  });
});

describe('kansenstatuut extension', () => {
  const today = new Date(2026, 11, 1);
  it('proposes a year after the current end date, within 31/12 of next year', () => {
    expect(proposedKansenStatuutEndDate('2027-04-30', today)).toBe('2027-12-31');
    expect(proposedKansenStatuutEndDate('2026-12-31', today)).toBe('2027-12-31');
    expect(proposedKansenStatuutEndDate('2026-12-15', today)).toBe('2027-12-15');
  });

  it('proposes from today when the status has ended or has no end date', () => {
    expect(proposedKansenStatuutEndDate('2025-04-30', today)).toBe('2027-12-01');
    expect(proposedKansenStatuutEndDate(undefined, today)).toBe('2027-12-01');
  });

  it('refuses a past date, one not later than the current end, and one past the limit', () => {
    expect(kansenStatuutExtensionProblem('2026-11-30', undefined, today)).toBe('past');
    expect(kansenStatuutExtensionProblem('2027-04-30', '2027-04-30', today)).toBe('not-later');
    expect(kansenStatuutExtensionProblem('2027-03-01', '2027-04-30T23:59:59+02:00', today)).toBe('not-later');
    expect(kansenStatuutExtensionProblem('2028-01-01', '2027-04-30', today)).toBe('too-late');
    expect(kansenStatuutExtensionProblem('2027-12-31', '2027-04-30', today)).toBeNull();
  });

  it('marks a status that has ended', () => {
    expect(isKansenStatuutExpired('2026-11-30', today)).toBe(true);
    expect(isKansenStatuutExpired('2026-12-01', today)).toBe(false);
    expect(isKansenStatuutExpired(undefined, today)).toBe(false);
  });
});
