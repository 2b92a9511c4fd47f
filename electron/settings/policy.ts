/**
 * The machine-wide policy IT puts on every counter PC: one JSON file in the
 * OS's place for machine settings, read at start and whenever it changes. What
 * it sets wins over the user's settings.json and is shown locked in Settings
 * (the eID Viewer reads machine settings the same way: Fedict/eid-viewer,
 * Windows/eIDViewer/Sources/BackendDataRegistry.cs, HKLM over HKCU). A file
 * that exists but cannot be used stops the app (policyProblem) rather than
 * letting a counter run with settings IT did not choose.
 *
 * This table is the schema: every key, what it takes, and what it means, in
 * one place (docs/it-guide.md lists the same keys, checked by a test).
 * Pure (the page gets its types through the contract); reading and watching
 * the file is policy-source.ts, Electron-free, so the browser host obeys the
 * same file.
 */
import type { ReaderRoles } from '../cards/reader-roles';
import { environmentNames, type EnvironmentName } from './environments';
import { isLanguage, type Language } from './languages';

/** Reader names as the real balie browser keeps them: declared once, with the card service. */
export type { ReaderRoles };

export interface UitidV2ClientSetting {
  /** The native (public) client publiq registered for the app. */
  clientId: string;
  /** The OpenID provider; discovery must name exactly this issuer. */
  issuer: string;
}

/** Electron's own proxy modes (session.setProxy), so IT's value goes to Chromium unchanged. */
export type ProxyPolicy =
  | { mode: 'system' }
  | { mode: 'direct' }
  | { mode: 'auto_detect' }
  | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules?: string }
  | { mode: 'pac_script'; pacScript: string };

export const updateModes = ['auto', 'notify', 'off'] as const;
export type UpdateMode = (typeof updateModes)[number];

export const logLevels = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Policy {
  environment?: EnvironmentName;
  consumerKey?: string;
  consumerSecret?: string;
  uitidV2?: UitidV2ClientSetting;
  /** The id of the one balie this PC works for (from balie/list); staff cannot switch. */
  balie?: string;
  language?: Language;
  readerRoles?: ReaderRoles;
  proxy?: ProxyPolicy;
  updates?: UpdateMode;
  logLevel?: LogLevel;
}

export type PolicyKey = keyof Policy;

/** Where a setting in force comes from: the machine's policy (locked), the user's settings, or the default. */
export type SettingSource = 'policy' | 'user' | 'default';

/** Why a value is refused: the first problem, with the key path (e.g. `readerRoles.nfcreader`). */
interface Refusal {
  key: string;
  /** The key is not in the schema at all (a typo), rather than holding a wrong value. */
  unknown?: boolean;
}

type Check = (value: unknown, key: string) => Refusal | null;

const nonEmptyString: Check = (value, key) => (typeof value === 'string' && value.trim() !== '' && value.length <= 1000 ? null : { key });
const oneOf =
  (allowed: readonly string[]): Check =>
  (value, key) =>
    typeof value === 'string' && allowed.includes(value) ? null : { key };
const httpsUrl: Check = (value, key) => {
  if (nonEmptyString(value, key)) return { key };
  try {
    return new URL(value as string).protocol === 'https:' ? null : { key };
  } catch {
    return { key };
  }
};
const record =
  (fields: Record<string, { check: Check; optional?: boolean }>): Check =>
  (value, key) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { key };
    const given = value as Record<string, unknown>;
    for (const name of Object.keys(given)) if (!Object.hasOwn(fields, name)) return { key: `${key}.${name}`, unknown: true };
    for (const [name, field] of Object.entries(fields)) {
      if (given[name] === undefined && field.optional) continue;
      const refused = field.check(given[name], `${key}.${name}`);
      if (refused) return refused;
    }
    return null;
  };
const readerNames: Check = (value, key) =>
  Array.isArray(value) && value.length <= 20 && value.every((name) => typeof name === 'string' && name !== '' && name.length <= 200) ? null : { key };
