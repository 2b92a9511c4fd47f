import { useState } from 'react';
import { normaliseUitpasNumber } from '../../electron/rules/uitpas-number';
import { useApp } from '../context';
import { checkCard, checkHolds, type CardCheck, type CardInput } from './card-check';
import { focusField } from './focus';

/**
 * The card check as a form uses it: Enter in the number checks it; once the
 * check holds for what is in the fields, Enter sends the form. After a check
 * the focus goes to the send button beside the price, or back into the
 * refused field with its text selected so the next scan replaces it.
 */
export function useCardCheck(input: CardInput, afterOk?: (check: CardCheck & { state: 'ok' }, form: HTMLFormElement | null) => void) {
  const { api, store } = useApp();
  const [check, setCheck] = useState<CardCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const holds = checkHolds(check, input);
  const run = async (form: HTMLFormElement | null) => {
    setChecking(true);
    const result = await store.track(checkCard(api, input));
    setCheck(result);
    setChecking(false);
    if (result.state === 'refused') focusField(form, result.field ?? 'uitpasNumber', { select: true });
    else if (afterOk) afterOk(result, form);
    else focusField(form, 'submit');
  };
  return {
    check,
    checking,
    holds,
    /** The check, when it holds for what is in the fields now. */
    ok: holds ? check : null,
    run,
    /** Enter with nothing scanned yet does nothing: the field's hint already says what goes in. */
    enter: (field: HTMLInputElement) => (holds ? field.form?.requestSubmit() : input.number.trim() === '' ? undefined : void run(field.form)),
    /** A refusal shown on the field it concerns, while the fields still hold what was checked. */
    refusal: (field: string) =>
      check?.state === 'refused' && check.field === field && check.number === normaliseUitpasNumber(input.number) && check.voucher === input.voucher.trim() ? { text: check.message } : undefined,
  };
}
