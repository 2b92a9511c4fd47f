/**
 * Whether only an administrator could have written the policy: the file and its folder. On POSIX the
 * owner must be root (or another trusted uid: the browser host's own user) and nobody else may write
 * (no write bit for others; for the group only when it is root's group). On Windows the owner must be
 * Administrators, SYSTEM or TrustedInstaller, and no access entry may give anyone else a right that
 * changes the file or, on the folder, adds or replaces one: C:\ProgramData lets every user create
 * folders and files (BUILTIN\Users: CreateFiles/AppendData, inherited by new subfolders), so a folder made
 * there without the installer's rights, or a file a user put there, is refused.
 */
import { stat } from 'node:fs/promises';
import type { PolicyProblemKind } from './policy';

export type AccessProblem = Extract<PolicyProblemKind, 'writable-by-others' | 'not-admin-owner'>;
export type AccessCheck = (paths: readonly string[]) => Promise<{ path: string; problem: AccessProblem } | null>;

export interface PosixOwnership {
  uid: number;
  gid: number;
  mode: number;
}

export function posixAccessProblem(stats: PosixOwnership, trustedUids: readonly number[]): AccessProblem | null {
  if (!trustedUids.includes(stats.uid)) return 'not-admin-owner';
  if (stats.mode & 0o002) return 'writable-by-others';
  if (stats.mode & 0o020 && stats.gid !== 0) return 'writable-by-others';
  return null;
}

export function posixAccess(trustedUids: readonly number[] = [0]): AccessCheck {
  return async (paths) => {
    for (const path of paths) {
      const stats = await stat(path).catch(() => null);
      if (stats === null) continue;
      const problem = posixAccessProblem(stats, trustedUids);
      if (problem) return { path, problem };
    }
    return null;
  };
}

/** A file's owner and access list as windows-machine's fileSecurity reports them. */
export interface WindowsSecurity {
  owner: string;
  entries: { type: 'allow' | 'deny'; sid: string; mask: number; flags: number }[] | null;
}

/** Administrators, SYSTEM, TrustedInstaller (the well-known SIDs, learn.microsoft.com "Well-known SIDs"). */
export const windowsAdministratorSids: readonly string[] = ['S-1-5-32-544', 'S-1-5-18', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464'];

/**
 * Rights that let a trustee change the file, or add or replace one in a folder: FILE_WRITE_DATA/ADD_FILE 0x2,
 * FILE_APPEND_DATA/ADD_SUBDIRECTORY 0x4, FILE_DELETE_CHILD 0x40, DELETE 0x10000, WRITE_DAC 0x40000,
 * WRITE_OWNER 0x80000, GENERIC_ALL 0x10000000, GENERIC_WRITE 0x40000000 (winnt.h).
 */
const writeRights = 0x2 | 0x4 | 0x40 | 0x10000 | 0x40000 | 0x80000 | 0x10000000 | 0x40000000;
/** INHERIT_ONLY_ACE: the entry is only handed down to children, it does not apply here. */
const inheritOnly = 0x8;

export function windowsAccessProblem(security: WindowsSecurity): AccessProblem | null {
  if (!windowsAdministratorSids.includes(security.owner)) return 'not-admin-owner';
  // No DACL at all grants everyone every right.
  if (security.entries === null) return 'writable-by-others';
  const writers = security.entries.filter((entry) => entry.type === 'allow' && (entry.flags & inheritOnly) === 0 && (entry.mask & writeRights) !== 0);
  return writers.some((entry) => !windowsAdministratorSids.includes(entry.sid)) ? 'writable-by-others' : null;
}

export function windowsAccess(fileSecurity: (path: string) => WindowsSecurity): AccessCheck {
  return (paths) => {
    for (const path of paths) {
      let security: WindowsSecurity;
      try {
        security = fileSecurity(path);
      } catch {
        // A path that does not exist has nothing to check (the file's absence is seen by the reader).
        continue;
      }
      const problem = windowsAccessProblem(security);
      if (problem) return Promise.resolve({ path, problem });
    }
    return Promise.resolve(null);
  };
}
