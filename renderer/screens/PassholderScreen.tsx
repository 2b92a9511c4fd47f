import { useState, type SubmitEvent, type ReactNode } from 'react';
import type { BalieError, NewCardReason, Passholder } from '../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../electron/rules/fields';
import { isKansenpas } from '../../electron/rules/uitpas-number';
import { passholderErrors } from '../../electron/rules/passholder-rules';
import { EidPanel } from '../components/EidPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useApp } from '../context';
import { applyEid, editField, emptyForm, filledValues, type PassholderForm } from '../form/passholder-form';
import { texts } from '../texts';

type Action = 'newCard' | 'update' | 'registerInSystem' | 'updateCardSystem';

/** Suggests the reason for a new card from the kansenpas digit of the old and the new card. */
export function suggestReason(oldNumber: string | undefined, newNumber: string): NewCardReason {
  if (!oldNumber || newNumber.length !== 13) return 'LOSS_THEFT';
  const before = isKansenpas(oldNumber);
  const after = isKansenpas(newNumber);
  if (!before && after) return 'OBTAIN_KANSENSTATUUT';
  if (before && !after) return 'LOSS_KANSENSTATUUT';
  return 'LOSS_THEFT';
}

/** A pass holder found by number, INSZ or eID, and what this balie may do for them. */
export function PassholderScreen({ passholder, initialAction }: { passholder: Passholder; initialAction?: Action }) {
  const { api, store } = useApp();
  const { session } = store();
  const [holder, setHolder] = useState(passholder);
  const [action, setAction] = useState<Action | null>(initialAction ?? null);
  const [done, setDone] = useState<string>();
  const balieSystems = session?.balie?.cardSystems ?? [];
  const may = (permission: string, systemId?: string) =>
    balieSystems.some((system) => (systemId === undefined || system.id === systemId) && system.permissions.includes(permission));
  const otherSystems = balieSystems.filter((system) => system.permissions.includes('registratie') && !holder.cardSystems.some((own) => own.id === system.id));
  const kansenSystems = holder.cardSystems.filter((system) => system.kansenStatuut && may('kansenstatuut toekennen', system.id));

  const refresh = async (message: string, number?: string) => {
    setDone(message);
    setAction(null);
    const current = number ?? holder.cardSystems.find((system) => system.currentCard)?.currentCard?.uitpasNumber;
    if (!current) return;
    const found = await api.findPassholders({ query: current });
    if (found.ok && found.value[0]) setHolder(found.value[0]);
  };

  const actions: [Action, string, boolean][] = [
    ['newCard', texts.passholder.newCard, may('registratie')],
    ['update', texts.passholder.update, may('registratie')],
    ['registerInSystem', texts.passholder.registerInSystem, otherSystems.length > 0],
    ['updateCardSystem', texts.passholder.updateCardSystem, kansenSystems.length > 0],
  ];
  return (
    <main className="columns">
      <div>
        <section className="panel" aria-labelledby="holder-title">
          <h2 id="holder-title" data-testid="passholder-name">
            {holder.firstName} {holder.secondName} {holder.name}
          </h2>
          <dl className="facts">
            <dt>{texts.fields.inszNumber}</dt>
            <dd>{holder.inszNumber ?? '—'}</dd>
            <dt>{texts.fields.dateOfBirth}</dt>
            <dd>{holder.dateOfBirth?.split('-').reverse().join('/') ?? '—'}</dd>
            <dt>{texts.register.address}</dt>
            <dd>
              {holder.street} {holder.postalCode} {holder.city}
            </dd>
            <dt>{texts.passholder.cards}</dt>
            <dd>
              <ul className="plain" data-testid="cards">
                {holder.cardSystems.map((system) => (
                  <li key={system.id}>
                    {texts.labelled(system.name, system.currentCard?.uitpasNumber ?? '—')} {system.currentCard?.kansenpas ? texts.passholder.kansenpasMark : ''}
                    {system.kansenStatuut && system.kansenStatuutEndDate ? ` · ${texts.passholder.kansenStatuutUntil(system.kansenStatuutEndDate.split('-').reverse().join('/'))}` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {done && (
            <p className="notice ok" role="status" data-testid="done">
              {done}
            </p>
          )}
          <div className="actions">
            {actions
              .filter(([, , offered]) => offered)
              .map(([name, label]) => (
                <button key={name} type="button" className={action === name ? 'primary' : ''} aria-pressed={action === name} onClick={() => setAction(name)}>
                  {label}
                </button>
              ))}
            <button type="button" onClick={() => store.go({ name: 'home' })}>
              {texts.session.back}
            </button>
          </div>
        </section>
        {action === 'newCard' && <NewCardForm holder={holder} onDone={(number) => void refresh(texts.passholder.newCardDone(number), number)} />}
        {action === 'update' && <UpdateForm holder={holder} onDone={() => void refresh(texts.passholder.saved)} />}
        {action === 'registerInSystem' && <RegisterInSystemForm holder={holder} systems={otherSystems} onDone={(name) => void refresh(texts.passholder.registeredInSystem(name))} />}
        {action === 'updateCardSystem' && <UpdateCardSystemForm holder={holder} systems={kansenSystems} onDone={() => void refresh(texts.passholder.saved)} />}
      </div>
      <div>
        <EidPanel showRegister={false} />
      </div>
    </main>
  );
}

/** The plumbing every action form shares: submit once, show the error on its field or above the buttons. */
function ActionForm({ title, onSubmit, children, error, busy, lookUp }: { title: string; onSubmit: () => Promise<void>; children: ReactNode; error?: BalieError; busy: boolean; lookUp?: string }) {
  const [waiting, setWaiting] = useState(false);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || waiting) return;
    void onSubmit();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {children}
      {error && !error.field && <ErrorNotice error={error} lookUp={lookUp} onSettled={() => setWaiting(false)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (error?.outcomeUnknown === true && waiting)}>
          {busy ? texts.busy : texts.passholder.save}
        </button>
      </div>
    </form>
  );
}

function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BalieError>();
  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: BalieError }>, onDone: (value: T) => void) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      onDone(result.value);
    } else setError(result.error);
  };
  return { busy, error, run, fieldError: (name: string) => (error?.field === name ? error : undefined) };
}

