/**
 * Paths as the support report shows them: the user's home folder (which carries the user name, e.g.
 * C:\Users\jan.peeters) written as `~`, so a report pasted into a ticket names no member of staff.
 */
import { homedir } from 'node:os';

/** Windows compares paths without case (C:\Users\Jan is c:\users\jan); macOS and Linux as written. */
export function withoutUserName(path: string, home: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  if (home === '' || home === '/') return path;
  const lowerPath = platform === 'win32' ? path.toLowerCase() : path;
  const lowerHome = platform === 'win32' ? home.toLowerCase() : home;
  if (lowerPath === lowerHome) return '~';
  const next = path.charAt(home.length);
  return lowerPath.startsWith(lowerHome) && (next === '/' || next === '\\') ? `~${path.slice(home.length)}` : path;
}
