import { useState } from 'react';
import type { OptInPreferences, Passholder } from '../../../electron/ipc/contract';
import { optInNames, optInsAllowed } from '../../../electron/rules/passholder-rules';
import { Check } from '../../components/OptInFields';
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
  const dirty = optInNames.some((name) => chosen[name] !== initial[name]);
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
        return found && optInNames.every((name) => found.optInPreferences?.[name] === chosen[name]) ? found : null;
      }}
      onArrived={(found) => onDone(found.optInPreferences ?? chosen)}
      onSubmit={() =>
        void run(() => api.setOptInPreferences({ uid: holder.uid, uitpasNumber: card, preferences: chosen }), onDone)
      }
    >
      {!mayOptIn && <p className="hint">{holder.dateOfBirth ? texts.register.optInsUnder16 : texts.register.optInsNoAge}</p>}
      <div className="row" data-testid="opt-ins-form">
        {optInNames.map((name) => (
          <Check key={name} name={name} checked={mayOptIn && chosen[name]} disabled={!mayOptIn} onChange={(checked) => setChosen((current) => ({ ...current, [name]: checked }))} />
        ))}
      </div>
    </ActionForm>
  );
}
