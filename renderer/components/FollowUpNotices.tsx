import { useState } from 'react';
import { useApp } from '../context';
import type { Screen } from '../store';
import { texts } from '../texts';

type FollowUps = NonNullable<Extract<Screen, { name: 'registered' }>['followUps']>;

/**
 * What became of the calls after a registration (SX PassHolderService::register: opt-ins, then the photo).
 * The registration stands either way; failed opt-ins can be sent once more with the choices kept, never by
 * registering again.
 */
export function FollowUpNotices({ followUps }: { followUps: FollowUps }) {
  const { api, store } = useApp();
  const [retry, setRetry] = useState<'offered' | 'busy' | 'stored' | 'failed'>('offered');
  const sendAgain = async () => {
    setRetry('busy');
    const result = await store.track(api.setOptInPreferences(followUps.retry));
    setRetry(result.ok ? 'stored' : 'failed');
  };
  return (
    <div aria-live="polite" data-testid="follow-ups">
      {followUps.picture === 'stored' && <p className="notice ok">{texts.record.photoStored}</p>}
      {followUps.picture === 'failed' && <p className="notice warn">{texts.record.photoFailed}</p>}
      {followUps.optIns === 'failed' && retry !== 'stored' && (
        <div className="notice warn" data-testid="opt-ins-failed">
          <p>{retry === 'failed' ? texts.record.retryFailed : texts.record.optInsFailed}</p>
          {retry !== 'failed' && (
            <button type="button" disabled={retry === 'busy'} onClick={() => void sendAgain()}>
              {retry === 'busy' ? texts.busy : texts.record.retryOptIns}
            </button>
          )}
        </div>
      )}
      {retry === 'stored' && <p className="notice ok">{texts.record.optInsSaved}</p>}
    </div>
  );
}
