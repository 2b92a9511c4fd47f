/**
 * The machine-wide policy IT puts on every counter PC: a JSON file in the OS's
 * place for machine settings, on Windows also `HKLM\SOFTWARE\Policies\publiq\UiTPAS Balie`
 * (Group Policy, Intune), on macOS also the managed preferences of a
 * configuration profile (policy-source.ts reads them; this module only judges
 * what they say). What it sets wins over the user's settings.json and is shown
 * locked in Settings (the eID Viewer reads machine settings the same way:
 * Fedict/eid-viewer, Windows/eIDViewer/Sources/BackendDataRegistry.cs, HKLM
 * over HKCU). A `recommended` part sets defaults staff may change.
 *
 * Forgiving where browsers are (Chrome's chrome://policy lists an unknown
 * policy and goes on): a key this version does not know, and a wrong value of
 * a key that does not decide where data goes, is ignored and listed (support
 * screen, --diagnose). Only a wrong `environment`, consumer key or secret, or
 * `uitidV2` stops the app (policyProblem): a counter must never send to a place
 * IT did not choose.
 *
 * This table is the schema: every key, what it takes, and what it means, in
 * one place (docs/it-guide.md lists the same keys and build/policy-templates/
 * the ADMX, both checked by tests).
 */
import type { ReaderRoles } from '../cards/reader-roles';
import { environmentNames, type EnvironmentName } from './environments';
import { isLanguage, languages, type Language } from './languages';
import { checkProxyRules, checkPacUrl } from './proxy-rules';

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

/** electron-updater's channels: `latest` (releases) and `beta` (pre-releases, for a pilot counter). */
export const updateChannels = ['latest', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

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
  /** Whether the eID photo is stored with a registration or an update (a data-protection decision). */
  storeEidPhoto?: boolean;
  proxy?: ProxyPolicy;
  updates?: UpdateMode;
  channel?: UpdateChannel;
  /** The newest version this PC may update to (IT's pin); newer ones are not installed. */
  targetVersion?: string;
  logLevel?: LogLevel;
  /** A machine-wide folder for the support log (absolute), instead of the user's own. */
  logFolder?: string;
}

export type PolicyKey = keyof Policy;

/** What staff may change, so what a `recommended` part may preset. */
export const recommendableKeys = ['environment', 'consumerKey', 'uitidV2', 'language', 'readerRoles', 'storeEidPhoto'] as const satisfies readonly PolicyKey[];
export type RecommendableKey = (typeof recommendableKeys)[number];
export type RecommendedPolicy = Pick<Policy, RecommendableKey>;

/** Where a setting in force comes from: the policy (locked), the user's settings, the policy's recommendation, or the default. */
export type SettingSource = 'policy' | 'user' | 'recommended' | 'default';

type Checked = { ok: true; value: unknown } | { ok: false; key: string };
/** A check gives the value to use (unknown fields inside it left out and noted in `ignored`), or the key at fault. */
type Check = (value: unknown, key: string, ignored: string[]) => Checked;

const pass = (value: unknown): Checked => ({ ok: true, value });
const fail = (key: string): Checked => ({ ok: false, key });
const nonEmptyString: Check = (value, key) => (typeof value === 'string' && value.trim() !== '' && value.length <= 1000 ? pass(value) : fail(key));
const boolean: Check = (value, key) => (typeof value === 'boolean' ? pass(value) : fail(key));
const oneOf =
  (allowed: readonly string[]): Check =>
  (value, key) =>
    typeof value === 'string' && allowed.includes(value) ? pass(value) : fail(key);
const httpsUrl: Check = (value, key) => {
  if (typeof value !== 'string' || value.length > 1000 || !URL.canParse(value)) return fail(key);
  return new URL(value).protocol === 'https:' ? pass(value) : fail(key);
};
const version: Check = (value, key) => (typeof value === 'string' && /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(value) ? pass(value) : fail(key));
/** An absolute path on Windows (C:\…, \\server\share\…) or POSIX. */
const absolutePath: Check = (value, key) =>
  typeof value === 'string' && value.length <= 400 && !value.includes('\0') && /^(?:[A-Za-z]:\\|\\\\[^\\]+\\|\/)/.test(value) ? pass(value) : fail(key);
