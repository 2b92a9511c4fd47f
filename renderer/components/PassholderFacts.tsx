import type { Passholder } from '../../electron/ipc/contract';
import { optInNames } from '../../electron/rules/passholder-rules';
import { isKansenStatuutExpired } from '../../electron/rules/fields';
import type { CardAfter } from '../flows/cards-after';
import { formatDate } from '../format/date';
import { formatInsz, formatPoints, formatUitpasNumber } from '../format/numbers';
import { texts } from '../texts';
import { Photo } from './Photo';

/**
 * What the counter needs to see of a pass holder: the stored photo, identity, contact, opt-ins, remarks, points (unless the visit
 * shows the balance), cards with their status (and a way to block each), cards no longer in use after a new one (with what UiTPAS says
 * of them now), and per card system the kansenstatuut (ended, in its grace period, suspended) and the pass holder's
 * own status there.
 */
export function PassholderFacts({
  holder,
  onBlock,
  formerCards = [],
  balanceInVisit = false,
}: {
  holder: Passholder;
  onBlock?: { may: (systemId: string) => boolean; block: (uitpasNumber: string) => void };
  formerCards?: readonly CardAfter[];
  /** The visit beside shows the balance and keeps it current after each check-in and cash-in: no second, stale count here. */
  balanceInVisit?: boolean;
}) {
  const today = new Date();
  const contact = [holder.email, holder.telephone, holder.gsm].filter(Boolean).join(' · ');
  const optIns = holder.optInPreferences;
  const chosen = optIns ? optInNames.filter((name) => optIns[name]).map((name) => texts.fields[name] ?? name) : [];
  return (
    <>
      {holder.picture && (
        <Photo className="holder-photo" jpegBase64={holder.picture} alt={texts.record.photoAlt(holder.firstName)} testId="holder-photo" />
      )}
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
        <dt>{texts.record.optIns}</dt>
        <dd data-testid="holder-opt-ins">{!optIns ? texts.record.optInsUnknown : chosen.length ? chosen.join(', ') : texts.record.optInsNone}</dd>
        {holder.moreInfo && (
          <>
            <dt>{texts.record.remarks}</dt>
            <dd className="remarks" data-testid="remarks">
              {holder.moreInfo}
            </dd>
          </>
        )}
        {!balanceInVisit && (
          <>
            <dt>{texts.passholder.points}</dt>
            <dd data-testid="points">{formatPoints(holder.points)}</dd>
          </>
        )}
        <dt>{texts.passholder.cards}</dt>
        <dd>
          <ul className="plain cards" data-testid="cards">
            {holder.cardSystems.map((system) => {
              const card = system.currentCard;
              const expired = system.kansenStatuut && (system.kansenStatuutExpired || isKansenStatuutExpired(system.kansenStatuutEndDate, today));
              const end = formatDate(system.kansenStatuutEndDate);
              return (
                <li key={system.id} data-card-system={system.id}>
                  <strong>{system.name}</strong>
                  {texts.colon}
                  {card ? formatUitpasNumber(card.uitpasNumber) : texts.passholder.noCard}
                  {card?.kansenpas && <span className="tag">{texts.passholder.kansenpas}</span>}
                  {card && <span className={`tag status-${card.status.toLowerCase()}`}>{texts.passholder.cardState[card.status] ?? card.status.toLowerCase()}</span>}
                  {system.kansenStatuut && system.kansenStatuutEndDate && (
                    <span className={expired && !system.kansenStatuutInGracePeriod ? 'tag expired' : 'tag'} data-testid="kansenstatuut">
                      {system.kansenStatuutInGracePeriod
                        ? texts.record.kansenStatuutGrace(end)
                        : expired
                          ? texts.passholder.kansenStatuutExpired(end)
                          : texts.passholder.kansenStatuutUntil(end)}
                    </span>
                  )}
                  {system.kansenStatuutSuspendedUntil && (
                    <span className="tag expired" data-testid="suspended">
                      {texts.record.suspendedUntil(formatDate(system.kansenStatuutSuspendedUntil))}
                    </span>
                  )}
                  {system.status && (
                    <span className={`tag status-${system.status.toLowerCase()}`} data-testid="system-status">
                      {texts.record.systemStatus(texts.passholder.cardState[system.status] ?? system.status.toLowerCase())}
                    </span>
                  )}
                  {card?.status === 'ACTIVE' && onBlock?.may(system.id) && (
                    <button type="button" className="link" onClick={() => onBlock.block(card.uitpasNumber)} aria-label={texts.record.blockCard(formatUitpasNumber(card.uitpasNumber))}>
                      {texts.record.block}
                    </button>
                  )}
                </li>
              );
            })}
            {formerCards.map((card) => (
              <li key={card.number} data-testid="former-card">
                <strong>{card.systemName}</strong>
                {texts.colon}
                {formatUitpasNumber(card.number)}
                {card.status && <span className={`tag status-${card.status.toLowerCase()}`}>{texts.passholder.cardState[card.status] ?? card.status.toLowerCase()}</span>}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}
