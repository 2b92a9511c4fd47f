import { useApp } from '../../context';
import { advantageKey, type VisitState } from '../../flows/visit/visit-slice';
import { advantageFacts } from '../../flows/visit/visit-words';
import { errorText, texts } from '../../texts';
import { WriteOutcome } from './WriteOutcome';

/**
 * "Voordelen": welcome advantages and points promotions this balie can cash now, with cost, period and where;
 * "Omruilen" asks once in the app's dialog, then cashes in and says the balance after it; one that cannot be
 * cashed says why (cashInState) (/work/shared/reference/counter-day.md §4, §10.5).
 */
export function AdvantagesPanel({ visit }: { visit: VisitState }) {
  const { store } = useApp();
  const { advantages } = visit;
  if (!advantages) return null;
  return (
    <section className="panel visit-advantages" aria-labelledby="advantages-title" data-testid="advantages">
      <h2 id="advantages-title">{texts.visit.advantages}</h2>
      {advantages.status === 'loading' && <p className="muted">{texts.visit.advantagesLoading}</p>}
      {advantages.status === 'failed' && (
        <p className="notice error" role="alert">
          {texts.visit.advantagesFailed} {errorText(advantages.error)}
        </p>
      )}
      {advantages.status === 'ready' && advantages.value.length === 0 && <p className="muted">{texts.visit.advantagesNone}</p>}
      {advantages.status === 'ready' && advantages.value.length > 0 && (
        <ul className="plain advantage-list">
          {advantages.value.map((advantage) => {
            const key = advantageKey(advantage);
            const outcome = visit.outcomes.cashIn[key];
            const busy = outcome?.step === 'sending' || outcome?.step === 'unknown';
            const why = advantage.cashInState && advantage.cashInState !== 'POSSIBLE' ? (texts.visit.cashInStates[advantage.cashInState] ?? advantage.cashInState) : '';
            return (
              <li key={key} className="advantage" data-testid="advantage" data-key={key}>
                <div className="activity-what">
                  <strong>{advantage.title}</strong>
                  {advantage.kind === 'welcome' && <span className="tag">{texts.visit.welcome}</span>}
                  <span className="muted">{advantageFacts(advantage)}</span>
                </div>
                <div className="activity-price">
                  {advantage.exchangeable ? (
                    <button type="button" disabled={busy} onClick={() => void store.visit.cashInAsked(key)}>
                      {texts.visit.exchange}
                    </button>
                  ) : (
                    why && <span className="muted">{why}</span>
                  )}
                </div>
                <WriteOutcome
                  action="cashIn"
                  outcome={outcome}
                  done={({ title, balance }) => `${texts.visit.exchanged(title)} ${balance === null ? texts.visit.balanceNotRead : texts.visit.balanceAfter(balance)}`}
                  onLookUp={() => void store.visit.cashInLookedUp(key)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
