import type { ReactNode } from 'react';
import type { CardCheck } from '../flows/card-check';
import { priceText } from '../flows/card-check';
import { texts } from '../texts';

/**
 * The card check's outcome and the price, in the action bar where the eye is
 * and announced by screen readers as it changes.
 */
export function CardCheckStatus({ check, pending, note }: { check: CardCheck | null; pending?: boolean; note?: ReactNode }) {
  const price = priceText(check);
  return (
    <div className="card-check" aria-live="polite" data-testid="card-check">
      {pending && <span>{texts.busy}</span>}
      {/* A refused card is shown on its field (once); here it is only read out. */}
      {!pending && check && (
        <span className={check.state === 'ok' ? 'card-ok' : 'sr-only'} data-testid="card-status">
          {check.message}
        </span>
      )}
      {!pending && price && (
        <strong className="price" data-testid="price">
          {texts.register.price(price)}
        </strong>
      )}
      {note}
    </div>
  );
}