const record =
  (fields: Record<string, { check: Check; optional?: boolean }>): Check =>
  (value, key, ignored) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(key);
    const given = value as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    const unknown: string[] = [];
    for (const name of Object.keys(given)) if (!Object.hasOwn(fields, name)) unknown.push(`${key}.${name}`);
    for (const [name, field] of Object.entries(fields)) {
      if (given[name] === undefined && field.optional) continue;
      const checked = field.check(given[name], `${key}.${name}`, ignored);
      if (!checked.ok) return checked;
      kept[name] = checked.value;
    }
    ignored.push(...unknown);
    return pass(kept);
  };
const readerNames: Check = (value, key) =>
  Array.isArray(value) && value.length <= 20 && value.every((name) => typeof name === 'string' && name !== '' && name.length <= 200) ? pass(value) : fail(key);
const proxyRulesCheck: Check = (value, key) => (typeof value === 'string' && checkProxyRules(value) ? pass(value) : fail(key));
const pacUrlCheck: Check = (value, key) => (typeof value === 'string' && checkPacUrl(value) ? pass(value) : fail(key));
const proxy: Check = (value, key, ignored) => {
  const mode = (value as { mode?: unknown } | null)?.mode;
  switch (mode) {
    case 'system':
    case 'direct':
    case 'auto_detect':
      return record({ mode: { check: oneOf([mode]) } })(value, key, ignored);
    case 'fixed_servers':
      return record({ mode: { check: oneOf([mode]) }, proxyRules: { check: proxyRulesCheck }, proxyBypassRules: { check: nonEmptyString, optional: true } })(value, key, ignored);
    case 'pac_script':
      return record({ mode: { check: oneOf([mode]) }, pacScript: { check: pacUrlCheck } })(value, key, ignored);
    default:
      return fail(typeof value === 'object' && value !== null ? `${key}.mode` : key);
  }
};

interface KeySchema {
  check: Check;
  means: string;
  /** How Group Policy holds it (registry value and ADMX element): text, a choice, a boolean (DWORD 0/1), or JSON text. */
  form: 'text' | 'choice' | 'boolean' | 'json';
  /** The choices of a `choice` key. */
  choices?: readonly string[];
  /** A wrong value stops the app: the key decides where data goes (the rest is ignored and listed). */
  stops?: true;
}

/** The schema: each key's check and what it means (docs/it-guide.md and the ADMX say the same). */
export const policySchema: Readonly<Record<PolicyKey, KeySchema>> = {
  environment: { check: oneOf(environmentNames), means: 'demo, test, acceptance or production', stops: true, form: 'choice', choices: environmentNames },
  consumerKey: { check: nonEmptyString, means: "the app's Service Consumer key for that environment", stops: true, form: 'text' },
  consumerSecret: { check: nonEmptyString, means: 'its secret (readable by every user of the PC: protect the file)', stops: true, form: 'text' },
  uitidV2: { check: record({ clientId: { check: nonEmptyString }, issuer: { check: httpsUrl } }), means: 'UiTiD v2 login: { clientId, issuer }', stops: true, form: 'json' },
  balie: { check: nonEmptyString, means: 'the id of the one balie this PC works for', form: 'text' },
  language: { check: (value, key) => (isLanguage(value) ? pass(value) : fail(key)), means: 'nl or fr', form: 'choice', choices: languages },
  readerRoles: { check: record({ eidreader: { check: readerNames }, nfcreader: { check: readerNames } }), means: '{ eidreader: [names], nfcreader: [names] }', form: 'json' },
  storeEidPhoto: { check: boolean, means: 'true or false: whether the eID photo is stored with a registration or an update', form: 'boolean' },
  proxy: { check: proxy, means: 'Electron proxy config: system, direct, auto_detect, fixed_servers (proxyRules), pac_script (pacScript: https or file URL)', form: 'json' },
  updates: { check: oneOf(updateModes), means: 'auto (install on quit), notify (tell staff only) or off (no check); electron/update/update-plan.ts', form: 'choice', choices: updateModes },
  channel: { check: oneOf(updateChannels), means: 'latest (releases) or beta (pre-releases)', form: 'choice', choices: updateChannels },
  targetVersion: { check: version, means: 'x.y.z: update no further than this version', form: 'text' },
  logLevel: { check: oneOf(logLevels), means: 'error, warn, info or debug', form: 'choice', choices: logLevels },
  logFolder: { check: absolutePath, means: 'an absolute folder for the support log, machine-wide', form: 'text' },
};

