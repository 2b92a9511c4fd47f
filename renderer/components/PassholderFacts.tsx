import type { Passholder } from '../../electron/ipc/contract';
import { isKansenStatuutExpired } from '../../electron/rules/fields';
import type { CardAfter } from '../flows/cards-after';
import { formatDate } from '../format/date';
import { formatInsz, formatPoints, formatUitpasNumber } from '../format/numbers';
import { texts } from '../texts';

/** What the counter needs to see of a pass holder: identity, contact, cards with their status, kansenstatuut per card system, points. */
export function PassholderFacts({ holder, formerCards = [] }: { holder: Passholder; formerCards?: readonly CardAfter[] }) {
  const today = new Date();
  const contact = [holder.email, holder.telephone, holder.gsm].filter(Boolean).join(' · ');
  return (
    <>
      {holder.blocked && (
        <p className="notice error" data-testid="holder-blocked">
          {texts.passholder.blocked}
        </p>
      )}
      <dl className="facts">
        <dt>{texts.fields.inszNumber}</dt>
        <dd>{holder.inszNumber ? formatInsz(holder.inszNumber) : '—'}</dd>
        <dt>{texts.fields.dateOfBirth}</dt>
        <dd>{formatDate(holder.dateOfBirth) || '—'}</dd>
        <dt>{texts.register.address}</dt>
        <dd>{[holder.street, [holder.postalCode, holder.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{texts.passholder.contact}</dt>
        <dd data-testid="contact">{contact || '—'}</dd>
        <dt>{texts.passholder.points}</dt>
        <dd data-testid="points">{formatPoints(holder.points)}</dd>
        <dt>{texts.passholder.cards}</dt>
        <dd>
          <ul className="plain cards" data-testid="cards">
            {holder.cardSystems.map((system) => {
              const card = system.currentCard;
              const expired = system.kansenStatuut && (system.kansenStatuutExpired || isKansenStatuutExpired(system.kansenStatuutEndDate, today));
              return (
                <li key={system.id} data-card-system={system.id}>
                  <strong>{system.name}</strong>: {card ? formatUitpasNumber(card.uitpasNumber) : texts.passholder.noCard}
                  {card?.kansenpas && <span className="tag">{texts.passholder.kansenpas}</span>}
                  {card && <span className={`tag status-${card.status.toLowerCase()}`}>{texts.passholder.cardState[card.status] ?? card.status.toLowerCase()}</span>}
                  {system.kansenStatuut && system.kansenStatuutEndDate && (
                    <span className={expired ? 'tag expired' : 'tag'} data-testid="kansenstatuut">
                      {expired ? texts.passholder.kansenStatuutExpired(formatDate(system.kansenStatuutEndDate)) : texts.passholder.kansenStatuutUntil(formatDate(system.kansenStatuutEndDate))}
                    </span>
                  )}
                </li>
              );
            })}
            {formerCards.map((card) => (
              <li key={card.number} data-testid="former-card">
                <strong>{card.systemName}</strong>: {formatUitpasNumber(card.number)}
                {card.status && <span className={`tag status-${card.status.toLowerCase()}`}>{texts.passholder.cardState[card.status] ?? card.status.toLowerCase()}</span>}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}
