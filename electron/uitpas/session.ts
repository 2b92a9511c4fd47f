/**
 * The staff member's UiTPAS session in the main process: settings, the login,
 * the chosen balie and its permissions, and a signed client for it. Secrets
 * (consumer secret, access token) live here and in the OS secret store; the
 * page only ever gets a SessionView.
 */
import { demoConsumerKey } from '../simulator/seed';
import { demoNativeClientId } from '../simulator/uitid-v2';
import { environmentNames, environments, type EnvironmentName } from '../settings/environments';
import { defaultLanguage } from '../settings/languages';
import type { SecretStore } from '../settings/secret-store';
import type { Settings, SettingsStore } from '../settings/settings-store';
import { settingSources, withPolicy } from '../settings/effective-settings';
import { noPolicy, type PolicySource } from '../settings/policy-source';
import { BalieFailure } from '../ipc/dispatch';
import { contractError, type SessionView, type SettingsChange } from '../ipc/contract';
import { createUitpasClient, type UitpasClient } from './client';
import { loginWithUitid, type LoginFlowOptions, type StaffLogin } from './login-flow';
import { loginWithUitidV2, type UitidV2Client } from './uitid-v2-login';
import type { Balie } from './model';
import type { Credentials } from './signing';

/** The demo environment's backend as the session needs it: where it is and this run's random consumer (main's memory only). */
export interface DemoBackend {
  prefix: string;
  consumer: Credentials;
}

export interface UitpasSessionOptions {
  settings: SettingsStore;
  /** The machine's policy: what it sets wins over the user's settings; a broken one stops every request. */
  policy?: PolicySource;
  secrets: SecretStore;
  showAuthorizePage: LoginFlowOptions['showAuthorizePage'];
  /** Starts (once while in demo) the simulator behind the demo environment: its prefix and this run's consumer. */
  demo: () => Promise<DemoBackend>;
  /**
   * The UiTiD v2 login in the system browser (uitid-v2-login.ts), wherever the policy or the settings give a
   * client id (and in demo, against the simulator's stand-in); without it, or without a client id, the v1 login window.
   */
  uitidV2?: { openInBrowser: (url: string, authorizationOrigin: string) => Promise<void> };
  fetch?: typeof fetch;
}

/** The simulator's UiTiD v2 stand-in: the one issuer whose endpoints may be plain http on loopback. */
export function demoUitidV2Client(prefix: string): UitidV2Client {
  return { issuer: prefix.replace(/\/uitid\/rest$/, '/oidc'), clientId: demoNativeClientId, allowLoopbackEndpoints: true };
}

export class UitpasSession {
  /** The user's own settings (settings.json), before the policy. */
  private userSettings: Settings | undefined;
  private login: StaffLogin | null = null;
  /** The environment the login belongs to: a policy that moves the PC elsewhere ends it. */
  private loginEnvironment: EnvironmentName | null = null;
  private balies: Balie[] = [];
  private readonly policy: PolicySource;

  constructor(private readonly options: UitpasSessionOptions) {
    this.policy = options.policy ?? noPolicy();
  }

  async view(): Promise<SessionView> {
    const user = await this.loadUserSettings();
    const settings = withPolicy(user, this.policy.policy, this.policy.recommended);
    const policyState = this.policy.current;
    const storedSecret = (await this.options.secrets.read('consumerSecret').catch(() => null)) !== null;
    return {
      environment: settings.environment,
      environments: [...environmentNames],
      consumerKey: settings.environment === 'demo' ? demoConsumerKey : settings.consumerKey,
      hasConsumerSecret: settings.environment === 'demo' || this.policy.policy.consumerSecret !== undefined || storedSecret,
      secretStoreProblem: await this.options.secrets.unavailableReason(),
      language: settings.language ?? defaultLanguage,
      storeEidPhoto: settings.storeEidPhoto ?? true,
      loggedIn: this.login !== null,
      account: this.login?.account ?? null,
      balies: this.allowedBalies().map(({ id, name }) => ({ id, name })),
      balie: this.allowedBalies().find((balie) => balie.id === settings.balie?.id) ?? null,
      sources: settingSources(user, this.policy.policy, storedSecret, this.policy.recommended),
      uitidV2: settings.uitidV2,
      readerRoles: settings.readerRoles,
      ...(policyState.status === 'broken' ? { policyProblem: { file: policyState.file, key: policyState.key, problem: policyState.problem, ...(policyState.language ? { language: policyState.language } : {}) } } : {}),
    };
  }

  /** The settings in force: the user's with the policy on top. */
  async effectiveSettings(): Promise<Settings> {
    return withPolicy(await this.loadUserSettings(), this.policy.policy, this.policy.recommended);
  }