export const policyKeys = Object.keys(policySchema) as PolicyKey[];

/**
 * What stops the app. unreadable: the file exists but cannot be read; not-json; not-object; wrong-value
 * (of a key that decides where data goes); writable-by-others / not-admin-owner: the file or its folder
 * could have been written by someone other than an administrator, so it is not IT's.
 */
export const policyProblemKinds = ['unreadable', 'not-json', 'not-object', 'wrong-value', 'writable-by-others', 'not-admin-owner'] as const;
export type PolicyProblemKind = (typeof policyProblemKinds)[number];

export interface PolicyProblem {
  /** The file (or registry key) at fault. */
  file: string;
  /** The key (path) at fault, null when the file as a whole is. */
  key: string | null;
  problem: PolicyProblemKind;
  /** The language the policy asks for, when that much could be read: the stop screen speaks it. */
  language?: Language;
}

/** A key the app did not use: unknown to this version, or a wrong value of a key that does not stop the app. */
export interface IgnoredPolicyKey {
  /** Where it was (file path or registry key). */
  origin: string;
  key: string;
  problem: 'unknown-key' | 'wrong-value';
  level: 'mandatory' | 'recommended';
}

export type PolicyState =
  | { status: 'absent'; file: string }
  | { status: 'valid'; file: string; policy: Policy; recommended: RecommendedPolicy; ignored: IgnoredPolicyKey[]; origins: Partial<Record<PolicyKey, string>> }
  | ({ status: 'broken' } & PolicyProblem);

/** What one source (a file, a registry key, a managed-preferences domain) says, before checking. */
export interface PolicyDocument {
  origin: string;
  mandatory: unknown;
  /** The `recommended` part (JSON: a `recommended` object; registry: the `Recommended` subkey). */
  recommended?: unknown;
}

export type CheckedDocument =
  | { ok: true; origin: string; policy: Policy; recommended: RecommendedPolicy; ignored: IgnoredPolicyKey[] }
  | { ok: false; problem: PolicyProblem };

function checkLevel(value: unknown, origin: string, level: IgnoredPolicyKey['level'], allowed: readonly PolicyKey[]): { values: Record<string, unknown>; ignored: IgnoredPolicyKey[] } | { key: string | null; problem: 'not-object' | 'wrong-value' } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { key: null, problem: 'not-object' };
  const values: Record<string, unknown> = {};
  const ignored: IgnoredPolicyKey[] = [];
  for (const [key, given] of Object.entries(value)) {
    if (given === undefined) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      ignored.push({ origin, key, problem: 'unknown-key', level });
      continue;
    }
    const schema = policySchema[key as PolicyKey];
    const unknownInside: string[] = [];
    const checked = schema.check(given, key, unknownInside);
    if (checked.ok) {
      values[key] = checked.value;
      ignored.push(...unknownInside.map((inner) => ({ origin, key: inner, problem: 'unknown-key' as const, level })));
    } else if (schema.stops && level === 'mandatory') return { key: checked.key, problem: 'wrong-value' };
    else ignored.push({ origin, key: checked.key, problem: 'wrong-value', level });
  }
  return { values, ignored };
}

