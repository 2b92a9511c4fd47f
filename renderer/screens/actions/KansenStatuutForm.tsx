import { useState } from 'react';
import type { Passholder } from '../../../electron/ipc/contract';
import { isIsoDate, isKansenStatuutExpired, latestKansenStatuutEndDate, proposedKansenStatuutEndDate } from '../../../electron/rules/fields';
import { kansenStatuutExtensionError } from '../../../electron/rules/passholder-rules';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { formatDate } from '../../format/date';
import { findHolders } from '../../flows/look-up';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

/** Extending the kansenstatuut: proposed from the current end date and the rules; a past or shorter date is refused. */
export function KansenStatuutForm({ holder, systems, onDone }: { holder: Passholder; systems: Passholder['cardSystems']; onDone: (endDate: string) => void }) {
  const { api } = useApp();
  const { busy, failure, run, fieldError } = useAction();
  const [systemId, setSystemId] = useState(systems[0]?.id ?? '');
  const current = systems.find((system) => system.id === systemId);
  const [endDate, setEndDate] = useState(() => proposedKansenStatuutEndDate(current?.kansenStatuutEndDate, new Date()));
  const [touched, setTouched] = useState(false);
  const [tried, setTried] = useState(false);
  const today = new Date();
  const problem = kansenStatuutExtensionError(endDate, current?.kansenStatuutEndDate, today);
  const currentEnd = current?.kansenStatuutEndDate;
  const expired = current ? current.kansenStatuutExpired || isKansenStatuutExpired(currentEnd, today) : false;
  const inGracePeriod = current ? current.kansenStatuutInGracePeriod : false;
  // Not later than the current end: say which end, so the staff see what to beat.
  const shown = problem === 'end-date-not-later' && currentEnd ? { text: texts.passholder.notLaterThan(formatDate(currentEnd)) } : problem;
  // The proposal says what it is: a year later, or the latest date UiTPAS allows when a year later would be past it.
  const latest = latestKansenStatuutEndDate(today);
  // Counted from the current end, or from today once that has passed (proposedKansenStatuutEndDate): the words name which.
  const proposal = endDate === latest ? texts.passholder.proposedLatest(formatDate(latest)) : expired || !currentEnd ? texts.passholder.proposedYearFromToday(formatDate(endDate)) : texts.passholder.proposedYearLater(formatDate(endDate));
  return (
    <ActionForm
      title={texts.passholder.updateCardSystem}
      firstField="kansenStatuutEndDate"
      busy={busy}
      failure={failure}
      dirty={touched}
      settle={async () => {
        const found = (await findHolders(api, holder.inszNumber ?? '')).find((candidate) => candidate.uid === holder.uid);
        return found?.cardSystems.some((system) => system.id === systemId && system.kansenStatuutEndDate?.slice(0, 10) === endDate) ? found : null;
      }}
      onArrived={() => onDone(endDate)}
      onSubmit={() => {
        setTried(true);
        if (problem) return;
        void run(() => api.updateCardSystemData({ uid: holder.uid, cardSystemId: systemId, kansenStatuutEndDate: endDate }), () => onDone(endDate));
      }}
    >
      <div className="row">
        {systems.length > 1 && (
          <Field
            name="cardSystem"
            value={systemId}
            onChange={(_name, value) => {
              setSystemId(value);
              if (!touched) setEndDate(proposedKansenStatuutEndDate(systems.find((system) => system.id === value)?.kansenStatuutEndDate, new Date()));
            }}
            options={Object.fromEntries(systems.map((system) => [system.id, system.name]))}
          />
        )}
        <Field
          name="kansenStatuutEndDate"
          value={endDate}
          onChange={(_name, value) => {
            setEndDate(value);
            setTouched(true);
          }}
          type="date"
          required
          hint={[currentEnd ? currentEndText(currentEnd, expired, inGracePeriod) : '', touched ? '' : proposal].filter(Boolean).join(' ')}
          error={fieldError('kansenStatuutEndDate') ?? (tried || isIsoDate(endDate) ? shown : undefined)}
        />
      </div>
    </ActionForm>
  );
}

/** Where the current kansenstatuut stands: running, ended, or ended but still honoured for a grace period whose end UiTPAS does not give. */
function currentEndText(currentEnd: string, expired: boolean, inGracePeriod: boolean): string {
  const date = formatDate(currentEnd);
  if (inGracePeriod) return texts.passholder.currentEndGrace(date);
  return expired ? texts.passholder.currentEndExpired(date) : texts.passholder.currentEnd(date);
}
