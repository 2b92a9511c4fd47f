/**
 * The settings the app works with: the user's, with whatever the machine's
 * policy sets on top (the policy always wins), and where each one comes from,
 * for the Settings screen (locked fields) and the support report.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Policy, PolicyKey, SettingSource } from './policy';
import { defaultSettings, type Settings } from './settings-store';

export type SettingSources = Record<PolicyKey, SettingSource>;

export function withPolicy(user: Settings, policy: Policy): Settings {
  return {
    ...user,
    environment: policy.environment ?? user.environment,
    language: policy.language ?? user.language,
    consumerKey: policy.consumerKey ?? user.consumerKey,
    // A policy balie is an id: the chosen balie (with its name and key) is kept only when it is that one.
    balie: policy.balie === undefined || user.balie?.id === policy.balie ? user.balie : null,
    readerRoles: policy.readerRoles ?? user.readerRoles,
    uitidV2: policy.uitidV2 ?? user.uitidV2,
  };
}

/** The user's file is only a source for what differs from the default; proxy, updates and the log level are the policy's alone. */
export function settingSources(user: Settings, policy: Policy, hasStoredSecret: boolean): SettingSources {
  const fromUser = (key: keyof Settings): SettingSource => (isDeepStrictEqual(user[key], defaultSettings[key]) ? 'default' : 'user');
  const sources: SettingSources = {
    environment: fromUser('environment'),
    consumerKey: fromUser('consumerKey'),
    consumerSecret: hasStoredSecret ? 'user' : 'default',
    uitidV2: fromUser('uitidV2'),
    balie: fromUser('balie'),
    language: fromUser('language'),
    readerRoles: fromUser('readerRoles'),
    proxy: 'default',
    updates: 'default',
    logLevel: 'default',
  };
  for (const key of Object.keys(policy) as PolicyKey[]) sources[key] = 'policy';
  return sources;
}
