/**
 * The Windows-only native parts, loaded only on Windows (on other OSes the addons are built empty):
 * registry-js (GitHub Desktop's registry reader) for the Group Policy key, and windows-machine for the
 * ProgramData known folder, a file's owner and access list, and whether the user is an administrator.
 * Thin and typed: what their answers mean is decided in machine-sources.ts and policy-access.ts.
 */
import { createRequire } from 'node:module';
import type * as RegistryJs from 'registry-js';
import type * as WindowsMachine from 'windows-machine';
import type { RegistryRead } from './machine-sources';

const load = createRequire(__filename);

export function windowsMachine(): typeof WindowsMachine {
  return load('windows-machine') as typeof WindowsMachine;
}

/** HKEY_LOCAL_MACHINE through registry-js; a key it cannot open reads as empty. */
export function localMachineRegistry(): RegistryRead {
  const registry = load('registry-js') as typeof RegistryJs;
  return (subkey) =>
    registry.enumerateValuesSafe(registry.HKEY.HKEY_LOCAL_MACHINE, subkey).map((value) => ({ name: value.name, type: value.type, data: value.data }));
}
