import { FollowUpNotices } from '../components/FollowUpNotices';
import { useApp } from '../context';
import { formatAmount, formatUitpasNumber } from '../format/numbers';
import type { Screen } from '../store';
import { texts } from '../texts';

/** Done: what happened, and what to do at the desk now (collect the price, hand over the card). */
export function RegisteredScreen({ screen }: { screen: Extract<Screen, { name: 'registered' }> }) {
  const { store } = useApp();
  return (
    <main className="narrow">
      <section className="panel" aria-labelledby="done-title">
        <h2 id="done-title">{texts.register.done}</h2>
        {screen.settled && <p className="notice info">{texts.errors.lookedUpFound}</p>}
        <p className="notice ok" role="status" data-testid="registered">
          {texts.register.doneText(screen.who, formatUitpasNumber(screen.uitpasNumber))}
        </p>
        <p className="collect" data-testid="collect">
          <strong>{screen.price && Number(screen.price) > 0 ? texts.register.collect(formatAmount(screen.price)) : texts.register.nothingToCollect}</strong> {texts.register.handOver}
        </p>
        <p>{screen.verified ? texts.register.doneVerified : texts.register.doneNotVerified}</p>
        {screen.followUps && <FollowUpNotices followUps={screen.followUps} />}
        <button type="button" className="primary" autoFocus onClick={() => store.show({ name: 'home' })}>
          {texts.register.another}
        </button>
      </section>
    </main>
  );
}
