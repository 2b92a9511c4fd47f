import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
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
  /** Keeps only the digits of what is typed, pasted or scanned (a card number printed in groups). */
  digitsOnly?: boolean;
}

/** One labelled form field, with its error and, when the value is as the eID said, a mark saying how far to trust it. */
export function Field({ name, value, onChange, error, eidMark, required, type = 'text', options, inputMode, hint, label, onEnter, digitsOnly }: FieldProps) {
  const id = `field-${name}`;
  const [refusedScan, setRefusedScan] = useState(false);
  const shownError: Problem | undefined = refusedScan ? { text: texts.format.scanNotDate } : error;
  // A date says its format to screen readers; on screen the placeholder and the value show it.
  const describedBy = [shownError ? `${id}-error` : '', hint ? `${id}-hint` : '', type === 'date' ? `${id}-format` : ''].filter(Boolean).join(' ') || undefined;
  const change = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(name, digitsOnly ? event.target.value.replace(/\D/g, '') : event.target.value);
  const common = { id, name, 'aria-invalid': shownError ? true : undefined, 'aria-describedby': describedBy, required };
  const keyDown = onEnter
    ? (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onEnter(event.currentTarget);
      }
    : undefined;
  return (
    <div className={`field${shownError ? ' has-error' : ''}${eidMark ? ` from-eid eid-${eidMark}` : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label ?? texts.fields[name] ?? name}
        {required && <span aria-hidden="true"> *</span>}
        {/* A space before the mark: a long one-word label (Rijksregisternummer) lets the mark wrap under it instead of spilling over. */}
        {eidMark && ' '}
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
        <DateInput {...common} value={value} onValue={(next) => onChange(name, next)} onKeyDown={keyDown} onRefused={setRefusedScan} />
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
      {/* Hint and error share the third row of the field, under the control (see .row > .field in styles.css). */}
      <div className="field-notes">
        {hint && (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        {shownError && (
          <p className="field-error" id={`${id}-error`} role={refusedScan ? 'alert' : undefined}>
            {problemText(shownError)}
          </p>
        )}
      </div>
    </div>
  );
}