/** Checks one source against the schema: what it sets, what it recommends, what was ignored; or why it stops the app. */
export function checkPolicyDocument(document: PolicyDocument): CheckedDocument {
  const language = languageAskedFor(document);
  const stop = (key: string | null, problem: PolicyProblemKind): CheckedDocument => ({ ok: false, problem: { file: document.origin, key, problem, ...(language ? { language } : {}) } });
  const mandatory = checkLevel(document.mandatory, document.origin, 'mandatory', policyKeys);
  if ('problem' in mandatory) return stop(mandatory.key, mandatory.problem);
  if (document.recommended === undefined) return { ok: true, origin: document.origin, policy: mandatory.values, recommended: {}, ignored: mandatory.ignored };
  const recommended = checkLevel(document.recommended, document.origin, 'recommended', recommendableKeys);
  if ('problem' in recommended) return { ok: true, origin: document.origin, policy: mandatory.values, recommended: {}, ignored: [...mandatory.ignored, { origin: document.origin, key: 'recommended', problem: 'wrong-value', level: 'recommended' }] };
  return { ok: true, origin: document.origin, policy: mandatory.values, recommended: recommended.values, ignored: [...mandatory.ignored, ...recommended.ignored] };
}

function languageAskedFor(document: PolicyDocument): Language | undefined {
  const language = (document.mandatory as { language?: unknown } | null)?.language;
  return isLanguage(language) ? language : undefined;
}

/**
 * The sources together, the first one winning per key (Windows: the registry over the file; macOS: the
 * configuration profile over the file). A source that stops the app stops it, whichever it is.
 */
export function mergePolicyDocuments(documents: readonly CheckedDocument[], file: string): PolicyState {
  for (const document of documents) if (!document.ok) return { status: 'broken', ...document.problem };
  const valid = documents.filter((document): document is Extract<CheckedDocument, { ok: true }> => document.ok);
  if (valid.length === 0) return { status: 'absent', file };
  const policy: Record<string, unknown> = {};
  const recommended: Record<string, unknown> = {};
  const origins: Partial<Record<PolicyKey, string>> = {};
  for (const document of [...valid].reverse()) {
    Object.assign(policy, document.policy);
    Object.assign(recommended, document.recommended);
    for (const key of Object.keys(document.policy) as PolicyKey[]) origins[key] = document.origin;
  }
  return { status: 'valid', file, policy, recommended, ignored: valid.flatMap((document) => document.ignored), origins };
}

/** The policy file's text as JSON: the whole file, with its optional `recommended` part. */
export function policyDocumentFromJson(origin: string, text: string): PolicyDocument | { key: null; problem: 'not-json' | 'not-object'; language?: Language } {
  let parsed: unknown;
  try {
    // A BOM is what Notepad writes; it is not a reason to stop a counter.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Enough of it may still say which language the stop screen should speak.
    const language = /"language"\s*:\s*"(nl|fr)"/.exec(text)?.[1] as Language | undefined;
    return { key: null, problem: 'not-json', ...(language ? { language } : {}) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { key: null, problem: 'not-object' };
  const { recommended, ...mandatory } = parsed as Record<string, unknown>;
  return { origin, mandatory, ...(recommended === undefined ? {} : { recommended }) };
}

/** One JSON text as the app's whole policy (the file alone): for tests and the settings store's check. */
export function parsePolicy(file: string, text: string): PolicyState {
  const document = policyDocumentFromJson(file, text);
  if (!('origin' in document)) return { status: 'broken', file, ...document };
  return mergePolicyDocuments([checkPolicyDocument(document)], file);
}

/** Checks a value as a mandatory policy: what it sets, or the first key that stops the app. */
export function validatePolicy(value: unknown): { policy: Policy; ignored: IgnoredPolicyKey[] } | { key: string | null; problem: PolicyProblemKind } {
  const checked = checkPolicyDocument({ origin: '', mandatory: value });
  return checked.ok ? { policy: checked.policy, ignored: checked.ignored } : { key: checked.problem.key, problem: checked.problem.problem };
}
