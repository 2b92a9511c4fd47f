import { isMinor, optInNames, optInReachable, optInsAllowed, type Reach } from '../../electron/rules/passholder-rules';
import { keyOf, type Answer } from '../flows/registration';
import type { FormValues, RegistrationChoices, RegistrationQuestion } from '../form/passholder-form';
import { problemText, texts, type Problem } from '../texts';
import { Field } from './Field';

interface OptInFieldsProps {
  choices: RegistrationChoices;
  onChange: (choices: RegistrationChoices) => void;
  values: FormValues;
  onField: (name: string, value: string) => void;
  errors: Partial<Record<string, Problem>>;
  /** Questions to mark as not answered yet (after sending was tried). */
  unanswered: readonly RegistrationQuestion[];
  /** Each answer shows the key that picks it (the register form's keyboard answers, flows/registration.ts). */
  withKeys?: boolean;
}

/** One labelled checkbox with its error under it, and the key that picks it when it has one. */
export function Check({
  name,
  checked,
  disabled,
  error,
  shortcut,
  onChange,
}: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  error?: Problem;
  shortcut?: string;
  onChange: (checked: boolean) => void;
}) {
  const id = `field-${name}`;
  // The error goes under the box and its label, not beside them in the checkbox row.
  return (
    <div className={error ? 'has-error' : undefined} data-field={name}>
      <div className="field checkbox">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-keyshortcuts={shortcut}
          onChange={(event) => onChange(event.target.checked)}
        />
        {/* Beside the label, not in it: the box's name stays its words. */}
        {shortcut && (
          <kbd className="answer-key" aria-hidden="true">
            {shortcut}
          </kbd>
        )}
        <label htmlFor={id}>{texts.fields[name] ?? name}</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {problemText(error)}
        </p>
      )}
    </div>
  );
}

/** Says which opt-ins are off because the pass holder cannot be reached that way (rule: optInReachable). */
export function OptInReach({ reach }: { reach: Reach }) {
  const missing = [optInReachable('optInServiceMails', reach) ? '' : texts.register.optInsNoEmail, optInReachable('optInSms', reach) ? '' : texts.register.optInsNoGsm].filter(Boolean);
  return missing.length > 0 ? (
    <p className="hint" data-testid="opt-ins-reach">
      {missing.join(' ')}
    </p>
  ) : null;
}

/**
 * The register form's choices the eID does not fill: the five opt-ins (never under 16), the terms of use,
 * a parent's consent for a minor, and registering a foreign resident or without INSZ. Rules: electron/rules/passholder-rules.ts.
 */
export function OptInFields({ choices, onChange, values, onField, errors, unanswered, withKeys = false }: OptInFieldsProps) {
  const today = new Date();
  const mayOptIn = optInsAllowed(values.dateOfBirth, today);
  const set = (change: Partial<RegistrationChoices>) => onChange({ ...choices, ...change });
  const ask = (question: RegistrationQuestion) => (unanswered.includes(question) ? { text: texts.register.questions[question] } : undefined);
  const key = (answer: Answer) => (withKeys ? keyOf(answer) : undefined);
  return (
    <>
      <fieldset data-testid="opt-ins" data-question="noOptIns">
        <legend>{texts.register.optIns}</legend>
        <p className="hint">{mayOptIn ? texts.register.optInsHint : values.dateOfBirth ? texts.register.optInsUnder16 : texts.register.optInsNoAge}</p>
        {mayOptIn && <OptInReach reach={values} />}
        <div className="row">
          {optInNames.map((name) => (
            <Check
              key={name}
              name={name}
              checked={mayOptIn && optInReachable(name, values) && choices.optIns[name]}
              disabled={!mayOptIn || !optInReachable(name, values)}
              error={errors[name]}
              shortcut={key(name)}
              onChange={(checked) => set({ optIns: { ...choices.optIns, [name]: checked }, ...(checked ? { noOptIns: false } : {}) })}
            />
          ))}
          {mayOptIn && (
            <Check
              name="noOptIns"
              checked={choices.noOptIns}
              shortcut={key('noOptIns')}
              error={ask('noOptIns')}
              onChange={(checked) => set({ noOptIns: checked, ...(checked ? { optIns: Object.fromEntries(optInNames.map((name) => [name, false])) as RegistrationChoices['optIns'] } : {}) })}
            />
          )}
        </div>
      </fieldset>
      <fieldset data-question="noLegalTerms">
        <legend>{texts.register.legalTerms}</legend>
        <div className="row">
          <Check name="legalTermsPaper" checked={choices.legalTermsPaper} shortcut={key('legalTermsPaper')} error={errors.legalTermsPaper} onChange={(checked) => set({ legalTermsPaper: checked, ...(checked ? { noLegalTerms: false } : {}) })} />
          <Check name="legalTermsDigital" checked={choices.legalTermsDigital} shortcut={key('legalTermsDigital')} error={errors.legalTermsDigital} onChange={(checked) => set({ legalTermsDigital: checked, ...(checked ? { noLegalTerms: false } : {}) })} />
          <Check
            name="noLegalTerms"
            checked={choices.noLegalTerms}
            shortcut={key('noLegalTerms')}
            error={ask('noLegalTerms')}
            onChange={(checked) => set({ noLegalTerms: checked, ...(checked ? { legalTermsPaper: false, legalTermsDigital: false } : {}) })}
          />
          {isMinor(values.dateOfBirth, today) && (
            <Check name="parentalConsent" checked={choices.parentalConsent} error={errors.parentalConsent} onChange={(checked) => set({ parentalConsent: checked })} />
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{texts.register.residence}</legend>
        <div className="row">
          <Check
            name="foreignResident"
            checked={choices.foreignResident}
            onChange={(checked) => {
              // Living in Belgium after all: the foreign place must not go along.
              if (!checked) onField('foreignCity', '');
              set({ foreignResident: checked });
            }}
          />
          {choices.foreignResident ? (
            <Field name="foreignCity" value={values.foreignCity ?? ''} onChange={onField} error={errors.foreignCity} required hint={texts.register.foreignHint} />
          ) : (
            <Check name="withoutInsz" checked={choices.withoutInsz} onChange={(checked) => set({ withoutInsz: checked })} />
          )}
        </div>
        {choices.withoutInsz && !choices.foreignResident && <p className="hint">{texts.register.withoutInszHint}</p>}
      </fieldset>
    </>
  );
}
