import { useEffect, useRef, type KeyboardEvent, type SubmitEvent } from 'react';
import type { OptInPreferences, Passholder } from '../../electron/ipc/contract';
import { optInNames, registrationErrors, registrationRequired } from '../../electron/rules/passholder-rules';
import { CardCheckStatus } from '../components/CardCheckStatus';
import { LockedNote, lockedByPolicy } from '../components/LockedNote';
import { Dialog } from '../components/Dialog';
import { EidNotes } from '../components/EidNotes';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { UnresolvedTapNotice } from '../components/UnresolvedTapNotice';
import { Check, OptInFields } from '../components/OptInFields';
import { useApp } from '../context';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { checkHolds } from '../flows/card-check';
import { findHolders, holderWithCard } from '../flows/look-up';
import { focusField, focusNextField, useFocusAfterRender } from '../flows/focus';
import { useExistingHolders } from '../flows/use-existing-holders';
import { formatDate } from '../format/date';
import { useCardCheck } from '../flows/use-card-check';
import { answerCloses, answerKeys, keyOf, nextStop, staffGaveSomething } from '../flows/registration';
import { choiceFields, eidMarkOf, filledValues, unansweredQuestions, type RegistrationQuestion } from '../form/passholder-form';
import { texts } from '../texts';

const requiredFields = new Set<string>(registrationRequired);

