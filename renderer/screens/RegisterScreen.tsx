import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { BalieError, OptInPreferences, Passholder } from '../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../electron/rules/fields';
import { optInNames, registrationErrors, registrationRequired } from '../../electron/rules/passholder-rules';
import { CardCheckStatus } from '../components/CardCheckStatus';
import { Dialog } from '../components/Dialog';
import { EidNotes } from '../components/EidNotes';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { OptInFields } from '../components/OptInFields';
import { useApp } from '../context';
import { checkHolds } from '../flows/card-check';
import { findHolders, holderWithCard } from '../flows/look-up';
import { focusField, useFocusAfterRender } from '../flows/focus';
import { useCardCheck } from '../flows/use-card-check';
import { applyEid, choiceFields, editField, eidMarkOf, emptyChoices, emptyForm, filledValues, hasOwnInput, noteEidCheck, type PassholderForm } from '../form/passholder-form';
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
  const { check, checking, run: runCheck, enter, refusal } = useCardCheck(cardInput, (result) => {
    // Kansenpas and kansenstatuut go together.
    setKansenStatuut(result.info.kansenpas);
    if (result.info.kansenpas && !values.kansenStatuutEndDate) set('kansenStatuutEndDate', defaultKansenStatuutEndDate(new Date()));
    // On to the first required field still empty, so the next keystroke lands there.
    const next = registrationRequired.find((name) => name !== 'uitpasNumber' && !values[name]);
    focusField(formRef.current, next ?? 'email');
  });

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
    if (Object.keys(errors).length > 0) {
      setForm((current) => ({ ...current, errors }));
      focusField(formRef.current, Object.keys(errors)[0] ?? '');
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
      const followUps = { optIns, picture, retry: { uid, dateOfBirth, preferences } };
      store.show({ name: 'registered', uitpasNumber: result.value.uitpasNumber, verified: result.value.verified, who, price, followUps });
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

  return (
    <main className="columns">
      <form ref={formRef} className="panel register" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-title">
        <h2 id="register-title" tabIndex={-1}>
          {texts.register.title}
        </h2>
        <fieldset>
          <legend>{texts.register.card}</legend>
          <div className="row">
            {field('uitpasNumber', { inputMode: 'numeric', onEnter: enter, hint: texts.register.cardHint, error: form.errors.uitpasNumber ?? refusal('uitpasNumber') })}
            {field('voucherNumber', { onEnter: enter, error: form.errors.voucherNumber ?? refusal('voucherNumber') })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.person}</legend>
          <EidNotes form={form} />
          {form.eidReadId && (
            <div className="field checkbox">
              <input id="field-storePhoto" type="checkbox" checked={storePhoto} onChange={(event) => setStorePhoto(event.target.checked)} />
              <label htmlFor="field-storePhoto">{texts.record.storePhoto}</label>
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
        </fieldset>
        <OptInFields choices={choices} onChange={setChoices} values={values} onField={set} errors={form.errors} />
        <fieldset>
          <legend>{texts.register.kansenStatuut}</legend>
          <div className="row">
            <div className="field checkbox">
              <input
                id="field-kansenStatuut"
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
          <legend>{texts.register.other}</legend>
          <div className="row">
            {field('moreInfo')}
            {field('schoolConsumerKey')}
          </div>
        </fieldset>
        <div className="actions sticky" data-testid="action-bar">
          {Object.values(form.errors).some(Boolean) && <p className="notice error bar-notice">{texts.errors.fixFields}</p>}
          {failure && (
            <ErrorNotice
              key={failure.id}
              error={failure.error}
              settle={settle}
              onSettled={(arrived) => {
                if (arrived) {
                  store.show({ name: 'registered', uitpasNumber: cardInput.number, verified: arrived.verified, who: `${arrived.firstName} ${arrived.name}`, price, settled: true });
                  return;
                }
                setWaitForLookUp(false);
                focusAfterRender('submit');
              }}
            />
          )}
          <CardCheckStatus check={check} pending={checking} />
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
