import { useState } from 'react';
import type { Passholder } from '../../../electron/ipc/contract';
import { defaultKansenStatuutEndDate } from '../../../electron/rules/fields';
import type { ReplacementReason } from '../../../electron/rules/new-card';
import { kansenStatuutEndDateError } from '../../../electron/rules/passholder-rules';
import { CardNumberField } from '../../components/CardNumberField';
import { Field } from '../../components/Field';
import { UnresolvedTapNotice } from '../../components/UnresolvedTapNotice';
import { useApp } from '../../context';
import { currentCards } from '../../flows/cards-after';
import { findHolders, holderWithCard } from '../../flows/look-up';
import { endDateFor, reasonChoice } from '../../flows/new-card';
import { useCardCheck } from '../../flows/use-card-check';
import { useReaderCard } from '../../flows/use-reader-card';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

export interface NewCardDone {
  number: string;
  /** The API's amount to collect. */
  price?: string;
}

/** A new card: scan it, Enter shows its status, the reason and the price; the next Enter registers it. */
export function NewCardForm({ holder, initialReason, onDone }: { holder: Passholder; initialReason?: ReplacementReason; onDone: (done: NewCardDone) => void }) {
  const { api } = useApp();
  const { busy, failure, run, fieldError } = useAction();
  // Staff pick loss/theft or defect (after a block, the block's reason); a change of kansenstatuut forces its own.
  const [values, setValues] = useState<Record<'uitpasNumber' | 'voucherNumber' | 'picked' | 'kansenStatuutEndDate', string>>({ uitpasNumber: '', voucherNumber: '', picked: initialReason ?? 'LOSS_THEFT', kansenStatuutEndDate: defaultKansenStatuutEndDate(new Date()) });
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name === 'reason' ? 'picked' : name]: value }));
  const choice = reasonChoice(holder, values.uitpasNumber, values.picked as ReplacementReason);
  const obtaining = choice.reason === 'OBTAIN_KANSENSTATUUT';
  const input = { number: values.uitpasNumber, voucher: values.voucherNumber, reason: choice.reason, heldCards: currentCards(holder).map((card) => card.number) };
  const endDateError = obtaining ? kansenStatuutEndDateError(values.kansenStatuutEndDate, new Date()) : undefined;
  // Enter in the number or voucher shows status, reason and price; once checked, Enter registers.
  const { check, checking, ok, run: runCheck, enter, refusal } = useCardCheck(input);
  const unresolvedTap = useReaderCard(true, values.uitpasNumber, (number) => set('uitpasNumber', number), (form) => void runCheck(form));
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
      onArrived={() => onDone({ number: input.number, price: ok?.price?.price })}
      onSubmit={(form) => {
        if (!ok) return void runCheck(form);
        if (endDateError) return;
        const kansenStatuutEndDate = endDateFor(holder, ok.number, choice.reason, values.kansenStatuutEndDate);
        void run(
          () =>
            api.registerNewCard({
              uid: holder.uid,
              reason: choice.reason,
              uitpasNumber: ok.number,
              ...(ok.voucher ? { voucherNumber: ok.voucher } : {}),
              ...(kansenStatuutEndDate ? { kansenStatuutEndDate } : {}),
            }),
          (registered) => onDone({ number: registered.uitpasNumber, price: ok.price?.price }),
        );
      }}
    >
      <div className="row">
        <CardNumberField value={values.uitpasNumber} onChange={set} onEnter={enter} error={fieldError('uitpasNumber') ?? refusal('uitpasNumber')} />
        <Field
          name="reason"
          value={choice.reason}
          onChange={set}
          options={Object.fromEntries(choice.reasons.map((reason) => [reason, texts.passholder.reasons[reason] ?? reason]))}
          hint={choice.forced ? texts.passholder.forcedReason : undefined}
          error={fieldError('reason')}
        />
        <Field name="voucherNumber" value={values.voucherNumber} onChange={set} onEnter={enter} error={fieldError('voucherNumber') ?? refusal('voucherNumber')} />
        {obtaining && (
          <Field name="kansenStatuutEndDate" value={values.kansenStatuutEndDate} onChange={set} type="date" required error={fieldError('kansenStatuutEndDate') ?? endDateError} />
        )}
      </div>
      <UnresolvedTapNotice tap={unresolvedTap} />
    </ActionForm>
  );
}
