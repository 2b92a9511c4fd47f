import { texts, type Problem } from '../texts';
import { Field } from './Field';

/** The card number as every pass holder action takes it: scanned or typed, Enter checks the card. */
export function CardNumberField({ value, onChange, onEnter, error }: { value: string; onChange: (name: string, value: string) => void; onEnter: (input: HTMLInputElement) => void; error?: Problem }) {
  return <Field name="uitpasNumber" value={value} onChange={onChange} required inputMode="numeric" digitsOnly onEnter={onEnter} hint={texts.register.cardHint} error={error} />;
}
