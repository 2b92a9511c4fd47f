import { useEffect, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { BalieError, OptInPreferences, Passholder } from '../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../electron/rules/fields';
import { optInNames, registrationErrors, registrationRequired } from '../../electron/rules/passholder-rules';
import { CardCheckStatus } from '../components/CardCheckStatus';
import { LockedNote, lockedByPolicy } from '../components/LockedNote';
import { Dialog } from '../components/Dialog';
import { EidNotes } from '../components/EidNotes';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Check, OptInFields } from '../components/OptInFields';
import { useApp } from '../context';
import { checkHolds } from '../flows/card-check';
import { findHolders, holderWithCard } from '../flows/look-up';
import { focusField, focusNextField, useFocusAfterRender } from '../flows/focus';
import { useExistingHolders } from '../flows/use-existing-holders';
import { formatDate } from '../format/date';
import { useCardCheck } from '../flows/use-card-check';
import {
  applyEid,
  choiceFields,
  editField,
  eidMarkOf,
  emptyChoices,
  emptyForm,
  filledValues,
  hasOwnInput,
  noteEidCheck,
  unansweredQuestions,
  type PassholderForm,
} from '../form/passholder-form';
import { texts, type Problem } from '../texts';

const requiredFields = new Set<string>(registrationRequired);

