import { useEffect, useRef } from 'react';
import { FollowUpNotices } from '../components/FollowUpNotices';
import { useApp } from '../context';
import { focusElement } from '../flows/focus';
import { formatDate } from '../format/date';
import { formatAmount, formatUitpasNumber } from '../format/numbers';
import type { Screen } from '../store';
import { texts } from '../texts';

/**
 * Done: what happened, and what to do at the desk now (collect the price, hand over the card).
 * The focus is on the message, not on *Volgende klant*: a scanner's or a double Enter must not
 * close it before the staff member has read what to collect.
 */
export function RegisteredScreen({ screen }: { screen: Extract<Screen, { name: 'registered' }> }) {
  const { store } = useApp();
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => focusElement(message.current), []);
  return (
    <main className="narrow">
      <section className="panel" aria-labelledby="done-title">
        <h2 id="done-title">{texts.register.done}</h2>
        {screen.settled && <p className="notice info">{texts.errors.lookedUpFound}</p>}
        <div ref={message} className="done-message" data-testid="done-message">
          <p className="notice ok" role="status" data-testid="registered">
            {texts.register.doneText(screen.who, formatUitpasNumber(screen.uitpasNumber))}
          </p>
          <p className="collect" data-testid="collect">
            <strong>{screen.price && Number(screen.price) > 0 ? texts.register.collect(formatAmount(screen.price)) : texts.register.nothingToCollect}</strong> {texts.register.handOver}
          </p>
          <p data-testid="done-kansenstatuut">
            {screen.kansenStatuutEndDate ? texts.register.doneKansenStatuut(formatDate(screen.kansenStatuutEndDate)) : texts.register.doneNoKansenStatuut}
          </p>
          <p>{screen.verified ? texts.register.doneVerified : texts.register.doneNotVerified}</p>
        </div>
        {screen.followUps && <FollowUpNotices followUps={screen.followUps} />}
        <button type="button" className="primary" onClick={() => store.show({ name: 'home' })}>
          {texts.register.another}
        </button>
      </section>
    </main>
  );
}
