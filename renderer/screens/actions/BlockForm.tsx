import { useState } from 'react';
import type { NewCardReason } from '../../../electron/ipc/contract';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { formatUitpasNumber } from '../../format/numbers';
import { findHolders } from '../../flows/look-up';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

export type BlockReason = Extract<NewCardReason, 'LOSS_THEFT' | 'DEFECT'>;

/**
 * Blocking one card (DOC pashouders/block-uitpas.md; NG passholder/block-pass.controller.js, which offers "block"
 * and "block and replace"): why, then the app's own dialog, then the block; the new card follows with that reason.
 */
export function BlockForm({ uitpasNumber, onDone }: { uitpasNumber: string; onDone: (reason: BlockReason) => void }) {
  const { api, store } = useApp();
  const { busy, failure, run } = useAction();
  const [reason, setReason] = useState<BlockReason>('LOSS_THEFT');
  const number = formatUitpasNumber(uitpasNumber);
  return (
    <ActionForm
      title={texts.record.blockCard(number)}
      firstField="blockReason"
      busy={busy}
      failure={failure}
      dirty={false}
      submitLabel={texts.record.block}
      settle={async () => {
        const found = (await findHolders(api, uitpasNumber))[0];
        const blocked = found?.cardSystems.some((system) => system.currentCard?.uitpasNumber === uitpasNumber && system.currentCard.status === 'BLOCKED');
        return blocked && found ? found : null;
      }}
      onArrived={() => onDone(reason)}
      onSubmit={() =>
        void (async () => {
          const yes = await store.ask({ title: texts.record.blockCard(number), text: texts.record.blockQuestion(number, texts.record.blockReasons[reason] ?? reason), yes: texts.record.blockYes, no: texts.record.blockNo });
          if (yes) await run(() => api.blockCard({ uitpasNumber }), () => onDone(reason));
        })()
      }
    >
      <div className="row">
        <Field name="blockReason" label={texts.record.blockWhy} value={reason} onChange={(_name, value) => setReason(value as BlockReason)} options={texts.record.blockReasons} />
      </div>
    </ActionForm>
  );
}