/** Register a pass holder: the card first (in stock here? kansenpas? price), the eID does the typing. */
export function RegisterScreen({ insz, uitpasNumber }: { insz?: string; uitpasNumber?: string }) {
  const { api, store } = useApp();
  const { card, session } = store();
  const [form, setForm] = useState<PassholderForm>(() => {
    // A card from this balie's stock that was scanned or tapped is already in its field.
    const start = emptyForm({ ...(insz ? { inszNumber: insz } : {}), ...(uitpasNumber ? { uitpasNumber } : {}) });
    return card ? applyEid(start, card) : start;
  });
  const [kansenStatuut, setKansenStatuut] = useState(false);
  // Main stores the eID photo it read itself, unless staff untick it for this citizen; the balie setting decides the default.
  const [storePhoto, setStorePhoto] = useState(session?.storeEidPhoto ?? true);
  const [choices, setChoices] = useState(emptyChoices);
  const [failure, setFailure] = useState<{ error: BalieError; id: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [waitForLookUp, setWaitForLookUp] = useState(false);
  const [pendingCard, setPendingCard] = useState<typeof card | null>(null);
  /** Sending was tried: from then on the questions still unanswered are marked. */
  const [tried, setTried] = useState(false);
  const submittingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterRender = useFocusAfterRender(formRef);
  const values = form.values;
  // Prices depend on age and place (uitpas/price with dateOfBirth and postalCode, as the real counter asks it).
  const cardInput = {
    number: values.uitpasNumber ?? '',
    voucher: values.voucherNumber ?? '',
    reason: 'FIRST_CARD' as const,
    dateOfBirth: values.dateOfBirth ?? '',
    postalCode: choices.foreignResident ? '' : (values.postalCode ?? ''),
  };

  // Typed input makes leaving (another screen, logging out, closing) ask first.
  useEffect(() => store.setState({ unsavedWork: form.dirty }), [form.dirty, store]);

  // A card read while the form is open fills it; over the staff's own typing, only after asking.
  useEffect(() => {
    if (!card) return;
    if (card.readId === form.eidReadId) {
      setForm((current) => noteEidCheck(current, card));
      return;
    }
    if (hasOwnInput(form)) setPendingCard(card);
    else setForm((current) => applyEid(current, card));
    // Only a new read, or its completion, matters here; not every keystroke.
  }, [card?.readId, card?.complete]);

  // Focus goes to the first required field still empty: with an eID read, the card number.
  useEffect(() => {
    const firstEmpty = registrationRequired.find((field) => !form.values[field]);
    focusField(formRef.current, firstEmpty ?? 'email');
  }, [form.eidReadId]);

  const set = (name: string, value: string) => setForm((current) => editField(current, name, value));
  const setErrors = (errors: Partial<Record<string, Problem>>) => setForm((current) => ({ ...current, errors: { ...current.errors, ...errors } }));
  const kansenRight = (systemId: string) =>
    session?.balie?.cardSystems.find((system) => system.id === systemId)?.permissions.includes('kansenstatuut toekennen') ?? false;

  // Enter in the card number (a scanner ends with it) or the voucher checks the card, shows the price and moves on.
  const { check, checking, run: runCheck, refusal } = useCardCheck(cardInput, (result) => {
    // The staff's kansenstatuut choice stays; a card that does not fit it is said (kansenMismatch), and the next scan replaces it.
    if (result.info.kansenpas !== kansenStatuut) return focusField(formRef.current, 'uitpasNumber', { select: true });
    // On to the first required field still empty, so the next keystroke lands there.
    const next = registrationRequired.find((name) => name !== 'uitpasNumber' && !values[name]);
    focusField(formRef.current, next ?? 'email');
  });
  const holds = checkHolds(check, cardInput);
  const kansenMismatch = holds && check.info.kansenpas !== kansenStatuut ? (kansenStatuut ? texts.register.notKansenpas : texts.register.isKansenpas) : null;
  const questions = tried ? unansweredQuestions(choices, values, new Date()) : [];
  // An INSZ from the eID that already has a UiTPAS stops the registration at its start; a typed one is
  // the staff's to correct, and UiTPAS's INSZ_ALREADY_USED lands on its field.
  const existing = useExistingHolders(form.fromEid.has('inszNumber') ? values.inszNumber : undefined);

  const settle = async (): Promise<Passholder | null> => holderWithCard(await findHolders(api, cardInput.number), cardInput.number);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // A double click, or Enter held down, sends once.
    if (submittingRef.current || waitForLookUp || checking) return;
    // The price and the card's status are seen before anything is registered.
    if (!checkHolds(check, cardInput)) return void runCheck(formRef.current);
    const extra = choiceFields(choices, values, new Date());
    const fields = { ...filledValues(values), kansenStatuut, ...extra };
    const errors = registrationErrors(fields, new Date());
    const unanswered = unansweredQuestions(choices, values, new Date());
    setTried(true);
    if (Object.keys(errors).length > 0 || unanswered.length > 0) {
      setForm((current) => ({ ...current, errors }));
      focusField(formRef.current, Object.keys(errors)[0] ?? unanswered[0] ?? '');
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setFailure(null);
    const { name = '', firstName = '', dateOfBirth = '', postalCode = '', city = '', gender, ...rest } = filledValues(values);
    const result = await store.track(
      api.registerPassholder({
        ...rest,
        name,
        firstName,
        dateOfBirth,
        postalCode,
        city,
        uitpasNumber: check.number,
        ...(gender ? { gender: gender as 'MALE' | 'FEMALE' } : {}),
        ...extra,
        kansenStatuut,
        ...(!kansenStatuut ? { kansenStatuutEndDate: undefined } : {}),
        ...(form.eidReadId ? { eidReadId: form.eidReadId, storePhoto } : {}),
      }),
    );
    submittingRef.current = false;
    setSubmitting(false);
    const who = `${firstName} ${name}`;
    const price = check.price?.price;
    if (result.ok) {
      const { uid, optIns, picture } = result.value;
      const preferences = Object.fromEntries(optInNames.map((name) => [name, extra[name]])) as unknown as OptInPreferences;
      const followUps = { optIns, picture, retry: { uid, uitpasNumber: result.value.uitpasNumber, preferences } };
      store.show({ name: 'registered', uitpasNumber: result.value.uitpasNumber, verified: result.value.verified, who, price, followUps, ...kansenDone });
      return;
    }
    const field = result.error.field;
    if (field) {
      setErrors({ [field]: result.error });
      focusField(formRef.current, field);
      return;
    }
    setFailure({ error: result.error, id: Date.now() });
    if (result.error.outcomeUnknown) setWaitForLookUp(true);
  };

  const field = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} value={values[name] ?? ''} onChange={set} error={form.errors[name]} eidMark={eidMarkOf(form, name)} required={requiredFields.has(name)} {...extra} />
  );
  const price = check?.state === 'ok' ? check.price?.price : undefined;
  const kansenDone = kansenStatuut && values.kansenStatuutEndDate ? { kansenStatuutEndDate: values.kansenStatuutEndDate } : {};
  /** Enter in a field moves on, like Tab; it never sends (the card number's Enter checks the card first). */
  const moveOn = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target;
    if (event.key !== 'Enter' || event.defaultPrevented || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    focusNextField(target);
  };
  // Nothing scanned yet: Enter moves on too; the hint says what goes in.
  const enterCard = (input: HTMLInputElement) => (!cardInput.number.trim() || (holds && !kansenMismatch) ? focusNextField(input) : void runCheck(input.form));

  if (existing && existing.length > 0) return <AlreadyPassholder holders={existing} />;

  return (
    <main className="columns">
      <form ref={formRef} className="panel register" onSubmit={(event) => void submit(event)} onKeyDown={moveOn} noValidate aria-labelledby="register-title">
        <h2 id="register-title" tabIndex={-1}>
          {texts.register.title}
        </h2>
        <fieldset>
          <legend>{texts.register.card}</legend>
          {/* The kansenstatuut sits with the card, in sight: it goes with the kind of card. */}
          <div className="row">
            {field('uitpasNumber', { inputMode: 'numeric', digitsOnly: true, onEnter: enterCard, hint: texts.register.cardHint, error: form.errors.uitpasNumber ?? refusal('uitpasNumber') })}
            {field('voucherNumber', { onEnter: enterCard, error: form.errors.voucherNumber ?? refusal('voucherNumber') })}
            <div className="field checkbox">
              <input
                id="field-kansenStatuut"
                name="kansenStatuut"
                type="checkbox"
                checked={kansenStatuut}
                disabled={check?.state === 'ok' ? !kansenRight(check.info.cardSystem.id) && !kansenStatuut : false}
                onChange={(event) => {
                  setKansenStatuut(event.target.checked);
                  if (event.target.checked && !values.kansenStatuutEndDate) set('kansenStatuutEndDate', defaultKansenStatuutEndDate(new Date()));
                }}
              />
              <label htmlFor="field-kansenStatuut">{texts.fields.kansenStatuut}</label>
            </div>
            {kansenStatuut && field('kansenStatuutEndDate', { type: 'date', required: true })}
          </div>
          {check?.state === 'ok' && check.info.kansenpas && !kansenRight(check.info.cardSystem.id) && <p className="notice warn">{texts.register.noKansenRight}</p>}
        </fieldset>
        <fieldset>
          <legend>{texts.register.person}</legend>
          <EidNotes form={form} />
          {form.eidReadId && (
            <div className="field checkbox">
              <input id="field-storePhoto" type="checkbox" checked={storePhoto} disabled={lockedByPolicy(session, 'storeEidPhoto')} onChange={(event) => setStorePhoto(event.target.checked)} />
              <label htmlFor="field-storePhoto">
                {texts.record.storePhoto}
                <LockedNote session={session} setting="storeEidPhoto" />
              </label>
            </div>
          )}
          <div className="row person">
            {field('name')}
            {field('firstName')}
            {field('inszNumber', { inputMode: 'numeric' })}
            {field('dateOfBirth', { type: 'date', hint: form.partialDateOfBirth && !values.dateOfBirth ? texts.eid.partialDate(form.partialDateOfBirth) : undefined })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.address}</legend>
          <div className="row address">
            {field('street')}
            {field('postalCode', { inputMode: 'numeric' })}
            {field('city')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.more}</legend>
          <div className="row">
            {field('secondName')}
            {field('gender', { options: texts.gender })}
            {field('nationality')}
            {field('placeOfBirth')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.contact}</legend>
          <div className="row contact">
            {field('email', { type: 'email', inputMode: 'email' })}
            {field('telephone', { type: 'tel' })}
            {field('gsm', { type: 'tel' })}
          </div>
          <Check
            name="noContact"
            checked={choices.noContact}
            error={questions.includes('noContact') ? { text: texts.register.questions.noContact } : undefined}
            onChange={(checked) => setChoices((current) => ({ ...current, noContact: checked }))}
          />
        </fieldset>
        <OptInFields choices={choices} onChange={setChoices} values={values} onField={set} errors={form.errors} unanswered={questions} />
        <fieldset>
          <legend>{texts.register.other}</legend>
          <div className="row">
            {field('moreInfo')}
            {field('schoolConsumerKey')}
          </div>
        </fieldset>
        <div className="actions sticky" data-testid="action-bar">
          {Object.values(form.errors).some(Boolean) && <p className="notice error bar-notice">{texts.errors.fixFields}</p>}
          {questions.length > 0 && !Object.values(form.errors).some(Boolean) && <p className="notice error bar-notice">{texts.register.askFirst}</p>}
          {kansenMismatch && (
            <p className="notice warn bar-notice" role="alert" data-testid="kansen-mismatch">
              {kansenMismatch}
            </p>
          )}
          {failure && (
            <ErrorNotice
              key={failure.id}
              error={failure.error}
              settle={settle}
              onSettled={(arrived) => {
                if (arrived) {
                  store.show({ name: 'registered', uitpasNumber: cardInput.number, verified: arrived.verified, who: `${arrived.firstName} ${arrived.name}`, price, settled: true, ...kansenDone });
                  return;
                }
                setWaitForLookUp(false);
                focusAfterRender('submit');
              }}
            />
          )}
          {/* While UiTPAS may or may not have registered, there is nothing to collect yet. */}
          <CardCheckStatus
            check={waitForLookUp ? null : check}
            pending={checking}
            note={
              // The kansenstatuut is named beside the price whenever it is in play: set, or a kansenpas scanned.
              (kansenStatuut || (holds && check.info.kansenpas)) && (
                <span data-testid="kansen-line">
                  {kansenStatuut ? texts.register.withKansenStatuut(values.kansenStatuutEndDate ? formatDate(values.kansenStatuutEndDate) : '—') : texts.register.withoutKansenStatuut}
                </span>
              )
            }
          />
          <span className="spacer" />
          {!waitForLookUp && (
            <button type="submit" name="submit" className="primary" disabled={submitting}>
              {submitting ? texts.busy : checkHolds(check, cardInput) ? texts.register.submit : texts.register.checkCard}
            </button>
          )}
          <button type="button" onClick={() => void store.go({ name: 'home' })}>
            {texts.session.back}
          </button>
        </div>
      </form>
      <div>
        <EidPanel showRegister={false} />
      </div>
      {pendingCard && (
        <Dialog
          title={texts.eid.replaceTitle}
          text={texts.eid.replaceQuestion(`${pendingCard.prefill.firstName} ${pendingCard.prefill.name}`)}
          yes={texts.eid.replace}
          no={texts.eid.keep}
          onAnswer={(replace) => {
            if (replace) setForm((current) => applyEid(current, pendingCard));
            setPendingCard(null);
          }}
        />
      )}
    </main>
  );
}

/** The INSZ already has a UiTPAS: no second registration is started, no card checked, no price shown; the staff open the pass holder. */
function AlreadyPassholder({ holders }: { holders: Passholder[] }) {
  const { store } = useApp();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const [holder] = holders;
  return (
    <main className="narrow">
      <section className="panel" aria-labelledby="already-title" data-testid="already-passholder">
        <h2 id="already-title">{texts.register.title}</h2>
        <p className="notice info">{texts.register.alreadyPassholder(holder ? `${holder.firstName} ${holder.name}` : '')}</p>
        <div className="actions">
          {holders.map((candidate, index) => (
            <button key={candidate.uid} ref={index === 0 ? first : undefined} type="button" className="primary" onClick={() => store.show({ name: 'passholder', passholder: candidate })}>
              {texts.labelled(texts.home.open, `${candidate.firstName} ${candidate.name}`)}
            </button>
          ))}
          <button type="button" onClick={() => store.show({ name: 'home' })}>
            {texts.session.back}
          </button>
        </div>
      </section>
    </main>
  );
}
