import { useEffect, useRef, useState } from 'react';
import type { EidCard, Passholder } from '../../electron/ipc/contract';
import { normaliseInsz } from '../../electron/rules/insz';
import { useApp } from '../context';
import { formatDate } from '../format/date';
import { documentTypeText, eidFailureText, texts } from '../texts';
import { Photo } from './Photo';

/** Why a complete card is not verified, in words the counter employee can pass on. */
export function notVerifiedReason(card: EidCard): string | null {
  const integrity = card.integrity;
  if (!card.complete || !integrity || card.prefill.verified) return null;
  if (integrity.certificate === 'untrusted') return texts.eid.notVerifiedWhy.untrusted;
  if (integrity.certificate === 'unreadable') return texts.eid.notVerifiedWhy.unreadable;
  if (integrity.certificate === 'not-rrn') return texts.eid.notVerifiedWhy.notRrn;
  if (integrity.identity && integrity.address && integrity.photo && card.card.expired) return texts.eid.notVerifiedWhy.expired;
  return texts.eid.notVerifiedWhy.changed;
}

/** The fields the card could not give, one line each ("geboortedatum: onbekende maand"). */
export function unreadableFields(card: EidCard): string[] {
  return (card.warnings ?? []).map(({ field, code }) => {
    const name = texts.eid.fieldNames[field] ?? texts.eid.otherField(field);
    return texts.labelled(name, texts.eid.fieldProblems[code] ?? code);
  });
}

/**
 * The read whose main action last took the focus, or that was read on another screen: coming back to the
 * home screen with that card still in leaves the focus in the search field.
 */
let focusedForRead: string | undefined;

