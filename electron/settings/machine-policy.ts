/**
 * The policy source of this machine, per OS: on Windows the Group Policy registry key over the file in the
 * ProgramData known folder, its access list checked; on macOS a configuration profile over the file; on
 * Linux the file; the file's owner and write rights checked on both. `root` (the browser host, tests)
 * puts the machine places under a folder of its own, where the running user also counts as an owner.
 */
import { managedPreferencesFile, managedPreferencesOrigin, registryOrigin } from './machine-sources';
import { posixAccess, windowsAccess } from './policy-access';
import { PolicySource, policyFile } from './policy-source';
import { localMachineRegistry, windowsMachine } from './windows-natives';

export const appBundleId = 'be.uitpas.balie';

export function machinePolicySource(platform: string, root?: string): PolicySource {
  if (platform === 'win32' && root === undefined) {
    const machine = windowsMachine();
    return new PolicySource(policyFile(platform, undefined, machine.programDataFolder()), undefined, {
      before: [registryOrigin(localMachineRegistry())],
      access: windowsAccess(machine.fileSecurity),
    });
  }
  const trusted = root === undefined ? [0] : [0, process.getuid?.() ?? 0];
  const access = platform === 'win32' ? undefined : posixAccess(trusted);
  const before = platform === 'darwin' ? [managedPreferencesOrigin(managedPreferencesFile(appBundleId, root))] : [];
  return new PolicySource(policyFile(platform, root), undefined, { before, access });
}
