import type { Screen } from '../store';
import { texts } from '../texts';
import { OptInsRetry } from './OptInsRetry';

type FollowUps = NonNullable<Extract<Screen, { name: 'registered' }>['followUps']>;

/**
 * What became of the calls after a registration (SX PassHolderService::register: opt-ins, then the photo).
 * The registration stands either way.
 */
export function FollowUpNotices({ followUps }: { followUps: FollowUps }) {
  return (
    <div aria-live="polite" data-testid="follow-ups">
      {followUps.picture === 'stored' && <p className="notice ok">{texts.record.photoStored}</p>}
      {followUps.picture === 'failed' && <p className="notice warn">{texts.record.photoFailed}</p>}
      {followUps.optIns === 'failed' && <OptInsRetry retry={followUps.retry} after="register" />}
    </div>
  );
}
