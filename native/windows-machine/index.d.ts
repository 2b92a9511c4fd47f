/** One entry of a file's access list (DACL), as Windows keeps it. */
export interface AccessEntry {
  type: 'allow' | 'deny';
  /** The trustee as a string SID (S-1-5-32-544 is Administrators). */
  sid: string;
  /** The access mask (FILE_WRITE_DATA 0x2, GENERIC_WRITE 0x40000000, …). */
  mask: number;
  /** The ACE flags (INHERIT_ONLY_ACE 0x8: it does not apply to this object itself). */
  flags: number;
}

export interface FileSecurity {
  owner: string;
  /** null: the file has no DACL at all, which grants everyone everything. */
  entries: AccessEntry[] | null;
}

/** SHGetKnownFolderPath(FOLDERID_ProgramData): the machine's, whatever the user's environment says. */
export function programDataFolder(): string;
/** GetNamedSecurityInfoW: owner and DACL; throws with the Win32 error for a missing file. */
export function fileSecurity(path: string): FileSecurity;
/** The user is a member of Administrators (elevated now, or able to elevate under UAC). */
export function userIsAdministrator(): boolean;
