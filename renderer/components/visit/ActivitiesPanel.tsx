import { useState } from 'react';
import { activityDateTypes, type Activity, type ActivityDateType } from '../../../electron/ipc/contract';
import { useApp } from '../../context';
import { activitiesPerPage, type VisitState } from '../../flows/visit/visit-slice';
import { checkinText, offerText, whenText, whereText } from '../../flows/visit/visit-words';
import { formatCents } from '../../format/numbers';
import { errorText, texts } from '../../texts';
import { DateInput } from '../DateInput';
import { SaleChoicePanel } from './SaleChoicePanel';
import { WriteOutcome } from './WriteOutcome';

/** The ranges the real counter offers; a group pass has neither "Onbeperkt" nor "Kies datum" there (reference §1.1), here it has both. */
const ranges: readonly ActivityDateType[] = activityDateTypes;

/**
 * The balie's activities for this card (A1), today first: a range, a text search and paging, and per activity
 * when and where, the check-in column with "Punten sparen" and the price with "Tarief toekennen"
 * (/work/shared/reference/counter-day.md §1.4–1.5, §10).
 */
export function ActivitiesPanel({ visit }: { visit: VisitState }) {
  const { store } = useApp();
  const [q, setQ] = useState(visit.query.q);
  const [day, setDay] = useState(visit.query.date ?? '');
  const { query, activities } = visit;
  const groupPass = visit.subject.kind === 'groupPass';
  const total = activities.status === 'ready' ? activities.value.total : 0;
  const first = (query.page - 1) * activitiesPerPage + 1;
  return (
    <section className="panel visit-activities" aria-labelledby="activities-title" data-testid="activities">
      <h2 id="activities-title">{texts.visit.activities}</h2>
      {groupPass && <p className="hint">{texts.visit.groupNote}</p>}
      <div className="visit-search">
        <label className="inline-label">
          <span className="sr-only">{texts.visit.range}</span>
          <select
            name="datetype"
            value={query.datetype}
            onChange={(event) => {
              store.visit.rangeChanged(event.target.value as ActivityDateType, day);
            }}
          >
            {ranges.map((range) => (
              <option key={range} value={range}>
                {texts.visit.ranges[range]}
              </option>
            ))}
          </select>
        </label>
        {query.datetype === 'day' && (
          <label className="inline-label">
            <span className="sr-only">{texts.visit.day}</span>
            <DateInput
              name="activity-day"
              value={day}
              size={10}
              onValue={(value) => {
                setDay(value);
                store.visit.rangeChanged('day', value);
              }}
            />
          </label>
        )}
        <form
          className="inline"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            store.visit.textSearched(q);
          }}
        >
          <input name="activity-q" type="search" aria-label={texts.visit.search} placeholder={texts.visit.search} value={q} onChange={(event) => setQ(event.target.value)} />
          <button type="submit">{texts.visit.searchButton}</button>
        </form>
      </div>
      <div aria-live="polite" aria-busy={activities.status === 'loading'}>
        {activities.status === 'loading' && <p className="muted">{texts.visit.loading}</p>}
        {activities.status === 'failed' && (
          <div className="notice error" role="alert">
            {texts.visit.failed} {errorText(activities.error)}
            <div className="actions">
              <button type="button" onClick={() => store.visit.pageChanged(query.page)}>
                {texts.visit.retry}
              </button>
            </div>
          </div>
        )}
        {activities.status === 'ready' && activities.value.activities.length === 0 && <p className="muted">{texts.visit.none}</p>}
      </div>
      {activities.status === 'ready' && activities.value.activities.length > 0 && (
        <ul className="plain activity-list">
          {activities.value.activities.map((activity) => (
            <ActivityRow key={activity.cdbid} activity={activity} visit={visit} />
          ))}
        </ul>
      )}
      {total > activitiesPerPage && (
        <nav className="actions paging" aria-label={texts.visit.activities}>
          <button type="button" disabled={query.page <= 1 || activities.status === 'loading'} onClick={() => store.visit.pageChanged(query.page - 1)}>
            {texts.visit.previous}
          </button>
          <span className="muted">{texts.visit.shown(first, Math.min(first + activitiesPerPage - 1, total), total)}</span>
          <button type="button" disabled={first + activitiesPerPage > total || activities.status === 'loading'} onClick={() => store.visit.pageChanged(query.page + 1)}>
            {texts.visit.next}
          </button>
        </nav>
      )}
    </section>
  );
}

function ActivityRow({ activity, visit }: { activity: Activity; visit: VisitState }) {
  const { store } = useApp();
  const groupPass = visit.subject.kind === 'groupPass';
  const checkin = checkinText(activity);
  const offer = offerText(activity, groupPass);
  const checkinOutcome = visit.outcomes.checkin[activity.cdbid];
  const saleOutcome = visit.outcomes.sale[activity.cdbid];
  // After a lost answer nothing is offered again until the look-up has settled it.
  const checkinBlocked = checkinOutcome?.step === 'sending' || checkinOutcome?.step === 'unknown';
  const saleBlocked = saleOutcome?.step === 'sending' || saleOutcome?.step === 'unknown';
  const choosing = visit.choice?.cdbid === activity.cdbid;
  const where = whereText(activity);
  return (
    <li className={groupPass ? 'activity group' : 'activity'} data-testid="activity" data-cdbid={activity.cdbid}>
      <div className="activity-what">
        <strong>{activity.title}</strong>
        <span className="muted">{[whenText(activity), where].filter(Boolean).join(' · ')}</span>
      </div>
      {!groupPass && (
        <div className="activity-checkin" data-testid="checkin">
          <span className={activity.checkin.state === 'saved' ? 'done-mark' : ''}>{checkin.text}</span>
          {checkin.canSave && (
            <button type="button" className="primary" disabled={checkinBlocked} onClick={() => void store.visit.checkinRequested(activity.cdbid)}>
              {texts.visit.saveButton}
            </button>
          )}
        </div>
      )}
      <div className="activity-price" data-testid="price-offer">
        <span>{offer.text}</span>
        {offer.action && !choosing && (
          <button type="button" disabled={saleBlocked} onClick={() => void store.visit.saleRequested(activity.cdbid)}>
            {offer.action === 'sell' ? texts.visit.sellButton : texts.visit.chooseButton}
          </button>
        )}
      </div>
      <WriteOutcome
        action="checkin"
        outcome={checkinOutcome}
        done={({ earned, balance }) => texts.visit.checkedIn(earned, balance)}
        onLookUp={() => void store.visit.checkinLookedUp(activity.cdbid)}
      />
      <WriteOutcome
        action="sale"
        outcome={saleOutcome}
        done={({ collectCents, persons }) =>
          groupPass ? texts.visit.soldGroup(persons, formatCents(collectCents)) : collectCents > 0 ? texts.visit.sold(formatCents(collectCents)) : texts.visit.soldFree
        }
        onLookUp={() => void store.visit.saleLookedUp(activity.cdbid)}
      />
      {choosing && visit.choice && <SaleChoicePanel activity={activity} choice={visit.choice} visit={visit} />}
    </li>
  );
}