/** Register a pass holder: the card first (in stock here? kansenpas? price), the eID does the typing. */
export function RegisterScreen() {
  const { api, store } = useApp();
  const { session, registration: state } = store();
  const actions = store.registration;
  const { form, choices, kansenStatuut, storePhoto, pendingCard, failure, sending: submitting, waitForLookUp, tried, unresolvedTap } = state;
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

  // Typed input makes leaving (another screen, logging out, closing) ask first. Set only when it changes: every
  // setState wakes each subscriber, and this runs on each keystroke.
  const gaveSomething = staffGaveSomething(state);
  useEffect(() => {
    if (store.getState().unsavedWork !== gaveSomething) store.setState({ unsavedWork: gaveSomething });
  }, [gaveSomething, state, store]);

  // After an eID read the next scan belongs in the card field (never a birth date the card left empty); without
  // one, the first required field still empty.
  useEffect(() => {
    if (form.eidReadId) focusField(formRef.current, 'uitpasNumber', { select: true });
    else focusField(formRef.current, registrationRequired.find((field) => !form.values[field]) ?? 'email');
  }, [form.eidReadId]);

  const set = (name: string, value: string) => actions.fieldTyped(name, value);
  const kansenRight = (systemId: string) =>
    session?.balie?.cardSystems.find((system) => system.id === systemId)?.permissions.includes('kansenstatuut toekennen') ?? false;
  /** The next stop from the slice as it is now (a transition just ran): a field, a question, or the send button. */
  const focusNext = () => focusField(formRef.current, nextStop(store.getState().registration, new Date()));

  // Enter in the card number (a scanner ends with it) or the voucher checks the card, shows the price and moves on.
  const { check, checking, run: runCheck, refusal } = useCardCheck(cardInput, (result) => {
    // The staff's kansenstatuut choice stays; a card that does not fit it is said (kansenMismatch), and the next scan replaces it.
    if (result.info.kansenpas !== kansenStatuut) return focusField(formRef.current, 'uitpasNumber', { select: true });
    // On to what is still to give or ask, so the next keystroke lands there (or Enter registers).
    focusNext();
  });
  // A card scanned or tapped into the open form is checked as if typed and Entered.
  useEffect(() => {
    if (state.scans > 0) void runCheck(formRef.current);
  }, [state.scans]);
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
    if (store.getState().registration.sending || waitForLookUp || checking) return;
    // The price and the card's status are seen before anything is registered.
    if (!checkHolds(check, cardInput)) return void runCheck(formRef.current);
    const extra = choiceFields(choices, values, new Date());
    const fields = { ...filledValues(values), kansenStatuut, ...extra };
    const errors = registrationErrors(fields, new Date());
    const unanswered = unansweredQuestions(choices, values, new Date());
    if (Object.keys(errors).length > 0 || unanswered.length > 0) {
      actions.sendTried(errors);
      focusField(formRef.current, Object.keys(errors)[0] ?? unanswered[0] ?? '');
      return;
    }
    actions.sendStarted();
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
    const who = `${firstName} ${name}`;
    const price = check.price?.price;
    if (result.ok) {
      const { uid, optIns, picture } = result.value;
      const preferences = Object.fromEntries(optInNames.map((name) => [name, extra[name]])) as unknown as OptInPreferences;
      const followUps = { optIns, picture, retry: { uid, uitpasNumber: result.value.uitpasNumber, preferences } };
      store.show({ name: 'registered', uitpasNumber: result.value.uitpasNumber, verified: result.value.verified, who, price, followUps, ...kansenDone });
      return;
    }
    actions.sendFailed(result.error, Date.now());
    if (result.error.field) focusField(formRef.current, result.error.field);
  };

  const field = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} value={values[name] ?? ''} onChange={set} error={form.errors[name]} eidMark={eidMarkOf(form, name)} required={requiredFields.has(name)} {...extra} />
  );
  const price = check?.state === 'ok' ? check.price?.price : undefined;
  const kansenDone = kansenStatuut && values.kansenStatuutEndDate ? { kansenStatuutEndDate: values.kansenStatuutEndDate } : {};
  /**
   * The form's keys. Enter in a field moves on, like Tab, and never sends; in a contact field once the
   * contact is given, or on a question's box, it goes to the next question still open (then the send
   * button); in an empty contact field to "no contact". A digit on a question's box picks that answer
   * (answerKeys); a "none" or a term then moves on by itself.
   */
  const keys = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const question = target.closest<HTMLElement>('[data-question]')?.dataset.question as RegistrationQuestion | undefined;
    const box = target instanceof HTMLInputElement && target.type === 'checkbox';
    const picked = question && box ? answerKeys[question][event.key] : undefined;
    // An answer whose box is off (a message that cannot reach the citizen) is not picked by its key either.
    const answer = picked && !formRef.current?.querySelector<HTMLInputElement>(`[name="${picked}"]`)?.disabled ? picked : undefined;
    if (answer) {
      event.preventDefault();
      actions.answerQuestion(answer, event.timeStamp);
      if (answerCloses(answer)) focusNext();
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const contactOpen = question === 'noContact' && unansweredQuestions(choices, values, new Date()).includes('noContact');
    const contactEmpty = !['email', 'telephone', 'gsm'].some((name) => values[name]?.trim());
    if ((question && box) || (question === 'noContact' && !contactOpen)) focusNext();
    else if (contactOpen && contactEmpty) focusField(formRef.current, 'noContact');
    else focusNextField(target);
  };
  // Nothing scanned yet: Enter moves on too; the hint says what goes in. A card that holds: on to what is still open.
  const enterCard = (input: HTMLInputElement) =>
    !cardInput.number.trim() ? focusNextField(input) : holds && !kansenMismatch ? focusField(formRef.current, nextStop(state, new Date())) : void runCheck(input.form);

  if (existing && existing.length > 0) return <AlreadyPassholder holders={existing} />;

  return (
    <main className="columns">
      <form ref={formRef} className="panel register" onSubmit={(event) => void submit(event)} onKeyDown={keys} noValidate aria-labelledby="register-title">
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
                onChange={(event) => actions.kansenStatuutSet(event.target.checked, new Date())}
              />
              <label htmlFor="field-kansenStatuut">{texts.fields.kansenStatuut}</label>
            </div>
            {kansenStatuut && field('kansenStatuutEndDate', { type: 'date', required: true })}
          </div>
          {check?.state === 'ok' && check.info.kansenpas && !kansenRight(check.info.cardSystem.id) && <p className="notice warn">{texts.register.noKansenRight}</p>}
          <UnresolvedTapNotice tap={unresolvedTap} />
        </fieldset>
        <fieldset>
          <legend>{texts.register.person}</legend>
          <EidNotes form={form} />
          {form.eidReadId && (
            <div className="field checkbox">
              <input id="field-storePhoto" type="checkbox" checked={storePhoto} disabled={lockedByPolicy(session, 'storeEidPhoto')} onChange={(event) => actions.storePhotoSet(event.target.checked)} />
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
        <p className="hint" data-testid="answer-keys">
          {texts.register.answerKeys}
        </p>
        <fieldset data-question="noContact">
          <legend>{texts.register.contact}</legend>
          <div className="row contact">
            {field('email', { type: 'email', inputMode: 'email' })}
            {field('telephone', { type: 'tel' })}
            {field('gsm', { type: 'tel' })}
          </div>
          <Check
            name="noContact"
            checked={choices.noContact}
            shortcut={keyOf('noContact')}
            error={questions.includes('noContact') ? { text: texts.register.questions.noContact } : undefined}
            onChange={(checked) => actions.choicesChanged({ ...choices, noContact: checked })}
          />
        </fieldset>
        <OptInFields choices={choices} onChange={actions.choicesChanged} values={values} onField={set} errors={form.errors} unanswered={questions} withKeys />
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
                actions.lookUpSettled();
                focusAfterRender('submit');
              }}
            />
          )}
          {/* While UiTPAS may or may not have registered, there is nothing to collect yet; a check speaks only of the card now in the field (a change of citizen empties it). */}
          <CardCheckStatus
            check={waitForLookUp || check?.number !== normaliseUitpasNumber(cardInput.number) ? null : check}
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
          onAnswer={(replace) => actions.pendingAnswered(replace)}
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