const proxy: Check = (value, key) => {
  const mode = (value as { mode?: unknown } | null)?.mode;
  switch (mode) {
    case 'system':
    case 'direct':
    case 'auto_detect':
      return record({ mode: { check: oneOf([mode]) } })(value, key);
    case 'fixed_servers':
      return record({ mode: { check: oneOf([mode]) }, proxyRules: { check: nonEmptyString }, proxyBypassRules: { check: nonEmptyString, optional: true } })(value, key);
    case 'pac_script':
      return record({ mode: { check: oneOf([mode]) }, pacScript: { check: nonEmptyString } })(value, key);
    default:
      return { key: typeof value === 'object' && value !== null ? `${key}.mode` : key };
  }
};

/** The schema: each key's check and what it means (the IT guide's table says the same). */
export const policySchema: Readonly<Record<PolicyKey, { check: Check; means: string }>> = {
  environment: { check: oneOf(environmentNames), means: 'demo, test, acceptance or production' },
  consumerKey: { check: nonEmptyString, means: "the app's Service Consumer key for that environment" },
  consumerSecret: { check: nonEmptyString, means: 'its secret (readable by every user of the PC: protect the file)' },
  uitidV2: { check: record({ clientId: { check: nonEmptyString }, issuer: { check: httpsUrl } }), means: 'UiTiD v2 login: { clientId, issuer }' },
  balie: { check: nonEmptyString, means: 'the id of the one balie this PC works for' },
  language: { check: (value, key) => (isLanguage(value) ? null : { key }), means: 'nl or fr' },
  readerRoles: { check: record({ eidreader: { check: readerNames }, nfcreader: { check: readerNames } }), means: '{ eidreader: [names], nfcreader: [names] }' },
  proxy: { check: proxy, means: 'Electron proxy config: system, direct, auto_detect, fixed_servers (proxyRules), pac_script (pacScript)' },
  updates: { check: oneOf(updateModes), means: 'auto (install on quit), notify (tell staff only) or off (no check); electron/update/update-plan.ts' },
  logLevel: { check: oneOf(logLevels), means: 'error, warn, info or debug' },
};

export const policyKeys = Object.keys(policySchema) as PolicyKey[];

/** unreadable: the file exists but cannot be read; not-json; not-object; unknown-key; wrong-value. */
export type PolicyProblemKind = 'unreadable' | 'not-json' | 'not-object' | 'unknown-key' | 'wrong-value';

export interface PolicyProblem {
  file: string;
  /** The key (path) at fault, null when the file as a whole is. */
  key: string | null;
  problem: PolicyProblemKind;
}

export type PolicyState = { status: 'absent'; file: string } | { status: 'valid'; file: string; policy: Policy } | ({ status: 'broken' } & PolicyProblem);

/** Checks a parsed policy against the schema: the policy, or the first key at fault. */
export function validatePolicy(value: unknown): { policy: Policy } | { key: string | null; problem: 'not-object' | 'unknown-key' | 'wrong-value' } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { key: null, problem: 'not-object' };
  for (const [key, given] of Object.entries(value)) {
    if (!Object.hasOwn(policySchema, key)) return { key, problem: 'unknown-key' };
    const refused = policySchema[key as PolicyKey].check(given, key);
    if (refused) return { key: refused.key, problem: refused.unknown ? 'unknown-key' : 'wrong-value' };
  }
  return { policy: value };
}

export function parsePolicy(file: string, text: string): PolicyState {
  let parsed: unknown;
  try {
    // A BOM is what Notepad writes; it is not a reason to stop a counter.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { status: 'broken', file, key: null, problem: 'not-json' };
  }
  const checked = validatePolicy(parsed);
  return 'policy' in checked ? { status: 'valid', file, policy: checked.policy } : { status: 'broken', file, ...checked };
}
