/**
 * The browser host: serves the built renderer on 127.0.0.1 and gives the page
 * the same `window.balie` API over a loopback WebSocket, bound to the same
 * dispatcher as Electron's ipc. For development and end-to-end tests only;
 * never packaged.
 *
 * The page's files are the app's public code and are served to any request
 * whose Host is this server (so a DNS-rebinding page cannot read them under its
 * own name). What matters, the socket, needs a secret. The printed URL carries
 * this run's start-up token in its fragment (never sent over HTTP, so in no
 * server log); it opens one socket, once: the host answers on it with a secret
 * of that tab, and the token is spent, so a copy in the terminal's scrollback
 * or the browser's history opens nothing. The bridge keeps the tab secret in
 * sessionStorage (per origin and per tab) and offers it as a WebSocket
 * subprotocol; a tab has at most one live socket, and reconnects with its
 * secret when that socket closes. No cookie: cookies ignore the port, so
 * every other local server's page would carry it. The upgrade must also come
 * from this origin (Origin) to this host (Host).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { securityHeaders } from '../window/csp';
import type { Dispatch } from '../ipc/dispatch';
import type { MainEvents } from '../ipc/main-events';
import { readStaticFile } from '../window/static-files';
import { bridgeProtocol, bridgeScriptPath, bridgeSocketPath, isWireRequest, tabProtocolPrefix, tokenProtocolPrefix, type WireMessage } from './wire';

export interface BrowserHostOptions {
  rendererRoot: string;
  /** The built bridge client (out-dev/browser-host/bridge.js). */
  bridgeScriptFile: string;
  dispatch: Dispatch;
  events: MainEvents;
  /** 0 picks a free port. */
  port?: number;
  log?: Pick<Console, 'warn'>;
}

export interface BrowserHost {
  /** Open this, once: its fragment carries the run's start-up token, which the first page trades for a tab secret. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Larger messages close that socket (1009) and nothing else; the page's biggest request is a few KB. */
export const maxMessageBytes = 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { rendererRoot, bridgeScriptFile, dispatch, events, log = console } = options;
  const token = randomBytes(32).toString('base64url');
  /** Cleared by the first socket it opens. */
  let startToken: string | null = token;
  /** Per tab (keyed by the SHA-256 of its secret, so a lookup times nothing secret): whether a socket of it is open or opening. */
  const tabs = new Map<string, { live: boolean }>();
  const bridgeScript = await readFile(bridgeScriptFile);
  let origin = '';
  let host = '';

  const isStartToken = (candidate: string | undefined): boolean => {
    if (!candidate || startToken === null) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(startToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const tabKey = (secret: string) => createHash('sha256').update(secret).digest('base64url');
  const offered = (request: IncomingMessage, prefix: string) =>
    (request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((protocol) => protocol.trim())
      .find((protocol) => protocol.startsWith(prefix))
      ?.slice(prefix.length);
  /** Which tab this upgrade is for: a known tab without a live socket, or a new tab for the unspent start-up token. */
  const tabFor = (request: IncomingMessage): { tab: { live: boolean }; newSecret?: string } | undefined => {
    const secret = offered(request, tabProtocolPrefix);
    if (secret) {
      const tab = tabs.get(tabKey(secret));
      return tab && !tab.live ? { tab } : undefined;
    }
    if (!isStartToken(offered(request, tokenProtocolPrefix))) return undefined;
    startToken = null;
    const newSecret = randomBytes(32).toString('base64url');
    const tab = { live: false };
    tabs.set(tabKey(newSecret), tab);
    return { tab, newSecret };
  };

  const server = createServer((request, response) => {
    void route(request)
      .catch((): Reply => text(500, 'Interne fout.'))
      .then(({ status, headers, body }) => {
        response.writeHead(status, { ...securityHeaders, ...headers });
        response.end(body);
      });
  });

  async function route(request: IncomingMessage): Promise<Reply> {
    if (request.headers.host !== host) return text(421, 'Verkeerde host.');
    if (request.method !== 'GET') return text(405, 'Niet toegestaan.');
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === bridgeScriptPath) {
      return { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: bridgeScript };
    }
    const file = await readStaticFile(rendererRoot, url.pathname);
    if (!file) return text(404, 'Niet gevonden.');
    const body = file.contentType.startsWith('text/html') ? withBridge(file.body) : file.body;
    return { status: 200, headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' }, body };
  }

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    // Answer with the plain protocol name: the token is never sent back.
    handleProtocols: (protocols) => (protocols.has(bridgeProtocol) ? bridgeProtocol : false),
  });
  sockets.on('error', (error) => log.warn(`[browser-host] socketserver: ${error.name}`));
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', origin).pathname;
    const granted = path === bridgeSocketPath && request.headers.host === host && request.headers.origin === origin ? tabFor(request) : undefined;
    if (!granted) {
      log.warn('[browser-host] socket zonder geldige sleutel, van een andere oorsprong of voor een tab die al verbonden is geweigerd');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Taken from now until the connection closes (also one that closes mid-handshake): one socket per tab.
    granted.tab.live = true;
    socket.once('close', () => {
      granted.tab.live = false;
    });
    sockets.handleUpgrade(request, socket, head, (ws) => {
      if (granted.newSecret) ws.send(JSON.stringify({ kind: 'tab', secret: granted.newSecret } satisfies WireMessage));
      servePage(ws);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  function servePage(ws: WebSocket): void {
    const post = (message: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = events.subscribe((channel, payload) => post({ kind: 'event', channel, payload }));
    // A message over maxPayload, or a broken frame: ws reports it here and closes that socket; the host lives on.
    ws.on('error', (error) => log.warn(`[browser-host] socket gesloten: ${error.name}`));
    ws.on('message', (data, isBinary) => {
      const request = isBinary ? undefined : parseJson(textOf(data));
      if (!isWireRequest(request)) {
        ws.close(1008, 'ongeldig bericht');
        return;
      }
      void dispatch(request.channel, request.payload).then((result) => post({ kind: 'response', id: request.id, result }));
    });
    ws.on('close', unsubscribe);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    origin,
    url: `${origin}/#${new URLSearchParams({ token }).toString()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A classic script in <head> runs before Vite's deferred module, so `window.balie` exists when the app starts. */
function withBridge(html: Buffer): string {
  return html.toString('utf8').replace('<head>', `<head><script src="${bridgeScriptPath}"></script>`);
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function text(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