/** The eID side of a screen: read progress, errors, the card, and whether its holder already has a UiTPAS. */
export function EidPanel({ showRegister }: { showRegister: boolean }) {
  const { api, store } = useApp();
  const { reading, card, eids, readFailure, halfRead, cardRemoved, session, screen, registration } = store();
  const [existing, setExisting] = useState<{ readId: string; holders: Passholder[] } | null>(null);
  const insz = card?.prefill.inszNumber;
  const readId = card?.readId;

  // The card's INSZ is looked up at once, so nobody is registered twice.
  useEffect(() => {
    if (!insz || !readId || !session?.balie) return;
    let current = true;
    void api.findPassholders({ query: insz }).then((result) => {
      if (current && result.ok) setExisting({ readId, holders: result.value });
    });
    return () => {
      current = false;
    };
  }, [api, insz, readId, session?.balie]);

  // A card system of this balie the pass holder is not in yet, where the balie may register.
  const canJoin = (holder: Passholder) =>
    session?.balie?.cardSystems.some((system) => system.permissions.includes('registratie') && !holder.cardSystems.some((own) => own.id === system.id)) ?? false;
  // On the pass holder's own screen there is nothing to offer.
  const open = screen.name === 'passholder' ? screen.passholder : null;
  const openUid = open?.uid ?? null;
  // Someone else's eID beside an open pass holder: said plainly, and what it offers is named after its holder.
  const otherPerson = open?.inszNumber && card?.prefill.inszNumber && normaliseInsz(open.inszNumber) !== normaliseInsz(card.prefill.inszNumber) ? open : null;
  const cardName = card ? `${card.prefill.firstName} ${card.prefill.name}` : '';
  const holders = existing && existing.readId === readId ? existing.holders.filter((holder) => holder.uid !== openUid) : null;
  const why = card ? notVerifiedReason(card) : null;
  const unreadable = card ? unreadableFields(card) : [];
  const firstHolder = holders?.[0];
  const offersRegister = card && holders && holders.length === 0 && showRegister && existing?.holders.length === 0;
  // On the home screen, the panel's main action (open the pass holder, or register) takes the focus once it is
  // known, from the search field (whatever old digits it holds) or from nowhere, never from the search by
  // name the staff are typing in: the next Enter does it.
  const mainAction = useRef<HTMLButtonElement>(null);
  const onHome = screen.name === 'home';
  const mainActionFor = onHome && (firstHolder || offersRegister) ? readId : undefined;
  useEffect(() => {
    if (!onHome) focusedForRead = readId ?? focusedForRead;
  }, [onHome, readId]);
  useEffect(() => {
    const active = document.activeElement;
    const idle = !active || active === document.body || (active instanceof HTMLElement && (active.id === 'search' || active.closest('.eid-panel') !== null));
    if (!mainActionFor || mainActionFor === focusedForRead || !idle) return;
    focusedForRead = mainActionFor;
    mainAction.current?.focus();
  }, [mainActionFor]);
  return (
    <section className="panel eid-panel" aria-labelledby="eid-title" data-testid="eid-panel">
      <h2 id="eid-title">{texts.eid.title}</h2>
      <div aria-live="polite">
        {reading && (
          <div className="reading">
            <label htmlFor="eid-progress">
              {texts.eid.reading} ({texts.eid.steps[reading.step]})
            </label>
            <progress id="eid-progress" max={1} value={reading.progress} />
          </div>
        )}
        {readFailure && (
          <p className="notice error" role="alert">
            {eidFailureText(readFailure.cause)}
          </p>
        )}
        {halfRead && !card && !reading && (
          <p className="notice warn" role="alert" data-testid="eid-half-read">
            {texts.eid.halfRead}
          </p>
        )}
        {/* On a register form, "the form keeps it" only when the form holds what that eID gave. */}
        {cardRemoved && !card && !reading && (
          <p className="notice info" data-testid="eid-removed">
            {screen.name === 'register' && registration.form.eidReadId ? texts.eid.removedKeepForm : texts.eid.removed}
          </p>
        )}
        {card && eids.length > 1 && (
          <p className="notice warn" data-testid="eid-two-cards">
            {texts.eid.twoCards(
              cardName,
              eids
                .filter((other) => other.readId !== card.readId)
                .map((other) => `${other.prefill.firstName} ${other.prefill.name}`)
                .join(', '),
            )}
          </p>
        )}
        {!card && !reading && !readFailure && !halfRead && <p className="muted">{texts.eid.insert}</p>}
      </div>
      {card && otherPerson && (
        <p className="notice warn" role="alert" data-testid="eid-other-person">
          {texts.eid.otherPerson(cardName, `${otherPerson.firstName} ${otherPerson.name}`)}
        </p>
      )}
      {card && (
        <div className="eid-card" data-testid="eid-card" data-verified={card.prefill.verified ? 'yes' : card.complete ? 'no' : 'pending'}>
          {card.photo ? (
            <Photo jpegBase64={card.photo.jpegBase64} alt={texts.eid.photoAlt(card.prefill.firstName)} />
          ) : (
            <div className="photo-placeholder" aria-hidden="true" />
          )}
          <div>
            <p className="eid-name">
              {card.prefill.firstName} {card.prefill.secondName} {card.prefill.name}
            </p>
            <p className="muted">
              {card.prefill.dateOfBirth ? formatDate(card.prefill.dateOfBirth) : card.dateOfBirthRaw.trim()} · {card.prefill.city}
              {/* A foreigner card or a Kids-ID is worth saying; the Belgian identity card is the usual one. */}
              {card.card.documentType !== 1 && ` · ${documentTypeText(card.card.documentType)}`}
            </p>
            {!card.complete ? (
              <p className="muted">{texts.eid.checking}</p>
            ) : card.prefill.verified ? (
              <p className="badge ok">{texts.eid.verified}</p>
            ) : (
              <p className="badge warn" role="alert">
                {texts.labelled(texts.eid.notVerified, why ?? '')}
              </p>
            )}
            {card.card.expired && <p className="badge warn">{texts.eid.expired(card.card.validityEnd.split('-').reverse().join('/'))}</p>}
            {unreadable.length > 0 && (
              <div className="notice warn" role="alert" data-testid="eid-unreadable">
                <p>{texts.eid.unreadable}</p>
                <ul>
                  {unreadable.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
      )}
      {card && holders && firstHolder && (
        <div className="notice info" data-testid="existing-passholder">
          <p>{texts.eid.existing(`${firstHolder.firstName} ${firstHolder.name}`)}</p>
          <div className="actions">
            {holders.map((holder, index) => (
              <button key={holder.uid} ref={index === 0 ? mainAction : undefined} type="button" className="primary" onClick={() => void store.go({ name: 'passholder', passholder: holder })}>
                {texts.labelled(texts.home.open, `${holder.firstName} ${holder.name}`)}
              </button>
            ))}
            {canJoin(firstHolder) && (
              <button type="button" onClick={() => void store.go({ name: 'passholder', passholder: firstHolder, action: 'registerInSystem' })}>
                {otherPerson ? texts.labelled(texts.passholder.registerInSystem, `${firstHolder.firstName} ${firstHolder.name}`) : texts.passholder.registerInSystem}
              </button>
            )}
          </div>
        </div>
      )}
      {offersRegister && (
        <div className="notice info">
          <p>{texts.eid.notFound}</p>
          <button ref={mainAction} type="button" className="primary" onClick={() => void store.go({ name: 'register' })}>
            {texts.home.register}
          </button>
        </div>
      )}
    </section>
  );
}
