/**
 * The app's network as the PC sees it: every UiTPAS and UiTiD call from main goes through Chromium's
 * network stack (Electron's net.request in a session of the app's), so the system proxy and PAC, proxy
 * authentication (integrated Windows authentication included, and a proxy's password question put to staff)
 * and the OS certificate store apply (a TLS-inspecting proxy whose root IT installed is trusted like in the
 * browser). A session of its own, in memory: the policy's proxy changes nothing for the login window, and no
 * cookie or cache is kept on disk. Thin on purpose: what an answer means is decided in
 * electron/uitpas/transport.ts for every transport.
 */
import { Readable } from 'node:stream';
import { net, session as sessions, type App, type IncomingMessage, type Session } from 'electron';
import type { ProxyPolicy } from '../settings/policy';
import { callTimeoutMs } from '../uitpas/client-core';
import { RedirectRefusedError, type HttpTransport } from '../uitpas/transport';

export const networkPartition = 'uitpas-network';

export function networkSession(): Session {
  return sessions.fromPartition(networkPartition);
}

/** The answer as fetch gives it; the body streams (transport.ts reads it under its cap). */
function asResponse(answer: IncomingMessage, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const bodyless = [101, 204, 205, 304].includes(answer.statusCode) || method === 'HEAD';
  return new Response(bodyless ? null : (Readable.toWeb(answer as unknown as Readable) as ReadableStream<Uint8Array>), { status: answer.statusCode, headers });
}

/**
 * fetch's shape over Electron's net.request, as net.fetch builds it (electron lib/browser/api/net-fetch.ts), with
 * what net.fetch lacks: an authenticating proxy's question (ClientRequest's `login` event, which net.fetch answers
 * with no credentials) goes to staff. The time staff spend in that dialog does not count against the call: a
 * signal that ends meanwhile waits for their answer; none (or the dialog's own time running out) fails as the
 * proxy's question (nothing reached UiTPAS), credentials give the call its time again from then on. No
 * `credentials` option: Electron's default sends the session's authentication data and no cookies.
 * Failures stay Chromium's (`net::ERR_…`); an abort ends a body being read too (Electron's ClientRequest
 * destroys its response); redirect 'manual' fails with "Redirect was cancelled" (electron
 * lib/common/api/net-client-request.ts), said here as a refused redirect.
 */
export function chromiumTransport(ses: Session, askProxy: AskProxyCredentials = () => Promise.resolve(null)): HttpTransport {
  const onLogin = proxyLoginHandler(askProxy);
  return async (input, init) => {
    const call = new Request(input, init);
    const body = call.body ? Buffer.from(await call.arrayBuffer()) : undefined;
    const { signal } = call;
    if (signal.aborted) throw signal.reason;
    return new Promise<Response>((resolve, reject) => {
      const request = net.request({ session: ses, method: call.method, url: call.url, redirect: call.redirect, bypassCustomProtocolHandlers: true });
      for (const [name, value] of call.headers) request.setHeader(name, value);
      let loginsOpen = 0;
      let timedOutInLogin = false;
      let afterLogin: ReturnType<typeof setTimeout> | undefined;
      const abort = (reason: unknown) => {
        request.abort();
        reject(reason instanceof Error ? reason : new Error(String(reason)));
      };
      signal.addEventListener(
        'abort',
        () => {
          if (loginsOpen > 0) timedOutInLogin = true;
          else abort(signal.reason);
        },
        { once: true },
      );
      request.on('login', (authInfo, callback) => {
        loginsOpen += 1;
        onLogin(authInfo, (username, password) => {
          loginsOpen -= 1;
          if (!timedOutInLogin) return callback(username, password);
          if (username === undefined || password === undefined) {
            callback();
            return abort(new Error('net::ERR_PROXY_AUTH_REQUESTED'));
          }
          callback(username, password);
          afterLogin = setTimeout(() => abort(new DOMException('The operation timed out after the proxy login.', 'TimeoutError')), callTimeoutMs);
        });
      });
      request.on('response', (response) => {
        response.on('end', () => clearTimeout(afterLogin));
        resolve(asResponse(response, call.method));
      });
      request.on('error', (error) => reject(error.message === 'Redirect was cancelled' ? new RedirectRefusedError() : error));
      request.end(body);
    });
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
 * its own event (update/updater.ts), the UiTPAS calls through their requests' (chromiumTransport).
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
