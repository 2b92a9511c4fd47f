/**
 * The policy's other sources, beside the JSON file: the registry key Group Policy and Intune write on
 * Windows, and the managed preferences a configuration profile installs on macOS. Both are turned into
 * the JSON file's shape (policy.ts checks all three with the one schema). The registry itself is read by
 * registry-js (windows-natives.ts), handed in here as a plain function so this runs anywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { policyKeys, policySchema, type PolicyDocument, type PolicyKey } from './policy';
import { documentOrigin, type PolicyOrigin } from './policy-source';
import { parsePlist, type PlistValue } from './plist';

/** The publisher's name under HKLM\SOFTWARE\Policies (the ADMX templates write the same key). */
export const registryPolicyKey = 'SOFTWARE\\Policies\\publiq\\UiTPAS Balie';
export const registryRecommendedKey = `${registryPolicyKey}\\Recommended`;

/** One value as registry-js's enumerateValues gives it. */
export interface RegistryValue {
  name: string;
  type: string;
  data: unknown;
}

/** Reads the values of a key under HKEY_LOCAL_MACHINE; an absent key has none. */
export type RegistryRead = (subkey: string) => readonly RegistryValue[];

/** A registry value as the schema's value: DWORD 0/1 for booleans, JSON text for objects, text for the rest. */
function fromRegistry(key: PolicyKey, value: RegistryValue): unknown {
  const form = policySchema[key].form;
  if (form === 'boolean') return value.type === 'REG_DWORD' ? value.data !== 0 : value.data;
  if (form === 'json' && typeof value.data === 'string') {
    try {
      return JSON.parse(value.data);
    } catch {
      return value.data;
    }
  }
  return value.data;
}

function registryObject(values: readonly RegistryValue[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const value of values) {
    // A value Group Policy leaves behind for "Not configured" is deleted, not emptied; the default value ("") is no key.
    if (value.name === '') continue;
    result[value.name] = (policyKeys as string[]).includes(value.name) ? fromRegistry(value.name as PolicyKey, value) : value.data;
  }
  return result;
}

export function registryDocument(read: RegistryRead): PolicyDocument | null {
  const mandatory = read(registryPolicyKey);
  const recommended = read(registryRecommendedKey);
  if (mandatory.length === 0 && recommended.length === 0) return null;
  return {
    origin: `HKLM\\${registryPolicyKey}`,
    mandatory: registryObject(mandatory),
    ...(recommended.length === 0 ? {} : { recommended: registryObject(recommended) }),
  };
}

export function registryOrigin(read: RegistryRead): PolicyOrigin {
  return documentOrigin(`HKLM\\${registryPolicyKey}`, () => Promise.resolve(registryDocument(read)));
}

/** Where macOS puts a configuration profile's settings for an app: root's, read-only for users. */
export function managedPreferencesFile(bundleId: string, root = '/'): string {
  return join(root, 'Library', 'Managed Preferences', `${bundleId}.plist`);
}

/** The profile's payload keys are the policy's keys; a `recommended` dictionary holds the defaults. */
export function managedPreferencesOrigin(file: string): PolicyOrigin {
  return {
    name: file,
    async read() {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        return { ok: false, problem: { file, key: null, problem: 'unreadable' } };
      }
      let value: PlistValue;
      try {
        value = parsePlist(bytes);
      } catch {
        return { ok: false, problem: { file, key: null, problem: 'not-json' } };
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: { file, key: null, problem: 'not-object' } };
      // Profiles carry keys of their own (PayloadUUID…); they are not the app's and not worth listing.
      const { recommended, ...mandatory } = Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('Payload')));
      return documentOrigin(file, () => Promise.resolve({ origin: file, mandatory, ...(recommended === undefined ? {} : { recommended }) })).read();
    },
  };
}