  /** The policy changed on disk: a login for another environment or balie does not carry over. */
  async policyChanged(): Promise<SessionView> {
    const settings = await this.effectiveSettings();
    if (this.policy.broken || (this.login && this.loginEnvironment !== settings.environment)) await this.logOut();
    return this.view();
  }

  /** Restores a stored login (not for demo, whose simulator forgets tokens when it stops). */
  async restore(): Promise<void> {
    if (this.policy.broken) return;
    const settings = await this.loadSettings();
    if (settings.environment === 'demo') return;
    const stored = await this.options.secrets.read('accessToken');
    if (!stored) return;
    try {
      const login = JSON.parse(stored) as StaffLogin;
      this.balies = await this.fetchBalies(login);
      this.login = login;
      this.loginEnvironment = settings.environment;
    } catch {
      // An expired or unreadable login simply means logging in again.
      this.login = null;
      this.balies = [];
    }
  }

  async logIn(): Promise<SessionView> {
    const settings = await this.loadSettings();
    const consumer = await this.consumer(settings);
    const prefix = await this.prefix(settings.environment);
    if (settings.environment !== 'demo' && (await this.options.secrets.unavailableReason())) {
      throw new BalieFailure(contractError('secret-store-unavailable'));
    }
    const v2Client = this.v2Client(settings, prefix);
    const login =
      this.options.uitidV2 && v2Client
        ? await loginWithUitidV2({ ...v2Client, prefix, consumer, locale: settings.language, openInBrowser: this.options.uitidV2.openInBrowser, fetch: this.options.fetch })
        : await loginWithUitid({ prefix, consumer, showAuthorizePage: this.options.showAuthorizePage, fetch: this.options.fetch });
    this.login = login;
    this.loginEnvironment = settings.environment;
    if (settings.environment !== 'demo') await this.options.secrets.write('accessToken', JSON.stringify(login));
    this.balies = await this.fetchBalies(login);
    const allowed = this.allowedBalies();
    const only = allowed.length === 1 ? allowed[0] : undefined;
    const keep = allowed.find((balie) => balie.id === settings.balie?.id);
    await this.saveSettings({ ...settings, balie: toChosen(keep ?? only ?? null) });
    return this.view();
  }

  async logOut(): Promise<SessionView> {
    this.login = null;
    this.loginEnvironment = null;
    this.balies = [];
    await this.options.secrets.remove('accessToken');
    return this.view();
  }

  async chooseBalie(balieId: string): Promise<SessionView> {
    const balie = this.allowedBalies().find((candidate) => candidate.id === balieId);
    if (!balie) throw new BalieFailure(contractError('no-balie'));
    await this.saveSettings({ ...(await this.loadSettings()), balie: toChosen(balie) });
    return this.view();
  }

  async changeSettings(change: SettingsChange): Promise<SessionView> {
    const settings = await this.loadSettings();
    const policy = this.policy.policy;
    // What the policy sets stays as it is: a change to it is refused, not silently dropped.
    const locked =
      (policy.environment !== undefined && change.environment !== policy.environment) ||
      (policy.language !== undefined && change.language !== undefined && change.language !== policy.language) ||
      (policy.consumerKey !== undefined && change.consumerKey !== undefined && change.consumerKey !== policy.consumerKey) ||
      (policy.consumerSecret !== undefined && change.consumerSecret !== undefined) ||
      (policy.storeEidPhoto !== undefined && change.storeEidPhoto !== undefined && change.storeEidPhoto !== policy.storeEidPhoto);
    if (locked) throw new BalieFailure(contractError('setting-locked'));
    const environmentChanged = change.environment !== settings.environment;
    if (change.consumerSecret !== undefined) {
      if (await this.options.secrets.unavailableReason()) throw new BalieFailure(contractError('secret-store-unavailable'));
      await this.options.secrets.write('consumerSecret', change.consumerSecret);
    }
    await this.saveSettings({
      ...settings,
      environment: change.environment,
      language: change.language ?? settings.language,
      consumerKey: change.consumerKey ?? settings.consumerKey,
      balie: environmentChanged ? null : settings.balie,
      readerRoles: settings.readerRoles,
      storeEidPhoto: change.storeEidPhoto ?? settings.storeEidPhoto ?? true,
    });
    // Another environment means other accounts: the login does not carry over.
    if (environmentChanged) await this.logOut();
    return this.view();
  }

  /** Whether an eID photo may go to UiTPAS at all: not when the policy says no (a data-protection decision of the municipality). */
  photosAllowed(): boolean {
    return this.policy.policy.storeEidPhoto !== false;
  }

