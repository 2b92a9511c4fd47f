/**
 * A stand-in for Chromium's network as Electron 45 gives it to main, for the transport contract: a session
 * (setProxy, resolveProxy, closeAllConnections) and `net.request`'s ClientRequest over node:http, behaving as
 * Electron documents and implements them (electron docs/api/client-request.md, lib/common/api/net-client-request.ts):
 * failures are `Error('net::ERR_…')`, also inside the body stream; redirect 'manual' emits `redirect` and fails
 * with "Redirect was cancelled" unless followRedirect is called in it; a proxy's 407 emits `login` (isProxy), and
 * the credentials given are sent again and kept for the session's later requests (Chromium's auth cache), while
 * none given "cancel the request and report an authentication error on the response object" (the 407); a
 * server's 401 emits `login` too (not isProxy); an abort destroys the response being read (ClientRequest's _die); a
 * fixed_servers proxy from setProxy is used for every request (absolute-form). http targets only: the app's are
 * https, whose CONNECT tunnel and TLS are Chromium's and not modelled. A session that is not a stand-in (the mocked
 * app's default ones) is offline.
 */
import { EventEmitter } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { vi } from 'vitest';

const netErrors: Record<string, string> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EPIPE: 'ERR_CONNECTION_RESET',
};
const netError = (error: NodeJS.ErrnoException) => new Error(`net::${netErrors[error.code ?? ''] ?? 'ERR_FAILED'}`);

interface Network {
  proxy: { host: string; port: number } | null;
  /** Chromium's auth cache: the Proxy-Authorization a proxy accepted, for this session's later requests. */
  proxyAuthorization: string | null;
}
const networks = new WeakMap<object, Network>();

export function chromiumSessionStandIn() {
  const network: Network = { proxy: null, proxyAuthorization: null };
  const setProxy = vi.fn((config: { mode: string; proxyRules?: string }) => {
    const rule = config.mode === 'fixed_servers' ? /^(?:http:\/\/)?([^:/]+):(\d+)$/.exec(config.proxyRules ?? '') : null;
    network.proxy = rule ? { host: rule[1] ?? '', port: Number(rule[2]) } : null;
    network.proxyAuthorization = null;
    return Promise.resolve();
  });
  const session = {
    setProxy,
    closeAllConnections: vi.fn(() => Promise.resolve()),
    resolveProxy: vi.fn((_url: string) => Promise.resolve(network.proxy ? `PROXY ${network.proxy.host}:${network.proxy.port}` : 'DIRECT')),
  };
  networks.set(session, network);
  return session;
}

interface RequestOptions {
  session?: object;
  method?: string;
  url?: string;
  redirect?: 'follow' | 'error' | 'manual';
}

type LoginCallback = (username?: string, password?: string) => void;

/** `net.request` for the mocked electron module. */
export function netRequestStandIn(options: RequestOptions) {
  const network = options.session ? networks.get(options.session) : undefined;
  const url = new URL(options.url ?? '');
  const headers: Record<string, string> = {};
  let current: ReturnType<typeof httpRequest> | undefined;
  let delivered: IncomingMessage | undefined;
  let aborted = false;

  const send = (client: EventEmitter, body: Buffer | undefined, proxyAuthorization: string | null) => {
    if (!network) return client.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    const { proxy } = network;
    const request = httpRequest({
      host: proxy?.host ?? url.hostname,
      port: proxy?.port ?? Number(url.port || 80),
      path: proxy ? url.href : `${url.pathname}${url.search}`,
      method: options.method ?? 'GET',
      headers: {
        ...headers,
        host: url.host,
        ...(body === undefined ? {} : { 'content-length': String(body.byteLength) }),
        ...(proxy && proxyAuthorization ? { 'proxy-authorization': proxyAuthorization } : {}),
      },
    });
    current = request;
    let answered: IncomingMessage | undefined;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (aborted) return;
      if (answered) answered.destroy(netError(error));
      else client.emit('error', netError(error));
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const asksProxy = status === 407 && proxy;
      if ((asksProxy || status === 401) && client.listenerCount('login') > 0) {
        const challenge = /^(\w+)(?:\s+realm="([^"]*)")?/.exec(response.headers[asksProxy ? 'proxy-authenticate' : 'www-authenticate'] ?? '');
        const callback: LoginCallback = (username, password) => {
          if (username === undefined || password === undefined) return deliver(client, response, request);
          if (!asksProxy) throw new Error('this stand-in answers no server login');
          response.resume();
          send(client, body, `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
        };
        const where = asksProxy ? { host: asksProxy.host, port: asksProxy.port } : { host: url.hostname, port: Number(url.port || 80) };
        client.emit('login', { isProxy: Boolean(asksProxy), scheme: (challenge?.[1] ?? 'basic').toLowerCase(), ...where, realm: challenge?.[2] ?? '' }, callback);
        return;
      }
      if (proxy && proxyAuthorization && status !== 407) network.proxyAuthorization = proxyAuthorization;
      if (status >= 300 && status < 400 && response.headers.location) {
        request.destroy();
        if (options.redirect !== 'manual') return client.emit('error', new Error('this stand-in follows no redirect'));
        // The app never calls followRedirect: the redirect is cancelled.
        client.emit('redirect', status, options.method ?? 'GET', response.headers.location, response.headers);
        return client.emit('error', new Error('Redirect was cancelled'));
      }
      answered = response;
      deliver(client, response, request);
    });
    request.end(body);
  };

  const deliver = (client: EventEmitter, response: IncomingMessage, request: ReturnType<typeof httpRequest>) => {
    response.on('error', () => undefined);
    request.socket?.on('close', () => {
      if (!response.complete) response.destroy(new Error('net::ERR_CONNECTION_CLOSED'));
    });
    delivered = response;
    client.emit('response', response);
  };

  const client = Object.assign(new EventEmitter(), {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    end: (chunk?: Buffer | string) => {
      const body = chunk === undefined ? undefined : Buffer.from(chunk);
      // Chromium sends what its auth cache holds for the proxy at once.
      queueMicrotask(() => send(client, body, network?.proxyAuthorization ?? null));
      return client;
    },
    abort: () => {
      aborted = true;
      current?.destroy();
      delivered?.destroy();
      client.emit('abort');
    },
  });
  return client;
}
