/**
 * The app's network as the PC sees it: every UiTPAS and UiTiD call from main goes through Chromium's
 * network stack (Electron's session.fetch, the same as net.fetch), so the system proxy and PAC, proxy
 * authentication (integrated Windows authentication included) and the OS certificate store apply (a
 * TLS-inspecting proxy whose root IT installed is trusted like in the browser). A session of its own, in
 * memory: the policy's proxy changes nothing for the login window, and no cookie or cache is kept on disk.
 * Thin on purpose: what an answer means is decided in electron/uitpas/transport.ts for every transport.
 */
import { session as sessions, type App, type Session } from 'electron';
import type { ProxyPolicy } from '../settings/policy';
import { RedirectRefusedError, type HttpTransport } from '../uitpas/transport';

export const networkPartition = 'uitpas-network';

export function networkSession(): Session {
  return sessions.fromPartition(networkPartition);
}

export function chromiumTransport(ses: Session): HttpTransport {
  return async (input, init) => {
    try {
      return await ses.fetch(input instanceof URL ? input.href : input, { ...init, bypassCustomProtocolHandlers: true });
    } catch (error) {
      // redirect: 'manual' fails the request instead of giving the 3xx (electron lib/common/api/net-client-request.ts);
      // net::ERR_… failures go on as they are: transport.ts reads Chromium's names.
      throw error instanceof Error && error.message === 'Redirect was cancelled' ? new RedirectRefusedError() : error;
    }
  };
}

/** The policy's proxy wins; without one, the system's (Chromium's default: the OS settings, PAC, WPAD). */
export async function applyProxy(ses: Session, proxy: ProxyPolicy | undefined): Promise<void> {
  await ses.setProxy(proxy ?? { mode: 'system' });
  // Connections opened through the old proxy are not reused for the next call.
  await ses.closeAllConnections();
}

/**
 * One network for the whole app: the same proxy on every session it uses (the UiTPAS calls, the UiTiD
 * login window's partition, electron-updater's own session), set now and again whenever the policy changes.
 */
export async function applyProxyEverywhere(sessions: readonly Session[], proxy: ProxyPolicy | undefined): Promise<void> {
  await Promise.all(sessions.map((ses) => applyProxy(ses, proxy)));
}

export interface ProxyChallenge {
  host: string;
  port: number;
  realm: string;
  scheme: string;
}

/** Asks staff for the proxy's user name and password (the app's dialog); null when they cancel. */
export type AskProxyCredentials = (challenge: ProxyChallenge) => Promise<{ username: string; password: string } | null>;

/**
 * Answers a proxy's request for credentials (Electron's `login` events: the app's for web contents, the
 * updater's for its downloads). Only for a proxy: a server asking for a password gets none. Integrated
 * Windows authentication (NTLM, Negotiate) never gets here: Chromium answers it with the user's logon.
 * What staff type goes to Chromium's in-memory auth cache for this run and is never written anywhere.
 */
export function proxyLoginHandler(ask: AskProxyCredentials): (authInfo: { isProxy: boolean; host: string; port: number; realm: string; scheme: string }, callback: (username?: string, password?: string) => void) => void {
  return (authInfo, callback) => {
    if (!authInfo.isProxy) return callback();
    void ask({ host: authInfo.host, port: authInfo.port, realm: authInfo.realm, scheme: authInfo.scheme }).then(
      (credentials) => (credentials ? callback(credentials.username, credentials.password) : callback()),
      () => callback(),
    );
  };
}

/**
 * The app's web contents (the UiTiD login window, the page) ask for a login through `app`'s event;
 * Chromium cancels it unless a listener prevents the default. electron-updater's downloads ask through
 * its own event (update/updater.ts). The UiTPAS calls of main go through session.fetch, which answers a
 * proxy's question itself with "no credentials" (electron lib/browser/api/net-fetch.ts adds no `login`
 * listener): on those, only integrated Windows authentication or a proxy exception for UiTPAS works.
 */
export function answerProxyLogins(app: Pick<App, 'on'>, ask: AskProxyCredentials): void {
  const answer = proxyLoginHandler(ask);
  app.on('login', (event, _contents, _details, authInfo, callback) => {
    event.preventDefault();
    answer(authInfo, callback);
  });
}

/** What Chromium will use for this URL ("DIRECT", "PROXY host:port", …), for the support report. */
export function proxyFor(ses: Session): (url: string) => Promise<string> {
  return (url) => ses.resolveProxy(url);
}
