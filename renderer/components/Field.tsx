import type { ChangeEvent } from 'react';
import { maxLengthOf } from '../../electron/rules/limits';
import { problemText, texts, type Problem } from '../texts';

export interface FieldProps {
  name: string;
  value: string;
  onChange: (name: string, value: string) => void;
  error?: Problem;
  fromEid?: boolean;
  required?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel';
  options?: Readonly<Record<string, string>>;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  hint?: string;
  /** Enter in this field does this instead of submitting the form (a scanner ends a card number with Enter). */
  onEnter?: () => void;
}

/** One labelled form field, with its error and, when the value is as the eID said, a mark. */
export function Field({ name, value, onChange, error, fromEid, required, type = 'text', options, inputMode, hint, onEnter }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const change = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(name, event.target.value);
  const common = { id, name, value, onChange: change, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required };
  return (
    <div className={`field${error ? ' has-error' : ''}${fromEid ? ' from-eid' : ''}`} data-field={name}>
      <label htmlFor={id}>
        {texts.fields[name] ?? name}
        {required && <span aria-hidden="true"> *</span>}
        {fromEid && <span className="eid-mark">{texts.eid.fromCard}</span>}
      </label>
      {options ? (
        <select {...common}>
          {Object.entries(options).map(([option, label]) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          maxLength={maxLengthOf(name)}
          autoComplete="off"
          spellCheck={false}
          onKeyDown={
            onEnter
              ? (event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  onEnter();
                }
              : undefined
          }
        />
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {problemText(error)}
        </p>
      )}
    </div>
  );
}
