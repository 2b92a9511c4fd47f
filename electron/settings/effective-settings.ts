/**
 * The settings the app works with: the user's, with whatever the machine's
 * policy sets on top (the policy always wins), and where each one comes from,
 * for the Settings screen (locked fields) and the support report. What the
 * policy only recommends fills in what the user left at its default (staff
 * may change it; Chrome's recommended policies work the same way).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Policy, PolicyKey, RecommendableKey, RecommendedPolicy, SettingSource } from './policy';
import { defaultSettings, type Settings } from './settings-store';

export type SettingSources = Record<PolicyKey, SettingSource>;

const userLeftDefault = (user: Settings, key: RecommendableKey): boolean =>
  key === 'storeEidPhoto' ? user.storeEidPhoto === undefined : isDeepStrictEqual(user[key], defaultSettings[key]);

/** The user's settings with the recommendations filled in where the user kept the default. */
function withRecommended(user: Settings, recommended: RecommendedPolicy): Settings {
  const settings: Settings = { ...user };
  const pick = (key: RecommendableKey): boolean => recommended[key] !== undefined && userLeftDefault(user, key);
  if (pick('environment')) settings.environment = recommended.environment ?? settings.environment;
  if (pick('consumerKey')) settings.consumerKey = recommended.consumerKey ?? settings.consumerKey;
  if (pick('uitidV2')) settings.uitidV2 = recommended.uitidV2 ?? settings.uitidV2;
  if (pick('language')) settings.language = recommended.language ?? settings.language;
  if (pick('readerRoles')) settings.readerRoles = recommended.readerRoles ?? settings.readerRoles;
  if (pick('storeEidPhoto')) settings.storeEidPhoto = recommended.storeEidPhoto;
  return settings;
}

export function withPolicy(user: Settings, policy: Policy, recommended: RecommendedPolicy = {}): Settings {
  const base = withRecommended(user, recommended);
  return {
    ...base,
    environment: policy.environment ?? base.environment,
    language: policy.language ?? base.language,
    consumerKey: policy.consumerKey ?? base.consumerKey,
    // A policy balie is an id: the chosen balie (with its name and key) is kept only when it is that one.
    balie: policy.balie === undefined || user.balie?.id === policy.balie ? user.balie : null,
    readerRoles: policy.readerRoles ?? base.readerRoles,
    uitidV2: policy.uitidV2 ?? base.uitidV2,
    ...(policy.storeEidPhoto === undefined ? {} : { storeEidPhoto: policy.storeEidPhoto }),
  };
}

/** The user's file is only a source for what differs from the default; proxy, updates and the log are the policy's alone. */
export function settingSources(user: Settings, policy: Policy, hasStoredSecret: boolean, recommended: RecommendedPolicy = {}): SettingSources {
  const fromUser = (key: RecommendableKey | 'balie'): SettingSource => {
    if (key !== 'balie' && recommended[key] !== undefined && userLeftDefault(user, key)) return 'recommended';
    if (key === 'storeEidPhoto') return user.storeEidPhoto === undefined ? 'default' : 'user';
    return isDeepStrictEqual(user[key], defaultSettings[key]) ? 'default' : 'user';
  };
  const sources: SettingSources = {
    environment: fromUser('environment'),
    consumerKey: fromUser('consumerKey'),
    consumerSecret: hasStoredSecret ? 'user' : 'default',
    uitidV2: fromUser('uitidV2'),
    balie: fromUser('balie'),
    language: fromUser('language'),
    readerRoles: fromUser('readerRoles'),
    storeEidPhoto: fromUser('storeEidPhoto'),
    proxy: 'default',
    updates: 'default',
    channel: 'default',
    targetVersion: 'default',
    logLevel: 'default',
    logFolder: 'default',
  };
  for (const key of Object.keys(policy) as PolicyKey[]) sources[key] = 'policy';
  return sources;
}