function NewCardForm({ holder, onDone }: { holder: Passholder; onDone: (number: string) => void }) {
  const { api } = useApp();
  const { busy, error, run, fieldError } = useAction();
  const oldNumber = holder.cardSystems.find((system) => system.currentCard)?.currentCard?.uitpasNumber;
  const [values, setValues] = useState({ uitpasNumber: '', voucherNumber: '', reason: 'LOSS_THEFT', kansenStatuutEndDate: '' });
  const [reasonTouched, setReasonTouched] = useState(false);
  const set = (name: string, value: string) => {
    setValues((current) => {
      const next = { ...current, [name]: value };
      if (name === 'uitpasNumber' && !reasonTouched) next.reason = suggestReason(oldNumber, value.trim());
      if (next.reason === 'OBTAIN_KANSENSTATUUT' && !next.kansenStatuutEndDate) next.kansenStatuutEndDate = defaultKansenStatuutEndDate(new Date());
      return next;
    });
    if (name === 'reason') setReasonTouched(true);
  };
  const local = passholderErrors({ uitpasNumber: values.uitpasNumber, kansenStatuutEndDate: values.kansenStatuutEndDate || undefined }, [], new Date());
  return (
    <ActionForm
      title={texts.passholder.newCard}
      busy={busy}
      error={error}
      lookUp={values.uitpasNumber}
      onSubmit={() =>
        run(
          () =>
            api.registerNewCard({
              uid: holder.uid,
              reason: values.reason as NewCardReason,
              uitpasNumber: values.uitpasNumber.trim(),
              ...(values.voucherNumber ? { voucherNumber: values.voucherNumber.trim() } : {}),
              ...(values.reason === 'OBTAIN_KANSENSTATUUT' && values.kansenStatuutEndDate ? { kansenStatuutEndDate: values.kansenStatuutEndDate } : {}),
            }),
          (registered) => onDone(registered.uitpasNumber),
        )
      }
    >
      <div className="row">
        <Field name="uitpasNumber" value={values.uitpasNumber} onChange={set} required inputMode="numeric" error={fieldError('uitpasNumber') ?? (values.uitpasNumber.length >= 13 ? local.uitpasNumber : undefined)} />
        <Field name="reason" value={values.reason} onChange={set} options={texts.passholder.reasons} hint={reasonTouched ? undefined : texts.passholder.suggested} error={fieldError('reason')} />
      </div>
      <div className="row">
        <Field name="voucherNumber" value={values.voucherNumber} onChange={set} error={fieldError('voucherNumber')} />
        {values.reason === 'OBTAIN_KANSENSTATUUT' && (
          <Field name="kansenStatuutEndDate" value={values.kansenStatuutEndDate} onChange={set} type="date" required error={fieldError('kansenStatuutEndDate') ?? local.kansenStatuutEndDate} />
        )}
      </div>
    </ActionForm>
  );
}

const editable = ['name', 'firstName', 'secondName', 'inszNumber', 'dateOfBirth', 'gender', 'nationality', 'placeOfBirth', 'street', 'postalCode', 'city', 'email', 'telephone', 'gsm', 'moreInfo'] as const;

