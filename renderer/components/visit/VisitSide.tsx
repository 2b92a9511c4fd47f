import { useApp } from '../../context';
import type { VisitState } from '../../flows/visit/visit-slice';
import { couponText } from '../../flows/visit/visit-words';
import { errorText, texts } from '../../texts';

/** Beside the visit (NG's sidebar): the points balance with "Historiek", and the card's coupons ("Bonnen") with what is left. */
export function VisitSide({ visit }: { visit: VisitState }) {
  const { store } = useApp();
  const { subject, coupons } = visit;
  return (
    <section className="panel visit-side" aria-labelledby="balance-title" data-testid="visit-side">
      {subject.kind === 'passholder' && (
        <>
          <h2 id="balance-title" className="balance">
            {texts.visit.balance}
            {texts.colon}
            <span data-testid="balance">{subject.points ?? '—'}</span>
          </h2>
          <button type="button" aria-expanded={visit.history !== undefined} onClick={() => (visit.history ? store.visit.historyClosed() : store.visit.historyOpened())}>
            {visit.history ? texts.visit.closeHistory : texts.visit.history}
          </button>
        </>
      )}
      <h3 id={subject.kind === 'passholder' ? undefined : 'balance-title'}>{texts.visit.coupons}</h3>
      {coupons.status === 'loading' && <p className="muted">{texts.loading}</p>}
      {coupons.status === 'failed' && <p className="notice error">{`${texts.visit.couponsFailed} ${errorText(coupons.error)}`}</p>}
      {coupons.status === 'ready' &&
        (coupons.value.length === 0 ? (
          <p className="muted">{texts.visit.couponsNone}</p>
        ) : (
          <ul className="plain coupon-list" data-testid="coupons">
            {coupons.value.map((coupon) => (
              <li key={coupon.id}>
                <strong>{coupon.name}</strong>
                <span className="muted">{couponText(coupon)}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
