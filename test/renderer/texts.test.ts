/** Codes from main become words in the workstation's language; switching the language switches every text. */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText, eidFailureText, language, problemText, setLanguage, texts, updateNoticeText } from '../../renderer/texts';

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

  it('says a proxy password question left unanswered as the proxy’s, not as UiTPAS being away', () => {
    expect(errorText({ code: 'uitpas-unreachable', network: 'ERR_PROXY_AUTH_REQUESTED' })).toBe(
      'De proxy van het netwerk vraagt een gebruikersnaam en wachtwoord. Probeer opnieuw en vul ze in; de IT-dienst kent ze.',
    );
    expect(errorText({ code: 'uitpas-unreachable', network: 'ERR_CONNECTION_REFUSED' })).toMatch(/^UiTPAS is niet bereikbaar/);
  });

  it('words a field rule the same whether the page or main found it', () => {
    expect(problemText('insz-check-digits')).toBe('Dit rijksregisternummer klopt niet (controlecijfers).');
    expect(problemText({ code: 'invalid-field', field: 'inszNumber', problem: 'insz-check-digits' })).toBe(problemText('insz-check-digits'));
    expect(problemText('end-date-too-late')).toBe(`De einddatum mag niet na 31/12/${new Date().getFullYear() + 1} liggen.`);
    setLanguage('fr');
    expect(problemText('end-date-too-late')).toBe(`La date de fin ne peut pas dépasser le 31/12/${new Date().getFullYear() + 1}.`);
  });

  it("writes French as French: de elided before a vowel, a space before the colon (issue 26 item 14)", () => {
    setLanguage('fr');
    expect(texts.record.upgradePrice('UiTPAS Gent', '€ 5,00')).toBe("Devenir membre d'UiTPAS Gent coûte € 5,00.");
    expect(texts.record.upgradeFree('Paspartoe')).toBe('Devenir membre de Paspartoe est gratuit.');
    expect(texts.eid.photoAlt('Anneliese')).toBe("Photo d'Anneliese sur l'eID");
    expect(texts.eid.photoAlt('Hélène')).toBe("Photo de Hélène sur l'eID");
    expect(`${texts.visit.balance}${texts.colon}12`).toBe('Solde de points : 12');
    setLanguage('nl');
    expect(`${texts.visit.balance}${texts.colon}12`).toBe('Puntensaldo: 12');
  });

  it('words an eID cause', () => {
    expect(eidFailureText('card-removed')).toMatch(/uitgenomen/);
    setLanguage('fr');
    expect(eidFailureText('card-removed')).toMatch(/retirée/);
  });

  it('words the update notices with this build, the minimum and the new version, in Dutch and French', () => {
    const view = { notice: 'too-old-on-quit', version: '1.3.0', minimumVersion: '1.2.5' } as const;
    setLanguage('nl');
    expect(updateNoticeText(view, '1.1.0')).toBe('Deze versie (1.1.0) is te oud: minstens versie 1.2.5 is nodig. Versie 1.3.0 staat klaar: sluit de app en open ze opnieuw.');
    expect(updateNoticeText({ notice: 'available', version: '1.3.0', minimumVersion: null }, '1.2.0')).toMatch(/^Versie 1\.3\.0 van UiTPAS Balie is beschikbaar\./);
    setLanguage('fr');
    expect(updateNoticeText({ ...view, notice: 'too-old' }, '1.1.0')).toBe(
      'Cette version (1.1.0) est trop ancienne : il faut au moins la version 1.2.5. Contactez votre service informatique.',
    );
  });
});
