import { useEffect, useRef } from 'react';
import { VisitPanels, VisitSidePanel } from '../components/visit/VisitPanels';
import { useApp } from '../context';
import { focusElement } from '../flows/focus';
import { formatDate } from '../format/date';
import { formatUitpasNumber } from '../format/numbers';
import type { Screen } from '../store';
import { texts } from '../texts';

/**
 * A group pass, as uitpas/retrieve gives it (DOC entiteiten/grouppass-entiteit.md): the association's name,
 * the end of its kansenstatuut, tickets per year and those left at the social tariff, and its card.
 */
export function GroupPassScreen({ screen }: { screen: Extract<Screen, { name: 'groupPass' }> }) {
  const { store } = useApp();
  const visit = store((state) => state.visit);
  const heading = useRef<HTMLHeadingElement>(null);
  const { groupPass, card } = screen;
  useEffect(() => focusElement(heading.current), [screen.opened]);
  const facts: [string, string][] = [
    [texts.groupPass.endDate, formatDate(groupPass.endDate) || '—'],
    [texts.groupPass.ticketsPerYear, groupPass.ticketsPerYear ?? '—'],
    // Read again after a sale at kansentarief (the visit's subject), else as the scan found it.
    [texts.groupPass.ticketsLeft, (visit?.subject.kind === 'groupPass' && visit.subject.availableTickets !== null ? String(visit.subject.availableTickets) : groupPass.availableTickets) ?? '—'],
  ];
  if (card) facts.push([texts.groupPass.card, `${formatUitpasNumber(card.uitpasNumber)} · ${card.cardSystem.name}${card.kansenpas ? ` · ${texts.groupPass.kansenpas}` : ''}`]);
  return (
    <main className="narrow group-visit">
      <section className="panel" aria-labelledby="group-title">
        <p className="hint">{texts.groupPass.title}</p>
        <h2 id="group-title" ref={heading} tabIndex={-1}>
          {groupPass.name}
        </h2>
        <dl className="facts" data-testid="group-pass">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="primary" onClick={() => void store.go({ name: 'home' })}>
          {texts.groupPass.back}
        </button>
      </section>
      <VisitPanels />
      <VisitSidePanel />
    </main>
  );
}
