import { useEffect, useRef } from 'react';
import type { Activity } from '../../../electron/ipc/contract';
import { useApp } from '../../context';
import { enterOnChoiceMovesOn } from '../../flows/focus';
import { choicePrice, type SaleChoice, type VisitState } from '../../flows/visit/visit-slice';
import { formatCents } from '../../format/numbers';
import { texts } from '../../texts';

/**
 * Choosing a tariff (NG modal "Prijzen", /work/shared/reference/counter-day.md §3.1): the base prices, then
 * each tariff with a choice per price class (the first open one chosen), for a group pass the number of
 * persons and its tickets left; the amount to collect stays in sight beside the button that sells.
 */
export function SaleChoicePanel({ activity, choice, visit }: { activity: Activity; choice: SaleChoice; visit: VisitState }) {
  const { store } = useApp();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const { sales } = activity;
  const groupPass = visit.subject.kind === 'groupPass' ? visit.subject : null;
  const cents = choicePrice(activity, choice);
  const total = cents === undefined ? undefined : cents * choice.persons;
  const maxPersons = groupPass?.availableTickets ?? undefined;
  const sending = visit.outcomes.sale[activity.cdbid]?.step === 'sending';
  const name = `tariff-${activity.cdbid}`;
  return (
    <form
      className="sale-choice"
      aria-label={texts.visit.choiceTitle(activity.title)}
      onKeyDown={(event) => void enterOnChoiceMovesOn(event)}
      onSubmit={(event) => {
        event.preventDefault();
        void store.visit.saleConfirmed();
      }}
    >
      <dl className="facts">
        <dt>{texts.visit.basePrice}</dt>
        <dd>{sales.base.map((base) => `${base.priceClass} ${formatCents(base.cents)}`).join(' · ')}</dd>
      </dl>
      {sales.tariffs.map((tariff, index) => (
        <fieldset key={`${tariff.type}-${tariff.ticketSaleCouponId ?? ''}`}>
          <legend>{tariff.type === 'KANSENTARIEF' ? texts.visit.kansentarief : tariff.name}</legend>
          {tariff.maximumReached ? (
            <p className="muted">{texts.visit.notAvailable}</p>
          ) : (
            tariff.prices.map((price) => {
              const chosen = choice.tariff === index && choice.priceClass === price.priceClass;
              return (
                <label key={price.priceClass} className="choice-line">
                  <input
                    ref={chosen ? first : undefined}
                    type="radio"
                    name={name}
                    checked={chosen}
                    onChange={() => store.visit.choiceChanged({ tariff: index, priceClass: price.priceClass })}
                  />
                  {price.priceClass} <strong>{formatCents(price.cents)}</strong>
                </label>
              );
            })
          )}
        </fieldset>
      ))}
      {groupPass && (
        <div className="field">
          <label htmlFor={`persons-${activity.cdbid}`}>{texts.visit.persons}</label>
          <input
            id={`persons-${activity.cdbid}`}
            name="amountOfTickets"
            type="number"
            min={1}
            {...(maxPersons !== undefined ? { max: maxPersons } : {})}
            value={choice.persons}
            onChange={(event) => store.visit.choiceChanged({ persons: Math.max(1, Math.trunc(Number(event.target.value) || 1)) })}
          />
          {groupPass.availableTickets !== null && <p className="hint">{texts.visit.ticketsLeft(String(groupPass.availableTickets))}</p>}
        </div>
      )}
      <div className="actions sticky">
        <span className="collect" data-testid="to-collect">
          {texts.labelled(texts.visit.toCollect, total === undefined ? '—' : formatCents(total))}
        </span>
        <span className="spacer" />
        <button type="submit" className="primary" disabled={sending || total === undefined || (maxPersons !== undefined && choice.persons > maxPersons)}>
          {texts.visit.sellButton}
        </button>
        <button type="button" onClick={() => store.visit.choiceClosed()}>
          {texts.visit.cancelChoice}
        </button>
      </div>
    </form>
  );
}
