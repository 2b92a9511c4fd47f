import { useState } from 'react';
import type { OptInRetry } from '../../electron/ipc/contract';
import { useApp } from '../context';
import { texts } from '../texts';

/**
 * The opt-ins sent after a register or an update did not arrive; the write itself stands. The same choices can be
 * sent once more, never by writing again.
 */
export function OptInsRetry({ retry: sent, after }: { retry: OptInRetry; after: 'register' | 'update' }) {
  const { api, store } = useApp();
  const [retry, setRetry] = useState<'offered' | 'busy' | 'stored' | 'failed'>('offered');
  const sendAgain = async () => {
    setRetry('busy');
    const result = await store.track(api.setOptInPreferences(sent));
    setRetry(result.ok ? 'stored' : 'failed');
  };
  if (retry === 'stored') return <p className="notice ok">{texts.record.optInsSaved}</p>;
  return (
    <div className="notice warn" data-testid="opt-ins-failed">
      <p>{retry === 'failed' ? texts.record.retryFailed : after === 'register' ? texts.record.optInsFailed : texts.record.optInsFailedAfterUpdate}</p>
      {retry !== 'failed' && (
        <button type="button" disabled={retry === 'busy'} onClick={() => void sendAgain()}>
          {retry === 'busy' ? texts.busy : texts.record.retryOptIns}
        </button>
      )}
    </div>
  );
}