function UpdateForm({ holder, onDone }: { holder: Passholder; onDone: () => void }) {
  const { api, store } = useApp();
  const { card } = store();
  const { busy, error, run, fieldError } = useAction();
  const initial = Object.fromEntries(editable.map((name) => [name, holder[name] ?? ''])) as Record<string, string>;
  const [form, setForm] = useState<PassholderForm>(() => emptyForm(initial));
  const set = (name: string, value: string) => setForm((current) => editField(current, name, value));
  const changed = Object.fromEntries(Object.entries(form.values).filter(([name, value]) => value !== (initial[name] ?? '')));
  return (
    <ActionForm
      title={texts.passholder.update}
      busy={busy}
      error={error}
      onSubmit={() => {
        const errors = passholderErrors(filledValues(changed), [], new Date());
        if (Object.keys(errors).length > 0) {
          setForm((current) => ({ ...current, errors }));
          return Promise.resolve();
        }
        return run(
          () =>
            api.updatePassholder({
              uitpasNumber: holder.cardSystems.find((system) => system.currentCard)?.currentCard?.uitpasNumber ?? '',
              fields: changed,
              ...(form.eidReadId ? { eidReadId: form.eidReadId } : {}),
            }),
          onDone,
        );
      }}
    >
      {card && card.prefill.inszNumber === holder.inszNumber && (
        <div className="actions">
          <button type="button" onClick={() => setForm((current) => ({ ...applyEid(current, card), dirty: true }))}>
            Gegevens van de eID overnemen
          </button>
        </div>
      )}
      <div className="row wrap">
        {editable.map((name) => (
          <Field
            key={name}
            name={name}
            value={form.values[name] ?? ''}
            onChange={set}
            fromEid={form.fromEid.has(name)}
            error={form.errors[name] ?? fieldError(name)}
            type={name === 'dateOfBirth' ? 'date' : 'text'}
            options={name === 'gender' ? texts.gender : undefined}
          />
        ))}
      </div>
    </ActionForm>
  );
}

function RegisterInSystemForm({ holder, systems, onDone }: { holder: Passholder; systems: { id: string; name: string }[]; onDone: (name: string) => void }) {
  const { api } = useApp();
  const { busy, error, run, fieldError } = useAction();
  const [systemId, setSystemId] = useState(systems[0]?.id ?? '');
  const [withCard, setWithCard] = useState(false);
  const [values, setValues] = useState({ uitpasNumber: '', voucherNumber: '', kansenStatuutEndDate: '' });
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const kansen = withCard && values.uitpasNumber.length === 13 && isKansenpas(values.uitpasNumber);
  const systemName = systems.find((system) => system.id === systemId)?.name ?? '';
  return (
    <ActionForm
      title={texts.passholder.registerInSystem}
      busy={busy}
      error={error}
      lookUp={holder.inszNumber}
      onSubmit={() =>
        run(
          () =>
            api.registerInCardSystem({
              uid: holder.uid,
              ...(withCard ? { uitpasNumber: values.uitpasNumber.trim() } : { cardSystemId: systemId }),
              ...(kansen ? { kansenStatuut: true, kansenStatuutEndDate: values.kansenStatuutEndDate || defaultKansenStatuutEndDate(new Date()) } : {}),
              ...(values.voucherNumber ? { voucherNumber: values.voucherNumber.trim() } : {}),
            }),
          () => onDone(systemName),
        )
      }
    >
      <div className="row">
        <Field name="cardSystem" value={systemId} onChange={(_name, value) => setSystemId(value)} options={Object.fromEntries(systems.map((system) => [system.id, system.name]))} />
        <fieldset className="choice-group">
          <legend>{texts.fields.uitpasNumber}</legend>
          <label>
            <input type="radio" name="withCard" checked={!withCard} onChange={() => setWithCard(false)} /> {texts.passholder.noNewCard}
          </label>
          <label>
            <input type="radio" name="withCard" checked={withCard} onChange={() => setWithCard(true)} /> {texts.passholder.withNewCard}
          </label>
        </fieldset>
      </div>
      {withCard && (
        <div className="row">
          <Field name="uitpasNumber" value={values.uitpasNumber} onChange={set} required inputMode="numeric" error={fieldError('uitpasNumber')} />
          <Field name="voucherNumber" value={values.voucherNumber} onChange={set} error={fieldError('voucherNumber')} />
          {kansen && <Field name="kansenStatuutEndDate" value={values.kansenStatuutEndDate || defaultKansenStatuutEndDate(new Date())} onChange={set} type="date" error={fieldError('kansenStatuutEndDate')} />}
        </div>
      )}
    </ActionForm>
  );
}

function UpdateCardSystemForm({ holder, systems, onDone }: { holder: Passholder; systems: { id: string; name: string; kansenStatuutEndDate?: string }[]; onDone: () => void }) {
  const { api } = useApp();
  const { busy, error, run, fieldError } = useAction();
  const [systemId, setSystemId] = useState(systems[0]?.id ?? '');
  const [endDate, setEndDate] = useState(defaultKansenStatuutEndDate(new Date()));
  const local = passholderErrors({ kansenStatuutEndDate: endDate }, [], new Date());
  return (
    <ActionForm
      title={texts.passholder.updateCardSystem}
      busy={busy}
      error={error}
      onSubmit={() => run(() => api.updateCardSystemData({ uid: holder.uid, cardSystemId: systemId, kansenStatuutEndDate: endDate }), onDone)}
    >
      <div className="row">
        <Field name="cardSystem" value={systemId} onChange={(_name, value) => setSystemId(value)} options={Object.fromEntries(systems.map((system) => [system.id, system.name]))} />
        <Field name="kansenStatuutEndDate" value={endDate} onChange={(_name, value) => setEndDate(value)} type="date" required error={fieldError('kansenStatuutEndDate') ?? local.kansenStatuutEndDate} />
      </div>
    </ActionForm>
  );
}