  /** A signed client for the chosen balie; refuses when not logged in or no balie is chosen. */
  async client(): Promise<UitpasClient> {
    const settings = await this.loadSettings();
    if (!this.login) throw new BalieFailure(contractError('not-logged-in'));
    const balie = this.allowedBalies().find((candidate) => candidate.id === settings.balie?.id);
    if (!balie) throw new BalieFailure(contractError('no-balie'));
    return createUitpasClient({
      prefix: await this.prefix(settings.environment),
      consumer: await this.consumer(settings),
      token: this.login.token,
      balieConsumerKey: balie.consumerKey,
      defectReason: environments[settings.environment].defectReason,
      fetch: this.options.fetch,
    });
  }

  /** balie/list needs the staff token but no balie yet. */
  private async fetchBalies(login: StaffLogin): Promise<Balie[]> {
    const settings = await this.loadSettings();
    const client = createUitpasClient({
      prefix: await this.prefix(settings.environment),
      consumer: await this.consumer(settings),
      token: login.token,
      // No balie yet: balieConsumerKey is left out, never sent empty.
      fetch: this.options.fetch,
    });
    return client.listBalies(login.userId);
  }

  /** The v2 login's client: the policy's or the user's, the simulator's stand-in in demo; null means the v1 login. */
  v2Client(settings: Settings, prefix: string): UitidV2Client | null {
    if (settings.uitidV2) return { ...settings.uitidV2, allowLoopbackEndpoints: false };
    return settings.environment === 'demo' ? demoUitidV2Client(prefix) : null;
  }

  /** Which login the next logIn() uses. */
  async loginKind(): Promise<'uitid-v1' | 'uitid-v2'> {
    const settings = await this.effectiveSettings();
    return this.options.uitidV2 && (settings.uitidV2 || settings.environment === 'demo') ? 'uitid-v2' : 'uitid-v1';
  }

  /**
   * Unsigned addresses the support screen tries, to see whether UiTPAS and UiTiD answer at all: the
   * environment's prefix, and the v2 issuer's discovery document (or, for v1, its request-token address).
   */
  async probeTargets(): Promise<{ uitpas: string; uitid: string }> {
    const settings = await this.loadSettings();
    const prefix = await this.prefix(settings.environment);
    const v2 = (await this.loginKind()) === 'uitid-v2' ? this.v2Client(settings, prefix) : null;
    return { uitpas: prefix, uitid: v2 ? `${v2.issuer.replace(/\/$/, '')}/.well-known/openid-configuration` : `${prefix}/requestToken` };
  }

  /** The balies this login may choose from: the policy's one, when it names one. */
  private allowedBalies(): Balie[] {
    const only = this.policy.policy.balie;
    return only === undefined ? this.balies : this.balies.filter((balie) => balie.id === only);
  }

  private async consumer(settings: Settings): Promise<Credentials> {
    if (settings.environment === 'demo') return (await this.options.demo()).consumer;
    const secret = this.policy.policy.consumerSecret ?? (await this.options.secrets.read('consumerSecret'));
    if (!settings.consumerKey || secret === null) throw new BalieFailure(contractError('settings-incomplete'));
    return { key: settings.consumerKey, secret };
  }

  private async prefix(environment: EnvironmentName): Promise<string> {
    return environments[environment].prefix ?? (await this.options.demo()).prefix;
  }

  /** Every request starts here: with a broken policy nothing is sent anywhere. */
  private async loadSettings(): Promise<Settings> {
    if (this.policy.broken) throw new BalieFailure(contractError('policy-broken'));
    return this.effectiveSettings();
  }

  private async loadUserSettings(): Promise<Settings> {
    this.userSettings ??= await this.options.settings.load();
    return this.userSettings;
  }

  /** Writes the user's file: what the policy sets keeps the user's own value there, so removing the policy gives it back. */
  private async saveSettings(settings: Settings): Promise<void> {
    const user = await this.loadUserSettings();
    const policy = this.policy.policy;
    const own: Settings = {
      ...settings,
      environment: policy.environment === undefined ? settings.environment : user.environment,
      language: policy.language === undefined ? settings.language : user.language,
      consumerKey: policy.consumerKey === undefined ? settings.consumerKey : user.consumerKey,
      balie: settings.balie,
      readerRoles: policy.readerRoles === undefined ? settings.readerRoles : user.readerRoles,
      uitidV2: policy.uitidV2 === undefined ? settings.uitidV2 : user.uitidV2,
    };
    this.userSettings = own;
    await this.options.settings.save(own);
  }
}

function toChosen(balie: Balie | null) {
  return balie ? { id: balie.id, name: balie.name, consumerKey: balie.consumerKey } : null;
}
