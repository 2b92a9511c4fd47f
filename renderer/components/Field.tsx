import type { ChangeEvent, KeyboardEvent } from 'react';
import { maxLengthOf } from '../../electron/rules/limits';
import { problemText, texts, type Problem } from '../texts';
import type { EidMark } from '../form/passholder-form';
import { DateInput } from './DateInput';

export interface FieldProps {
  name: string;
  value: string;
  onChange: (name: string, value: string) => void;
  error?: Problem;
  eidMark?: EidMark;
  required?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel';
  options?: Readonly<Record<string, string>>;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  hint?: string;
  /** A label of its own, for a field the form catalogue does not name. */
  label?: string;
  /** Enter in this field does this instead of submitting the form (a scanner ends a card number with Enter). */
  onEnter?: (input: HTMLInputElement) => void;
}

/** One labelled form field, with its error and, when the value is as the eID said, a mark saying how far to trust it. */
export function Field({ name, value, onChange, error, eidMark, required, type = 'text', options, inputMode, hint, label, onEnter }: FieldProps) {
  const id = `field-${name}`;
  // A date says its format to screen readers; on screen the placeholder and the value show it.
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', type === 'date' ? `${id}-format` : ''].filter(Boolean).join(' ') || undefined;
  const change = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(name, event.target.value);
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required };
  const keyDown = onEnter
    ? (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onEnter(event.currentTarget);
      }
    : undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}${eidMark ? ` from-eid eid-${eidMark}` : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label ?? texts.fields[name] ?? name}
        {required && <span aria-hidden="true"> *</span>}
        {eidMark && (
          <span className={`eid-mark eid-mark-${eidMark}`}>
            <span aria-hidden="true">{texts.eid.shortMark[eidMark]}</span>
            <span className="sr-only">{texts.eid.mark[eidMark]}</span>
          </span>
        )}
      </label>
      {options ? (
        <select {...common} value={value} onChange={change}>
          {Object.entries(options).map(([option, label]) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      ) : type === 'date' ? (
        <DateInput {...common} value={value} onValue={(next) => onChange(name, next)} onKeyDown={keyDown} />
      ) : (
        <input
          {...common}
          value={value}
          onChange={change}
          type={type}
          inputMode={inputMode}
          maxLength={maxLengthOf(name)}
          autoComplete="off"
          spellCheck={false}
          onKeyDown={keyDown}
        />
      )}
      {type === 'date' && (
        <span className="sr-only" id={`${id}-format`}>
          {texts.format.datePattern}
        </span>
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
