/**
 * How this copy was installed, from what each installer leaves behind (electron-builder 26): NSIS puts
 * `Uninstall <productName>.exe` beside the app and the MSI does not; a per-machine install lives in a
 * folder only administrators may change (checked with the same access rule as the policy); the AppImage
 * runtime sets APPIMAGE; the deb installs under /opt. Pure: the caller hands in what it found.
 */
import type { InstallerKind } from './update-plan';

export interface InstallFacts {
  platform: string;
  packaged: boolean;
  /** `Uninstall <productName>.exe` exists beside the executable (Windows). */
  hasNsisUninstaller: boolean;
  /** Only administrators may write the install folder (Windows). */
  folderAdminOnly: boolean;
  appImage: string | undefined;
}

export function installerKind(facts: InstallFacts): InstallerKind {
  if (!facts.packaged) return 'unpacked';
  if (facts.platform === 'win32') {
    if (!facts.hasNsisUninstaller) return 'msi';
    return facts.folderAdminOnly ? 'nsis-per-machine' : 'nsis-per-user';
  }
  if (facts.platform === 'darwin') return 'dmg';
  return facts.appImage ? 'appimage' : 'deb';
}
