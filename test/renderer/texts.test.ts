/** Codes from main become words in the workstation's language; switching the language switches every text. */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText, eidFailureText, language, problemText, setLanguage, texts } from '../../renderer/texts';

describe('texts', () => {
  afterEach(() => setLanguage('nl'));

  it('is Dutch until the session says otherwise, and a switch re-binds `texts` for every importer', () => {
    expect(language).toBe('nl');
    expect(texts.home.search).toBe('Zoeken');
    setLanguage('fr');
    expect(language).toBe('fr');
    expect(texts.home.search).toBe('Rechercher');
  });

  it('words a UiTPAS code the app knows, in each language', () => {
    const error = { code: 'uitpas-rejected', apiCode: 'INVALID_CARD_STATUS_BLOCKED', field: 'uitpasNumber' } as const;
    expect(errorText(error)).toBe('Deze kaart is geblokkeerd.');
    setLanguage('fr');
    expect(errorText(error)).toBe('Cette carte est bloquée.');
  });

  it("shows UiTPAS's own text for a code it does not know, or else the code", () => {
    expect(errorText({ code: 'uitpas-rejected', apiCode: 'SOMETHING_NEW', serverMessage: 'Nieuwe regel' })).toBe('UiTPAS meldt: Nieuwe regel');
    expect(errorText({ code: 'uitpas-rejected', apiCode: 'SOMETHING_NEW' })).toBe('UiTPAS weigerde dit (SOMETHING_NEW).');
  });

  it('says to look the pass holder up when the outcome is unknown, and not to retry blindly', () => {
    expect(errorText({ code: 'uitpas-unreachable' })).toMatch(/probeer opnieuw/);
    const unknown = errorText({ code: 'uitpas-unreachable', outcomeUnknown: true });
    expect(unknown).toMatch(/^De verbinding met UiTPAS viel weg/);
    expect(unknown).toMatch(/zoek de pashouder eerst op/);
    expect(errorText({ code: 'uitpas-server', httpStatus: 503 })).toBe('UiTPAS heeft een storing (HTTP 503). Probeer het zo opnieuw.');
  });

  it('words a field rule the same whether the page or main found it', () => {
    expect(problemText('insz-check-digits')).toBe('Dit rijksregisternummer klopt niet (controlecijfers).');
    expect(problemText({ code: 'invalid-field', field: 'inszNumber', problem: 'insz-check-digits' })).toBe(problemText('insz-check-digits'));
    expect(problemText('end-date-too-late')).toBe(`De einddatum mag niet na 31/12/${new Date().getFullYear() + 1} liggen.`);
    setLanguage('fr');
    expect(problemText('end-date-too-late')).toBe(`La date de fin ne peut pas dépasser le 31/12/${new Date().getFullYear() + 1}.`);
  });

  it('words an eID cause', () => {
    expect(eidFailureText('card-removed')).toMatch(/uitgenomen/);
    setLanguage('fr');
    expect(eidFailureText('card-removed')).toMatch(/retirée/);
  });
});
