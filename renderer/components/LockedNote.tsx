import type { PolicyKey, SessionView } from '../../electron/ipc/contract';
import { texts } from '../texts';

/** A setting IT set in the machine's policy: staff see it, cannot change it, and are told who decided. */
export function lockedByPolicy(session: SessionView | undefined, key: PolicyKey): boolean {
  return session?.sources[key] === 'policy';
}

export function LockedNote({ session, setting }: { session: SessionView | undefined; setting: PolicyKey }) {
  return lockedByPolicy(session, setting) ? <span className="locked-note">({texts.settings.locked})</span> : null;
}
