import { describe, expect, it } from 'vitest';
import type { EidCard, Passholder } from '../../electron/ipc/contract';
import { applyEid, editField, eidMarkOf, emptyChoices, emptyForm, filledValues, noteEidCheck, unansweredQuestions } from '../../renderer/form/passholder-form';
import { endDateFor, reasonChoice } from '../../renderer/flows/new-card';

const card = (readId: string, name: string): EidCard => ({
  reader: 'R',
  readId,
  complete: false,
  card: { appletVersion: '1.7', cardNumber: '1', documentType: 1, validityBegin: '', validityEnd: '' },
  prefill: { name, firstName: 'Aylin', secondName: '', inszNumber: '62000001229', dateOfBirth: null, gender: 'FEMALE', nationality: 'Turkse', placeOfBirth: 'Ankara', street: 'Turnhoutsebaan 230', postalCode: '2140', city: 'Antwerpen', verified: false },
  dateOfBirthRaw: '        1962',
  photo: null,
  integrity: null,
});

describe('pass holder form', () => {
  it('fills what the card gives, marks it, keeps other input, and leaves the unknown birth date empty', () => {
    const form = applyEid(editField(emptyForm(), 'email', 'a@b.be'), card('r1', 'Kaya'));
    expect(form.values).toMatchObject({ name: 'Kaya', firstName: 'Aylin', city: 'Antwerpen', email: 'a@b.be' });
    expect(form.values.dateOfBirth).toBeUndefined();
    expect([...form.fromEid].sort()).toEqual(['city', 'firstName', 'gender', 'inszNumber', 'name', 'nationality', 'placeOfBirth', 'postalCode', 'street']);
    expect(form.eidReadId).toBe('r1');
  });

  it('editing a field removes its mark', () => {
    const form = editField(applyEid(emptyForm(), card('r1', 'Kaya')), 'street', 'Turnhoutsebaan 232');
    expect(form.fromEid.has('street')).toBe(false);
    expect(form.fromEid.has('city')).toBe(true);
  });

  it('sends trimmed values and leaves empty ones out', () => {
    expect(filledValues({ name: ' Kaya ', gsm: '  ', city: 'Antwerpen' })).toEqual({ name: 'Kaya', city: 'Antwerpen' });
  });
});

describe('the reasons Nieuwe kaart offers, as the real counter (NG replace-pass-controller.js)', () => {
  const regular = '0900000000100';
  const kansenpas = '0900000050113';
  const holderWith = (current: string): Passholder => ({
    uid: 'u1',
    name: 'Claes',
    firstName: 'Marie',
    points: '0',
    verified: true,
    blocked: false,
    cardSystems: [
      {
        id: '1',
        name: 'UiTPAS Gent',
        kansenStatuut: current === kansenpas,
        ...(current === kansenpas ? { kansenStatuutEndDate: '2031-04-30' } : {}),
        kansenStatuutExpired: false,
        kansenStatuutInGracePeriod: false,
        currentCard: { uitpasNumber: current, kansenpas: current === kansenpas, status: 'ACTIVE' },
      },
    ],
  });

  it.each([
    [regular, regular, ['LOSS_THEFT', 'DEFECT']],
    [kansenpas, kansenpas, ['LOSS_THEFT', 'DEFECT']],
    [regular, kansenpas, ['OBTAIN_KANSENSTATUUT']],
    [kansenpas, regular, ['LOSS_KANSENSTATUUT']],
    // Still being typed: loss/theft or defect, nothing forced yet.
    [regular, '09000000501', ['LOSS_THEFT', 'DEFECT']],
  ])('old %s, new %s: %j, never CARD_UPGRADE or EXTRA_CARD', (oldNumber, newNumber, reasons) => {
    expect(reasonChoice(holderWith(oldNumber), newNumber, 'LOSS_THEFT').reasons).toEqual(reasons);
  });

  it('forces the change of kansenstatuut over the staff’s pick, and gives the pick back when the cards match again', () => {
    const holder = holderWith(regular);
    expect(reasonChoice(holder, kansenpas, 'DEFECT')).toEqual({ reasons: ['OBTAIN_KANSENSTATUUT'], reason: 'OBTAIN_KANSENSTATUUT', forced: true });
    expect(reasonChoice(holder, regular, 'DEFECT')).toEqual({ reasons: ['LOSS_THEFT', 'DEFECT'], reason: 'DEFECT', forced: false });
  });

  it('sends the chosen end date when obtaining, copies the current one when both are kansenpassen, none otherwise', () => {
    expect(endDateFor(holderWith(regular), kansenpas, 'OBTAIN_KANSENSTATUUT', '2030-04-30')).toBe('2030-04-30');
    expect(endDateFor(holderWith(kansenpas), kansenpas, 'LOSS_THEFT', '2030-04-30')).toBe('2031-04-30');
    expect(endDateFor(holderWith(kansenpas), regular, 'LOSS_KANSENSTATUUT', '2030-04-30')).toBeUndefined();
    expect(endDateFor(holderWith(regular), regular, 'DEFECT', '2030-04-30')).toBeUndefined();
  });
});

