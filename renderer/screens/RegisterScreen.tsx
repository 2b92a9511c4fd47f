import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { BalieError, CardInfo, EidCard, UitpasPrice } from '../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../electron/rules/fields';
import { registrationErrors, registrationRequired, uitpasNumberError } from '../../electron/rules/passholder-rules';
import { Dialog } from '../components/Dialog';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { OptInFields } from '../components/OptInFields';
import { useApp } from '../context';
import { applyEid, choiceFields, editField, emptyChoices, emptyForm, filledValues, hasOwnInput, type PassholderForm } from '../form/passholder-form';
import { texts } from '../texts';

const requiredFields = new Set<string>(registrationRequired);

/** Register a pass holder: the card first (in stock here? kansenpas? price), the eID does the typing. */
export function RegisterScreen({ insz }: { insz?: string }) {
  const { api, store } = useApp();
  const { card, session } = store();
  const [form, setForm] = useState<PassholderForm>(() => {
    const start = emptyForm(insz ? { inszNumber: insz } : {});
    return card ? applyEid(start, card) : start;
  });
  const [kansenStatuut, setKansenStatuut] = useState(false);
  const [choices, setChoices] = useState(emptyChoices);
  const [cardInfo, setCardInfo] = useState<{ info: CardInfo; atThisBalie: boolean } | null>(null);
  const [price, setPrice] = useState<UitpasPrice | null>(null);
  const [error, setError] = useState<BalieError>();
  const [submitting, setSubmitting] = useState(false);
  const [waitForLookUp, setWaitForLookUp] = useState(false);
  const [pendingCard, setPendingCard] = useState<EidCard | null>(null);
  const submittingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const values = form.values;

  // Leaving with typed input asks first.
  useEffect(() => {
    store.setState({ leaveGuard: () => !form.dirty || window.confirm(texts.register.leave) });
  }, [form.dirty, store]);

  // A card read while the form is open fills it; over the staff's own typing, only after asking.
  useEffect(() => {
    if (!card || card.readId === form.eidReadId) return;
    if (hasOwnInput(form)) setPendingCard(card);
    else setForm((current) => applyEid(current, card));
    // Only a new read matters here, not every keystroke.
  }, [card?.readId]);

  // Focus goes to the first required field still empty.
  useEffect(() => {
    const firstEmpty = registrationRequired.find((field) => !form.values[field]);
    formRef.current?.querySelector<HTMLElement>(`[name="${firstEmpty ?? 'email'}"]`)?.focus();
  }, [form.eidReadId]);

  const set = (name: string, value: string) => setForm((current) => editField(current, name, value));
  const kansenRight = (systemId: string) =>
    session?.balie?.cardSystems.find((system) => system.id === systemId)?.permissions.includes('kansenstatuut toekennen') ?? false;

  const checkCard = async () => {
    const number = values.uitpasNumber ?? '';
    const problem = uitpasNumberError(number);
    setForm((current) => ({ ...current, errors: { ...current.errors, uitpasNumber: problem } }));
    setCardInfo(null);
    setPrice(null);
    if (problem) return;
    const info = await api.getCard({ uitpasNumber: number });
    if (!info.ok) {
      setForm((current) => ({ ...current, errors: { ...current.errors, uitpasNumber: info.error } }));
      return;
    }
    // Whether the card is in this balie's stock only the price call says (BALIE_NOT_AUTHORIZED), as the real counter asks it.
    const atThisBalie = info.value.status === 'LOCAL_STOCK' && (await quote(number, values.voucherNumber));
    setCardInfo({ info: info.value, atThisBalie });
    if (!atThisBalie) return;
    // Kansenpas and kansenstatuut go together.
    setKansenStatuut(info.value.kansenpas);
    if (info.value.kansenpas && !values.kansenStatuutEndDate) set('kansenStatuutEndDate', defaultKansenStatuutEndDate(new Date()));
    // On to the first required field still empty, so the next scan or keystroke lands there.
    const next = registrationRequired.find((name) => name !== 'uitpasNumber' && !values[name]);
    formRef.current?.querySelector<HTMLElement>(`[name="${next ?? 'email'}"]`)?.focus();
  };

  /** The price for this person's age (date of birth and postal code go along); false when the card is not this balie's. */
  const quote = async (uitpasNumber: string, voucherNumber: string | undefined) => {
    const { dateOfBirth, postalCode } = filledValues(values);
    const result = await api.getPrice({ uitpasNumber, reason: 'FIRST_CARD', ...(voucherNumber ? { voucherNumber } : {}), ...(dateOfBirth ? { dateOfBirth } : {}), ...(postalCode && !choices.foreignResident ? { postalCode } : {}) });
    if (result.ok) setPrice(result.value);
    else if (result.error.field && result.error.apiCode !== 'BALIE_NOT_AUTHORIZED') setForm((current) => ({ ...current, errors: { ...current.errors, [result.error.field ?? '']: result.error } }));
    return result.ok || result.error.apiCode !== 'BALIE_NOT_AUTHORIZED';
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // A double click, or Enter held down, sends once.
    if (submittingRef.current || waitForLookUp) return;
    const extra = choiceFields(choices, values, new Date());
    const fields = { ...filledValues(values), kansenStatuut, ...extra };
    const errors = registrationErrors(fields, new Date());
    if (Object.keys(errors).length > 0) {
      setForm((current) => ({ ...current, errors }));
      formRef.current?.querySelector<HTMLElement>(`[name="${Object.keys(errors)[0] ?? ''}"]`)?.focus();
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    const { name = '', firstName = '', dateOfBirth = '', postalCode = '', city = '', uitpasNumber = '', gender, ...rest } = filledValues(values);
    const result = await api.registerPassholder({
      ...rest,
      name,
      firstName,
      dateOfBirth,
      postalCode,
      city,
      uitpasNumber,
      ...(gender ? { gender: gender as 'MALE' | 'FEMALE' } : {}),
      ...extra,
      kansenStatuut,
      ...(!kansenStatuut ? { kansenStatuutEndDate: undefined } : {}),
      ...(form.eidReadId ? { eidReadId: form.eidReadId } : {}),
    });
    submittingRef.current = false;
    setSubmitting(false);
    if (result.ok) {
      store.setState({ leaveGuard: undefined });
      store.go({ name: 'registered', result: result.value, who: `${firstName} ${name}` });
      return;
    }
    setError(result.error);
    if (result.error.outcomeUnknown) setWaitForLookUp(true);
    const field = result.error.field;
    if (field) {
      setForm((current) => ({ ...current, errors: { ...current.errors, [field]: result.error } }));
      formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
    }
  };

  const field = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} value={values[name] ?? ''} onChange={set} error={form.errors[name]} fromEid={form.fromEid.has(name)} required={requiredFields.has(name)} {...extra} />
  );

  return (
    <main className="columns">
      <form ref={formRef} className="panel register" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-title">
        <h2 id="register-title">{texts.register.title}</h2>
        <fieldset>
          <legend>{texts.register.card}</legend>
          <div className="row">
            {field('uitpasNumber', { inputMode: 'numeric', onEnter: () => void checkCard(), hint: texts.register.uitpasNumberHint })}
            {field('voucherNumber', { onEnter: () => void checkCard() })}
          </div>
          <div className="actions">
            <button type="button" onClick={() => void checkCard()}>
              {texts.register.checkCard}
            </button>
            {cardInfo && (
              <span role="status" data-testid="card-status">
                {cardInfo.atThisBalie ? texts.register.cardOk(cardInfo.info.cardSystem.name, cardInfo.info.kansenpas) : texts.register.cardNotHere}
              </span>
            )}
            {price && (
              <strong role="status" data-testid="price">
                {texts.register.price(price.price)}
              </strong>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.person}</legend>
          <div className="row">
            {field('name')}
            {field('firstName')}
            {field('secondName')}
          </div>
          <div className="row">
            {field('inszNumber', { inputMode: 'numeric' })}
            {field('dateOfBirth', { type: 'date' })}
            {field('gender', { options: texts.gender })}
          </div>
          <div className="row">
            {field('nationality')}
            {field('placeOfBirth')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.address}</legend>
          <div className="row">
            {field('street')}
            {field('postalCode', { inputMode: 'numeric' })}
            {field('city')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{texts.register.contact}</legend>
          <div className="row">
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
                disabled={cardInfo ? !kansenRight(cardInfo.info.cardSystem.id) && !kansenStatuut : false}
                onChange={(event) => {
                  setKansenStatuut(event.target.checked);
                  if (event.target.checked && !values.kansenStatuutEndDate) set('kansenStatuutEndDate', defaultKansenStatuutEndDate(new Date()));
                }}
              />
              <label htmlFor="field-kansenStatuut">{texts.fields.kansenStatuut}</label>
            </div>
            {kansenStatuut && field('kansenStatuutEndDate', { type: 'date', required: true })}
          </div>
          {cardInfo && cardInfo.info.kansenpas && !kansenRight(cardInfo.info.cardSystem.id) && <p className="notice warn">{texts.register.noKansenRight}</p>}
        </fieldset>
        <fieldset>
          <legend>{texts.register.other}</legend>
          <div className="row">
            {field('moreInfo')}
            {field('schoolConsumerKey')}
          </div>
        </fieldset>
        {Object.keys(form.errors).some((name) => form.errors[name]) && <p className="notice error">{texts.errors.fixFields}</p>}
        {error && !error.field && <ErrorNotice error={error} lookUp={values.uitpasNumber} onSettled={(arrived) => {
          setWaitForLookUp(false);
          if (arrived) store.setState({ leaveGuard: undefined });
        }} />}
        <div className="actions sticky">
          <button type="submit" className="primary" disabled={submitting || waitForLookUp}>
            {submitting ? texts.busy : texts.register.submit}
          </button>
          <button type="button" onClick={() => store.go({ name: 'home' })}>
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
