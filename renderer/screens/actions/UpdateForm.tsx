import { useState } from 'react';
import type { Passholder, ResponseOf } from '../../../electron/ipc/contract';
import { passholderErrors } from '../../../electron/rules/passholder-rules';
import { EidChangeList, ownEid } from '../../components/EidChanges';
import { Field } from '../../components/Field';
import { LockedNote, lockedByPolicy } from '../../components/LockedNote';
import { useApp } from '../../context';
import { focusField } from '../../flows/focus';
import { findHolders } from '../../flows/look-up';
import { applyEid, editField, eidMarkOf, emptyForm, filledValues, type PassholderForm } from '../../form/passholder-form';
import { eidDifferences, type EidDifference } from '../../form/eid-differences';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

/** The fields, in rows that keep together what belongs together (the address on one row, the e-mail wide enough). */
const rows = [
  ['person', ['name', 'firstName', 'secondName', 'gender']],
  ['person', ['inszNumber', 'dateOfBirth', 'nationality', 'placeOfBirth']],
  ['address', ['street', 'postalCode', 'city']],
  ['contact', ['email', 'telephone', 'gsm']],
  ['', ['moreInfo']],
] as const;
const editable = rows.flatMap(([, names]) => names);

/** Changing the pass holder's data; only what changed is sent, and the eID can fill it in. */
export function UpdateForm({ holder, onDone }: { holder: Passholder; onDone: (outcome: Omit<ResponseOf<'uitpas:updatePassholder'>, 'code'>) => void }) {
  const { api, store } = useApp();
  const { card, session } = store();
  // With a re-read eID main can store its photo (SX PassHolderService::update), unless staff untick it.
  const [storePhoto, setStorePhoto] = useState(session?.storeEidPhoto ?? true);
  const { busy, failure, run, fieldError } = useAction();
  const initial = Object.fromEntries(editable.map((name) => [name, holder[name] ?? ''])) as Record<string, string>;
  const [form, setForm] = useState<PassholderForm>(() => emptyForm(initial));
  /** What the eID's data changed when taken over: shown old → new. */
  const [eidChanges, setEidChanges] = useState<EidDifference[] | null>(null);
  const own = ownEid(holder, card);
  const set = (name: string, value: string) => setForm((current) => editField(current, name, value));
  const changed = Object.fromEntries(Object.entries(form.values).filter(([name, value]) => value !== (initial[name] ?? '')));
  return (
    <ActionForm
      title={texts.passholder.update}
      firstField="name"
      busy={busy}
      failure={failure}
      dirty={Object.keys(changed).length > 0}
      settle={async () => {
        const found = (await findHolders(api, holder.inszNumber ?? '')).find((candidate) => candidate.uid === holder.uid);
        return found && Object.entries(changed).every(([name, value]) => (found[name as keyof Passholder] ?? '') === value) ? found : null;
      }}
      onArrived={() => onDone({ picture: 'not-sent', optIns: 'not-sent' })}
      onSubmit={(element) => {
        const errors = passholderErrors(filledValues(changed), [], new Date());
        if (Object.keys(errors).length > 0) {
          setForm((current) => ({ ...current, errors }));
          focusField(element, Object.keys(errors)[0] ?? '');
          return;
        }
        void run(
          () =>
            api.updatePassholder({
              uitpasNumber: holder.cardSystems.find((system) => system.currentCard)?.currentCard?.uitpasNumber ?? '',
              fields: changed,
              ...(form.eidReadId ? { eidReadId: form.eidReadId, storePhoto } : {}),
            }),
          onDone,
        );
      }}
    >
      {own && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setEidChanges(eidDifferences(holder, own));
              setForm((current) => ({ ...applyEid(current, own), dirty: true }));
            }}
          >
            {texts.passholder.takeFromEid}
          </button>
        </div>
      )}
      {eidChanges && <EidChangeList changes={eidChanges} />}
      {form.eidReadId && (
        <div className="field checkbox">
          <input id="field-storePhoto" type="checkbox" checked={storePhoto} disabled={lockedByPolicy(session, 'storeEidPhoto')} onChange={(event) => setStorePhoto(event.target.checked)} />
          <label htmlFor="field-storePhoto">
            {texts.record.storePhoto}
            <LockedNote session={session} setting="storeEidPhoto" />
          </label>
        </div>
      )}
      {rows.map(([kind, names]) => (
        <div key={names[0]} className={`row ${kind}`}>
          {names.map((name) => (
            <Field
              key={name}
              name={name}
              value={form.values[name] ?? ''}
              onChange={set}
              eidMark={eidMarkOf(form, name)}
              error={form.errors[name] ?? fieldError(name)}
              type={name === 'dateOfBirth' ? 'date' : 'text'}
              options={name === 'gender' ? texts.gender : undefined}
            />
          ))}
        </div>
      ))}
    </ActionForm>
  );
}