describe('how far the eID fields can be trusted', () => {
  const complete = (verified: boolean): EidCard => ({ ...card('r1', 'Kaya'), complete: true, prefill: { ...card('r1', 'Kaya').prefill, verified } });

  it('marks fields pending until the signatures are checked, then verified or not', () => {
    const form = applyEid(emptyForm(), card('r1', 'Kaya'));
    expect(eidMarkOf(form, 'name')).toBe('pending');
    expect(eidMarkOf(noteEidCheck(form, complete(true)), 'name')).toBe('verified');
    expect(eidMarkOf(noteEidCheck(form, complete(false)), 'name')).toBe('unverified');
    // A field the staff changed carries no mark at all.
    expect(eidMarkOf(editField(noteEidCheck(form, complete(false)), 'name', 'Kaya-Demir'), 'name')).toBeUndefined();
  });

  it('ignores the completion of another read', () => {
    const form = applyEid(emptyForm(), card('r1', 'Kaya'));
    expect(noteEidCheck(form, { ...complete(true), readId: 'r2' })).toBe(form);
  });

  it('names what the card did not give, and keeps a partial birth date to explain it', () => {
    const form = applyEid(emptyForm(), card('r1', 'Kaya'));
    expect(form.notFromEid).toEqual(['secondName', 'dateOfBirth']);
    expect(form.partialDateOfBirth).toBe('1962');
  });
});

describe("the counter's questions before registering", () => {
  const today = new Date(2026, 11, 5);
  const adult = { dateOfBirth: '1985-07-30' };

  it('are all open on a fresh form', () => {
    expect(unansweredQuestions(emptyChoices(), adult, today)).toEqual(['noContact', 'noOptIns', 'noLegalTerms']);
  });

  it('are answered by a value, or by the explicit "none"', () => {
    const choices = { ...emptyChoices(), noOptIns: true, legalTermsPaper: true };
    expect(unansweredQuestions(choices, { ...adult, gsm: '0470 11 22 33' }, today)).toEqual([]);
    expect(unansweredQuestions({ ...emptyChoices(), noContact: true, optIns: { ...emptyChoices().optIns, optInPost: true }, noLegalTerms: true }, adult, today)).toEqual([]);
    // An opt-in that cannot reach anyone answers nothing: SMS without a mobile number, mails without an e-mail address.
    const unreachable = { ...emptyChoices(), noContact: true, optIns: { ...emptyChoices().optIns, optInSms: true, optInInfoMails: true }, noLegalTerms: true };
    expect(unansweredQuestions(unreachable, adult, today)).toEqual(['noOptIns']);
  });

  it('do not ask for messages under 16, where none are allowed', () => {
    expect(unansweredQuestions({ ...emptyChoices(), noContact: true, noLegalTerms: true }, { dateOfBirth: '2015-01-01' }, today)).toEqual([]);
  });

  it('do not count blank spaces as an e-mail address', () => {
    expect(unansweredQuestions({ ...emptyChoices(), noOptIns: true, noLegalTerms: true }, { ...adult, email: '  ' }, today)).toEqual(['noContact']);
  });
});
