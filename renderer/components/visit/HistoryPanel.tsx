import { useEffect, useRef } from 'react';
import { useApp } from '../../context';
import type { VisitState } from '../../flows/visit/visit-slice';
import { saleFacts } from '../../flows/visit/visit-words';
import { formatDateTime } from '../../format/date';
import { formatCents } from '../../format/numbers';
import { errorText, texts } from '../../texts';
import { WriteOutcome } from './WriteOutcome';

/**
 * "Historiek": the points (check-ins at this balie, cashed promotions anywhere, a year back) and this balie's
 * ticket sales to the card, newest first, each sale with "Ongedaan maken" (asked first) (/work/shared/reference/counter-day.md §3.5, §6).
 */
export function HistoryPanel({ visit }: { visit: VisitState }) {
  const { store } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { history } = visit;
  if (!history) return null;
  const { points, sales } = history;
  return (
    <section className="panel visit-history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title" ref={heading} tabIndex={-1}>
        {texts.visit.history}
      </h2>
      {points && (
        <>
          <h3>{texts.visit.pointsHistory}</h3>
          <p className="hint">{texts.visit.pointsHistoryNote}</p>
          {points.status === 'loading' && <p className="muted">{texts.visit.historyLoading}</p>}
          {points.status === 'failed' && <p className="notice error">{`${texts.visit.historyFailed} ${errorText(points.error)}`}</p>}
          {points.status === 'ready' &&
            (points.value.length === 0 ? (
              <p className="muted">{texts.visit.pointsHistoryNone}</p>
            ) : (
              <ul className="plain history-list" data-testid="points-history">
                {points.value.map((entry) => (
                  <li key={`${entry.kind}-${entry.id}`}>
                    <span className="history-date">{formatDateTime(entry.date)}</span>
                    <span>{entry.title}</span>
                    <strong className={entry.points < 0 ? 'minus' : 'plus'}>{entry.points > 0 ? `+${entry.points}` : String(entry.points).replace('-', '−')}</strong>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
      <h3>{texts.visit.salesHistory}</h3>
      {sales.status === 'loading' && <p className="muted">{texts.visit.historyLoading}</p>}
      {sales.status === 'failed' && <p className="notice error">{`${texts.visit.historyFailed} ${errorText(sales.error)}`}</p>}
      {sales.status === 'ready' &&
        (sales.value.length === 0 ? (
          <p className="muted">{texts.visit.salesHistoryNone}</p>
        ) : (
          <ul className="plain history-list" data-testid="sales-history">
            {sales.value.map((sale) => {
              const outcome = visit.outcomes.cancel[sale.id];
              const busy = outcome?.step === 'sending' || outcome?.step === 'unknown';
              return (
                <li key={sale.id} data-testid="sale">
                  <span>
                    <strong>{sale.nodeTitle}</strong> <span className="muted">{saleFacts(sale)}</span>
                  </span>
                  {outcome?.step !== 'done' && (
                    <button type="button" disabled={busy} onClick={() => void store.visit.cancelAsked(sale.id)}>
                      {texts.visit.undo}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
      {Object.entries(visit.outcomes.cancel).map(([id, outcome]) => (
        <WriteOutcome
          key={id}
          action="cancel"
          outcome={outcome}
          done={({ refundCents }) => texts.visit.undone(refundCents ? formatCents(refundCents) : '')}
          onLookUp={() => void store.visit.cancelLookedUp(id)}
        />
      ))}
    </section>
  );
}
