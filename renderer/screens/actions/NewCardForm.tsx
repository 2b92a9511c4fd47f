import { useState } from 'react';
import type { NewCardReason, Passholder, PriceReason } from '../../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../../electron/rules/fields';
import { kansenStatuutEndDateError } from '../../../electron/rules/passholder-rules';
import { isKansenpas } from '../../../electron/rules/uitpas-number';
import { CardNumberField } from '../../components/CardNumberField';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { findHolders, holderWithCard } from '../../flows/look-up';
import { useCardCheck } from '../../flows/use-card-check';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

/** Suggests the reason for a new card from the kansenpas digit of the old and the new card. */
export function suggestReason(oldNumber: string | undefined, newNumber: string): NewCardReason {
  if (!oldNumber || newNumber.length !== 13) return 'LOSS_THEFT';
  const before = isKansenpas(oldNumber);
  const after = isKansenpas(newNumber);
  if (!before && after) return 'OBTAIN_KANSENSTATUUT';
  if (before && !after) return 'LOSS_KANSENSTATUUT';
  return 'LOSS_THEFT';
}

export interface NewCardDone {
  number: string;
  oldNumber?: string;
  /** The API's amount to collect. */
  price?: string;
}

/** A new card: scan it, Enter shows its status, the reason and the price; the next Enter registers it. */
export function NewCardForm({ holder, initialReason, onDone }: { holder: Passholder; initialReason?: NewCardReason; onDone: (done: NewCardDone) => void }) {
  const { api } = useApp();
  const { busy, failure, run, fieldError } = useAction();
  const oldSystem = holder.cardSystems.find((system) => system.currentCard);
  const oldNumber = oldSystem?.currentCard?.uitpasNumber;
  const [values, setValues] = useState({ uitpasNumber: '', voucherNumber: '', reason: initialReason ?? 'LOSS_THEFT', kansenStatuutEndDate: '' });
  // After a block the reason is known (lost, stolen, defect): no suggestion overrides it.
  const [reasonTouched, setReasonTouched] = useState(initialReason !== undefined);
  const set = (name: string, value: string) => {
    setValues((current) => {
      const next = { ...current, [name]: value };
      if (name === 'uitpasNumber' && !reasonTouched) next.reason = suggestReason(oldNumber, value.trim());
      // When both cards are kansenpassen the end date stays; a new kansenstatuut gets the usual proposal.
      if (next.reason === 'OBTAIN_KANSENSTATUUT' && !next.kansenStatuutEndDate) next.kansenStatuutEndDate = oldSystem?.kansenStatuutEndDate ?? defaultKansenStatuutEndDate(new Date());
      return next;
    });
    if (name === 'reason') setReasonTouched(true);
  };
  const input = { number: values.uitpasNumber, voucher: values.voucherNumber, reason: values.reason as PriceReason };
  const endDateError = values.reason === 'OBTAIN_KANSENSTATUUT' && values.kansenStatuutEndDate ? kansenStatuutEndDateError(values.kansenStatuutEndDate, new Date()) : undefined;
  // Enter in the number or voucher shows status, reason and price; once checked, Enter registers.
  const { check, checking, ok, run: runCheck, enter, refusal } = useCardCheck(input);
  return (
    <ActionForm
      title={texts.passholder.newCard}
      firstField="uitpasNumber"
      busy={busy}
      failure={failure}
      dirty={values.uitpasNumber !== ''}
      check={check}
      checking={checking}
      submitLabel={ok ? texts.passholder.register : texts.passholder.checkCardFirst}
      settle={async () => {
        const found = holderWithCard(await findHolders(api, input.number), input.number);
        return found?.uid === holder.uid ? found : null;
      }}
      onArrived={() => onDone({ number: input.number, oldNumber, price: ok?.price?.price })}
      onSubmit={(form) => {
        if (!ok) return void runCheck(form);
        if (endDateError) return;
        void run(
          () =>
            api.registerNewCard({
              uid: holder.uid,
              reason: values.reason,
              uitpasNumber: ok.number,
              ...(ok.voucher ? { voucherNumber: ok.voucher } : {}),
              ...(values.reason === 'OBTAIN_KANSENSTATUUT' && values.kansenStatuutEndDate ? { kansenStatuutEndDate: values.kansenStatuutEndDate } : {}),
            }),
          (registered) => onDone({ number: registered.uitpasNumber, oldNumber, price: ok.price?.price }),
        );
      }}
    >
      <div className="row">
<CardNumberField value={values.uitpasNumber} onChange={set} onEnter={enter} error={fieldError('uitpasNumber') ?? refusal('uitpasNumber')} />
        <Field name="reason" value={values.reason} onChange={set} options={texts.passholder.reasons} hint={reasonTouched ? undefined : texts.passholder.suggested} error={fieldError('reason')} />
        <Field name="voucherNumber" value={values.voucherNumber} onChange={set} onEnter={enter} error={fieldError('voucherNumber') ?? refusal('voucherNumber')} />
        {values.reason === 'OBTAIN_KANSENSTATUUT' && (
          <Field name="kansenStatuutEndDate" value={values.kansenStatuutEndDate} onChange={set} type="date" required error={fieldError('kansenStatuutEndDate') ?? endDateError} />
        )}
      </div>
    </ActionForm>
  );
}
