import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { formatDate, parseDateInput } from '../format/date';
import { texts } from '../texts';

export type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD when the text is a date, else the text as typed (the rules then name the problem). */
  value: string;
  onValue: (value: string) => void;
  /** A scan landed here (more digits than a date has): refused, said beside the field, the next Enter held. */
  onRefused?: (refused: boolean) => void;
};

/** More digits than DDMMJJJJ has: a card number scanned into the date, not a date. */
export const isScanNotDate = (text: string) => text.replace(/\D/g, '').length > 8;

/**
 * The one date input: a text field showing DD/MM/JJJJ that takes 15/03/1990,
 * 15-3-1990, 15031990 or a pasted 1990-03-15, on any PC language. Never
 * <input type=date>, whose order follows the OS locale.
 */
export function DateInput({ value, onValue, onBlur, onRefused, onKeyDown, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => formatDate(value));
  /** A scan was refused: its Enter stays here instead of moving on with a date still to ask. */
  const [holdEnter, setHoldEnter] = useState(false);
  /** The text before the current run of bare digits began: what a refused scan gives back. */
  const beforeDigits = useRef(text);
  // A value set from outside (eID, proposal) replaces what is shown; our own echo does not.
  useEffect(() => {
    const shown = parseDateInput(text);
    if ((shown.iso ?? text) === value) return;
    setText(formatDate(value));
    // What a refused scan gives back is this date (an eID's), not what the field held before it came.
    beforeDigits.current = formatDate(value);
    // Only a new value from outside matters here, not every keystroke.
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder={texts.format.datePattern}
      autoComplete="off"
      value={text}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && holdEnter) {
          event.preventDefault();
          event.stopPropagation();
          setHoldEnter(false);
          return;
        }
        onKeyDown?.(event);
      }}
      onChange={(event) => {
        const typed = event.target.value;
        // The rest of a refused scan is refused too, until its Enter.
        if (isScanNotDate(typed) || (holdEnter && /^\d+$/.test(typed.trim()))) {
          setHoldEnter(true);
          onRefused?.(true);
          setText(beforeDigits.current);
          onValue(parseDateInput(beforeDigits.current).iso ?? beforeDigits.current.trim());
          return;
        }
        if (!/^\d+$/.test(typed.trim())) beforeDigits.current = typed;
        onRefused?.(false);
        const parsed = parseDateInput(typed);
        // A complete date is what a scan landing after it gives back.
        if (parsed.iso) beforeDigits.current = formatDate(parsed.iso);
        // Eight digits or a pasted ISO date are complete: shown as DD/MM/JJJJ at once (the caret is at the end anyway).
        setText(parsed.iso && !/^\d{1,2}[/.\-\s]/.test(typed.trim()) ? formatDate(parsed.iso) : typed);
        onValue(parsed.iso ?? typed.trim());
      }}
      onBlur={(event) => {
        setHoldEnter(false);
        const parsed = parseDateInput(text);
        if (parsed.iso) setText(formatDate(parsed.iso));
        onBlur?.(event);
      }}
    />
  );
}
