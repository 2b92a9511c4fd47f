/** The staff session: environment, login, balie, the workstation's settings and where each comes from, the demo practice switch. */
import type { EnvironmentName } from '../../settings/environments';
import type { Language } from '../../settings/languages';
import type { PolicyKey, PolicyProblem, ReaderRoles, SettingSource, UitidV2ClientSetting } from '../../settings/policy';
import type { Balie } from '../../uitpas/model';
import { isChooseBalieRequest, isPracticeSwitch, isSettingsChange } from '../payload-guards';
import { isNothing } from '../validation';
import { event, request, type Answer, type Listen, type RequestIn } from './channel-spec';
import type { Result } from './errors';

/** Why this computer cannot keep secrets: the OS has no encryption, Linux has no keyring (plain text, refused), or the page runs in the browser host. */
export type SecretStoreProblem = 'no-encryption' | 'no-keyring' | 'browser-host';

export interface SessionView {
  environment: EnvironmentName;
  environments: EnvironmentName[];
  /** The Service Consumer key (not secret); whether its secret is stored is all the page learns of the secret. */
  consumerKey: string;
  hasConsumerSecret: boolean;
  /** Why secrets cannot be stored on this computer, or null. */
  secretStoreProblem: SecretStoreProblem | null;
  /** The language of the page on this workstation: chosen by staff or the policy, else Dutch (see `sources.language`: 'default' means not chosen, the page follows the PC). */
  language: Language;
  /** Whether the register and update forms tick "store the eID photo" by default (absent: yes). */
  storeEidPhoto?: boolean;
  loggedIn: boolean;
  /** The logged-in UiTiD account (e-mail or name) when the login says it (UiTiD v2), for the top bar. */
  account: string | null;
  balies: { id: string; name: string }[];
  balie: Balie | null;
  /** The settings file could not be read: the app fell back to demo, and the page must say so until settings are saved. */
  settingsUnreadable?: boolean;
  /** Where each setting comes from; `policy` ones are shown locked. */
  sources: Record<PolicyKey, SettingSource>;
  /** The UiTiD v2 client the login uses (null: UiTiD v1). */
  uitidV2: UitidV2ClientSetting | null;
  readerRoles: ReaderRoles;
  /** The machine's policy cannot be used: the app stops in a screen naming the file and the key. */
  policyProblem?: PolicyProblem;
}

export interface SettingsChange {
  environment: EnvironmentName;
  language?: Language;
  consumerKey?: string;
  /** Write-only: stored in the OS secret store, never sent back. */
  consumerSecret?: string;
  storeEidPhoto?: boolean;
}

export const sessionRequests = {
  'session:get': request<SessionView>()(isNothing),
  'session:login': request<SessionView>()(isNothing),
  'session:logout': request<SessionView>()(isNothing),
  'session:chooseBalie': request<SessionView>()(isChooseBalieRequest),
  'settings:save': request<SessionView>()(isSettingsChange),
  /** Demo environment only: the practice switch that loses the answer of every write to UiTPAS while on, to learn the unknown outcome. */
  'demo:practiseLostAnswers': request<null>()(isPracticeSwitch),
} as const;

export const sessionEvents = {
  /** The session changed without the page asking (the machine's policy changed on disk). */
  'session:changed': event<SessionView>(),
} as const;

type R = typeof sessionRequests;
type E = typeof sessionEvents;

export interface SessionApi {
  getSession(): Answer<R, 'session:get'>;
  logIn(): Answer<R, 'session:login'>;
  logOut(): Answer<R, 'session:logout'>;
  chooseBalie(request: RequestIn<R, 'session:chooseBalie'>): Answer<R, 'session:chooseBalie'>;
  saveSettings(change: RequestIn<R, 'settings:save'>): Answer<R, 'settings:save'>;
  practiseLostAnswers(request: RequestIn<R, 'demo:practiseLostAnswers'>): Promise<Result<null>>;
  onSessionChanged: Listen<E, 'session:changed'>;
}
