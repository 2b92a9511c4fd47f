import { useEffect, useState } from 'react';
import type { Passholder, UitpasPrice } from '../../../electron/ipc/contract';
import { defaultKansenStatuutEndDate, isBelgianPostalCode } from '../../../electron/rules/fields';
import { kansenStatuutEndDateError } from '../../../electron/rules/passholder-rules';
import { isKansenpas, uitpasNumberProblem } from '../../../electron/rules/uitpas-number';
import { CardNumberField } from '../../components/CardNumberField';
import { Field } from '../../components/Field';
import { UnresolvedTapNotice } from '../../components/UnresolvedTapNotice';
import { useApp } from '../../context';
import { currentCards } from '../../flows/cards-after';
import { findHolders } from '../../flows/look-up';
import { useCardCheck } from '../../flows/use-card-check';
import { useReaderCard } from '../../flows/use-reader-card';
import { formatAmount } from '../../format/numbers';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

export interface RegisteredInSystem {
  systemName: string;
  number?: string;
  price?: string;
}

/**
 * Another card system of this balie: without a card at once, or with a card that is checked (status, price) first.
 * The price is the one the real counter asks (NG card-upgrade/card-upgrade-modal.controller.js; CF Uitpas/Default.php
 * getPriceForUpgrade): CARD_UPGRADE with the card system, EXTRA_CARD with a new card; never FIRST_CARD, which is
 * the price of a first UiTPAS. The holder's birth date and postal code go along, as for every price.
 */
export function RegisterInSystemForm({ holder, systems, onDone }: { holder: Passholder; systems: { id: string; name: string }[]; onDone: (done: RegisteredInSystem) => void }) {
  const { api } = useApp();
  const { busy, failure, run, fieldError } = useAction();
  const [systemId, setSystemId] = useState(systems[0]?.id ?? '');
  const [withCard, setWithCard] = useState(false);
  // A kansenpas brings the kansenstatuut: staff choose its end date, proposed as the real counter does.
  const [values, setValues] = useState({ uitpasNumber: '', voucherNumber: '', kansenStatuutEndDate: defaultKansenStatuutEndDate(new Date()) });
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const input = { number: values.uitpasNumber, voucher: values.voucherNumber, reason: 'EXTRA_CARD' as const, dateOfBirth: holder.dateOfBirth, postalCode: holder.postalCode, heldCards: currentCards(holder).map((card) => card.number) };
  const upgrade = useUpgradePrice(withCard ? undefined : systemId, holder);
  const { check, checking, ok, run: runCheck, enter, refusal } = useCardCheck(input);
  const unresolvedTap = useReaderCard(withCard, values.uitpasNumber, (number) => set('uitpasNumber', number), (form) => void runCheck(form));
  // With a card, the card decides the card system.
  const system = withCard ? ok?.info.cardSystem : systems.find((candidate) => candidate.id === systemId);
  const kansen = withCard && (ok ? ok.info.kansenpas : uitpasNumberProblem(values.uitpasNumber) === null && isKansenpas(values.uitpasNumber));
  const endDateError = kansen ? kansenStatuutEndDateError(values.kansenStatuutEndDate, new Date()) : undefined;
  const done = (): RegisteredInSystem => ({
    systemName: system?.name ?? '',
    ...(withCard && ok ? { number: ok.number, price: ok.price?.price } : { price: upgrade?.price }),
  });
  return (
    <ActionForm
      title={texts.passholder.registerInSystem}
      firstField={withCard ? 'uitpasNumber' : 'cardSystem'}
      busy={busy}
      failure={failure}
      dirty={withCard && values.uitpasNumber !== ''}
      check={withCard ? check : undefined}
      checking={checking}
      submitLabel={withCard && !ok ? texts.passholder.checkCardFirst : texts.passholder.register}
      settle={async () => {
        const found = (await findHolders(api, holder.inszNumber ?? holder.cardSystems.find((own) => own.currentCard)?.currentCard?.uitpasNumber ?? '')).find((candidate) => candidate.uid === holder.uid);
        return found && system && found.cardSystems.some((own) => own.id === system.id) ? found : null;
      }}
      onArrived={() => onDone(done())}
      onSubmit={(form) => {
        if (withCard && !ok) return void runCheck(form);
        if (endDateError) return;
        void run(
          () =>
            api.registerInCardSystem({
              uid: holder.uid,
              ...(withCard && ok ? { uitpasNumber: ok.number } : { cardSystemId: systemId }),
              ...(kansen ? { kansenStatuut: true, kansenStatuutEndDate: values.kansenStatuutEndDate } : {}),
              ...(withCard && ok?.voucher ? { voucherNumber: ok.voucher } : {}),
            }),
          () => onDone(done()),
        );
      }}
    >
      <div className="row">
        <fieldset className="choice-group">
          <legend>{texts.passholder.card}</legend>
          <label>
            <input type="radio" name="withCard" checked={!withCard} onChange={() => setWithCard(false)} /> {texts.passholder.noNewCard}
          </label>
          <label>
            <input type="radio" name="withCard" checked={withCard} onChange={() => setWithCard(true)} /> {texts.passholder.withNewCard}
          </label>
        </fieldset>
        {!withCard && <Field name="cardSystem" value={systemId} onChange={(_name, value) => setSystemId(value)} options={Object.fromEntries(systems.map((option) => [option.id, option.name]))} />}
        {!withCard && upgrade && system && (
          <p className="notice info" data-testid="upgrade-price" aria-live="polite">
            {Number(upgrade.price) > 0 ? texts.record.upgradePrice(system.name, formatAmount(upgrade.price)) : texts.record.upgradeFree(system.name)}
          </p>
        )}
        {withCard && (
          <CardNumberField value={values.uitpasNumber} onChange={set} onEnter={enter} error={fieldError('uitpasNumber') ?? refusal('uitpasNumber')} />
        )}
        {withCard && <Field name="voucherNumber" value={values.voucherNumber} onChange={set} onEnter={enter} error={fieldError('voucherNumber') ?? refusal('voucherNumber')} />}
        {kansen && (
          <Field name="kansenStatuutEndDate" value={values.kansenStatuutEndDate} onChange={set} type="date" required error={fieldError('kansenStatuutEndDate') ?? endDateError} />
        )}
      </div>
      <UnresolvedTapNotice tap={unresolvedTap} />
    </ActionForm>
  );
}

/** The price of joining a card system without a new card, asked whenever the chosen system changes; null until known. */
function useUpgradePrice(cardSystemId: string | undefined, holder: Passholder): UitpasPrice | null {
  const { api } = useApp();
  const [price, setPrice] = useState<{ cardSystemId: string; value: UitpasPrice } | null>(null);
  useEffect(() => {
    if (!cardSystemId) return;
    let current = true;
    void api
      .getPrice({ reason: 'CARD_UPGRADE', cardSystemId, ...(holder.dateOfBirth ? { dateOfBirth: holder.dateOfBirth } : {}), ...(holder.postalCode && isBelgianPostalCode(holder.postalCode) ? { postalCode: holder.postalCode } : {}) })
      .then((result) => {
        if (current && result.ok) setPrice({ cardSystemId, value: result.value });
      });
    return () => {
      current = false;
    };
  }, [api, cardSystemId, holder.dateOfBirth, holder.postalCode]);
  return price && price.cardSystemId === cardSystemId ? price.value : null;
}
