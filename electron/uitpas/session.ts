/**
 * The staff member's UiTPAS session in the main process: settings, the login,
 * the chosen balie and its permissions, and a signed client for it. Secrets
 * (consumer secret, access token) live here and in the OS secret store; the
 * page only ever gets a SessionView.
 */
import { demoConsumerKey } from '../simulator/seed';
import { demoNativeClientId } from '../simulator/uitid-v2';
import { environmentNames, environments, type EnvironmentName } from '../settings/environments';
import type { SecretStore } from '../settings/secret-store';
import type { Settings, SettingsStore } from '../settings/settings-store';
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
  secrets: SecretStore;
  showAuthorizePage: LoginFlowOptions['showAuthorizePage'];
  /** Starts (once while in demo) the simulator behind the demo environment: its prefix and this run's consumer. */
  demo: () => Promise<DemoBackend>;
  /**
   * The UiTiD v2 login in the system browser (uitid-v2-login.ts), where the environment has a native client
   * (uitidV2Clients); without it, or for an environment without one, the v1 login window.
   */
  uitidV2?: { openInBrowser: (url: string) => Promise<void> };
  fetch?: typeof fetch;
}

/**
 * Native UiTiD v2 clients per environment. publiq documents none publicly; demo has the simulator's stand-in.
 * An environment gets one when publiq registers the app as a native client (client id, loopback redirect).
 */
export const uitidV2Clients: Partial<Record<EnvironmentName, (prefix: string) => UitidV2Client>> = {
  demo: (prefix) => ({ issuer: prefix.replace(/\/uitid\/rest$/, '/oidc'), clientId: demoNativeClientId }),
};

export class UitpasSession {
  private settings: Settings | undefined;
  private login: StaffLogin | null = null;
  private balies: Balie[] = [];

  constructor(private readonly options: UitpasSessionOptions) {}

  async view(): Promise<SessionView> {
    const settings = await this.loadSettings();
    return {
      environment: settings.environment,
      environments: [...environmentNames],
      consumerKey: settings.environment === 'demo' ? demoConsumerKey : settings.consumerKey,
      hasConsumerSecret: settings.environment === 'demo' || (await this.options.secrets.read('consumerSecret')) !== null,
      secretStoreProblem: await this.options.secrets.unavailableReason(),
      language: settings.language,
      storeEidPhoto: settings.storeEidPhoto ?? true,
      loggedIn: this.login !== null,
      balies: this.balies.map(({ id, name }) => ({ id, name })),
      balie: this.balies.find((balie) => balie.id === settings.balie?.id) ?? null,
    };
  }

  /** Restores a stored login (not for demo, whose simulator forgets tokens when it stops). */
  async restore(): Promise<void> {
    const settings = await this.loadSettings();
    if (settings.environment === 'demo') return;
    const stored = await this.options.secrets.read('accessToken');
    if (!stored) return;
    try {
      const login = JSON.parse(stored) as StaffLogin;
      this.balies = await this.fetchBalies(login);
      this.login = login;
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
    const v2Client = this.options.uitidV2 && uitidV2Clients[settings.environment]?.(prefix);
    const login =
      this.options.uitidV2 && v2Client
        ? await loginWithUitidV2({ ...v2Client, prefix, consumer, openInBrowser: this.options.uitidV2.openInBrowser, fetch: this.options.fetch })
        : await loginWithUitid({ prefix, consumer, showAuthorizePage: this.options.showAuthorizePage, fetch: this.options.fetch });
    this.login = login;
    if (settings.environment !== 'demo') await this.options.secrets.write('accessToken', JSON.stringify(login));
    this.balies = await this.fetchBalies(login);
    const only = this.balies.length === 1 ? this.balies[0] : undefined;
    const keep = this.balies.find((balie) => balie.id === settings.balie?.id);
    await this.saveSettings({ ...settings, balie: toChosen(keep ?? only ?? null) });
    return this.view();
  }

  async logOut(): Promise<SessionView> {
    this.login = null;
    this.balies = [];
    await this.options.secrets.remove('accessToken');
    return this.view();
  }

  async chooseBalie(balieId: string): Promise<SessionView> {
    const balie = this.balies.find((candidate) => candidate.id === balieId);
    if (!balie) throw new BalieFailure(contractError('no-balie'));
    await this.saveSettings({ ...(await this.loadSettings()), balie: toChosen(balie) });
    return this.view();
  }

  async changeSettings(change: SettingsChange): Promise<SessionView> {
    const settings = await this.loadSettings();
    const environmentChanged = change.environment !== settings.environment;
    if (change.consumerSecret !== undefined) {
      if (await this.options.secrets.unavailableReason()) throw new BalieFailure(contractError('secret-store-unavailable'));
      await this.options.secrets.write('consumerSecret', change.consumerSecret);
    }
    await this.saveSettings({
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

  /** A signed client for the chosen balie; refuses when not logged in or no balie is chosen. */
  async client(): Promise<UitpasClient> {
    const settings = await this.loadSettings();
    if (!this.login) throw new BalieFailure(contractError('not-logged-in'));
    const balie = this.balies.find((candidate) => candidate.id === settings.balie?.id);
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

  private async consumer(settings: Settings): Promise<Credentials> {
    if (settings.environment === 'demo') return (await this.options.demo()).consumer;
    const secret = await this.options.secrets.read('consumerSecret');
    if (!settings.consumerKey || secret === null) throw new BalieFailure(contractError('settings-incomplete'));
    return { key: settings.consumerKey, secret };
  }

  private async prefix(environment: EnvironmentName): Promise<string> {
    return environments[environment].prefix ?? (await this.options.demo()).prefix;
  }

  private async loadSettings(): Promise<Settings> {
    this.settings ??= await this.options.settings.load();
    return this.settings;
  }

  private async saveSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    await this.options.settings.save(settings);
  }
}

function toChosen(balie: Balie | null) {
  return balie ? { id: balie.id, name: balie.name, consumerKey: balie.consumerKey } : null;
}
