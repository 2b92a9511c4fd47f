import { useState } from 'react';
import type { OptInPreferences, Passholder } from '../../../electron/ipc/contract';
import { allowedOptIns, optInNames, optInReachable, optInsAllowed } from '../../../electron/rules/passholder-rules';
import { Check, OptInReach } from '../../components/OptInFields';
import { useApp } from '../../context';
import { findHolders } from '../../flows/look-up';
import { texts } from '../../texts';
import { ActionForm, useAction } from './ActionForm';

const none: OptInPreferences = { optInServiceMails: false, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: false };

/**
 * The five opt-ins as UiTPAS keeps them, changed with optinpreferences, as the real counter does after every
 * update (SX PassHolderService::update). Under 16 they stay off (main makes sure too).
 */
export function OptInsForm({ holder, onDone }: { holder: Passholder; onDone: (preferences: OptInPreferences) => void }) {
  const { api } = useApp();
  const { busy, failure, run } = useAction();
  const initial = holder.optInPreferences ?? none;
  const [chosen, setChosen] = useState<OptInPreferences>(initial);
  const mayOptIn = optInsAllowed(holder.dateOfBirth, new Date());
  // What can go: nothing under 16, no mails without an e-mail address, no SMS without a mobile number.
  const sent = allowedOptIns(chosen, holder.dateOfBirth, holder, new Date());
  const dirty = optInNames.some((name) => sent[name] !== initial[name]);
  const card = holder.cardSystems.find((own) => own.currentCard)?.currentCard?.uitpasNumber ?? '';
  return (
    <ActionForm
      title={texts.record.changeOptIns}
      firstField={optInNames[0]}
      busy={busy}
      failure={failure}
      dirty={dirty}
      settle={async () => {
        const found = (await findHolders(api, holder.inszNumber ?? card)).find((candidate) => candidate.uid === holder.uid);
        return found && optInNames.every((name) => found.optInPreferences?.[name] === sent[name]) ? found : null;
      }}
      onArrived={(found) => onDone(found.optInPreferences ?? sent)}
      onSubmit={() =>
        void run(() => api.setOptInPreferences({ uid: holder.uid, uitpasNumber: card, preferences: sent }), onDone)
      }
    >
      {!mayOptIn && <p className="hint">{holder.dateOfBirth ? texts.register.optInsUnder16 : texts.register.optInsNoAge}</p>}
      {mayOptIn && <OptInReach reach={holder} />}
      <div className="row" data-testid="opt-ins-form">
        {optInNames.map((name) => (
          <Check key={name} name={name} checked={sent[name]} disabled={!mayOptIn || !optInReachable(name, holder)} onChange={(checked) => setChosen((current) => ({ ...current, [name]: checked }))} />
        ))}
      </div>
    </ActionForm>
  );
}
