/**
 * The browser host: serves the built renderer on 127.0.0.1 and gives the page
 * the same `window.balie` API over a loopback WebSocket, bound to the same
 * dispatcher as Electron's ipc. For development and end-to-end tests only;
 * never packaged.
 *
 * The page's files are the app's public code and are served to any request
 * whose Host is this server (so a DNS-rebinding page cannot read them under its
 * own name). What matters, the socket, needs this run's token: the printed URL
 * carries it in its fragment (never sent over HTTP, so in no server log), the bridge
 * keeps it in sessionStorage (per origin: scheme, host and port) and offers it
 * as a WebSocket subprotocol. No cookie: cookies ignore the port, so every
 * other local server's page would carry it. The upgrade must also come from
 * this origin (Origin) to this host (Host).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { securityHeaders } from '../window/csp';
import type { Dispatch } from '../ipc/dispatch';
import type { MainEvents } from '../ipc/main-events';
import { readStaticFile } from '../window/static-files';
import { bridgeProtocol, bridgeScriptPath, bridgeSocketPath, isWireRequest, tokenProtocolPrefix, type WireMessage } from './wire';

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
  /** Open this: its fragment carries the run's token. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Larger messages close that socket (1009) and nothing else; the page's biggest request is a few KB. */
export const maxMessageBytes = 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { rendererRoot, bridgeScriptFile, dispatch, events, log = console } = options;
  const token = randomBytes(32).toString('base64url');
  const bridgeScript = await readFile(bridgeScriptFile);
  let origin = '';
  let host = '';

  const isToken = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const offeredToken = (request: IncomingMessage) =>
    (request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((protocol) => protocol.trim())
      .find((protocol) => protocol.startsWith(tokenProtocolPrefix))
      ?.slice(tokenProtocolPrefix.length);

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
    if (path !== bridgeSocketPath || request.headers.host !== host || request.headers.origin !== origin || !isToken(offeredToken(request))) {
      log.warn('[browser-host] socket zonder geldige sleutel of van een andere oorsprong geweigerd');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => servePage(ws));
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
