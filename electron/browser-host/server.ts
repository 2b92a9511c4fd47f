/**
 * The browser host: serves the built renderer on 127.0.0.1 and gives the page
 * the same `window.balie` API over a loopback WebSocket, bound to the same
 * dispatcher as Electron's ipc. For development and end-to-end tests only;
 * never packaged.
 *
 * Access needs this run's secret: the printed URL carries it once, the server
 * trades it for an HttpOnly, SameSite=Strict cookie, and every later request
 * and the socket upgrade must carry that cookie (and, for the socket, this
 * origin), so another local page or user cannot drive the services.
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
import { bridgeScriptPath, bridgeSocketPath, isWireRequest, type WireMessage } from './wire';

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
  /** Open this once: it carries the run's secret. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const cookieName = 'balie_host';
const maxMessageBytes = 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { rendererRoot, bridgeScriptFile, dispatch, events, log = console } = options;
  const secret = randomBytes(32).toString('base64url');
  const bridgeScript = await readFile(bridgeScriptFile);
  let origin = '';

  const isSecret = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const hasSessionCookie = (request: IncomingMessage) => isSecret(readCookie(request, cookieName));

  const server = createServer((request, response) => {
    void route(request)
      .catch((): Reply => text(500, 'Interne fout.'))
      .then(({ status, headers, body }) => {
        response.writeHead(status, { ...securityHeaders, ...headers });
        response.end(body);
      });
  });

  async function route(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', origin);
    if (url.searchParams.has('token')) {
      if (!isSecret(url.searchParams.get('token'))) return text(403, 'Ongeldige sleutel.');
      const cookie = `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
      return { status: 303, headers: { 'Set-Cookie': cookie, Location: url.pathname } };
    }
    if (!hasSessionCookie(request)) return text(403, 'Open de link die `npm run dev:browser` afdrukte.');
    if (request.method !== 'GET') return text(405, 'Niet toegestaan.');
    if (url.pathname === bridgeScriptPath) {
      return { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: bridgeScript };
    }
    const file = await readStaticFile(rendererRoot, url.pathname);
    if (!file) return text(404, 'Niet gevonden.');
    const body = file.contentType.startsWith('text/html') ? withBridge(file.body) : file.body;
    return { status: 200, headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' }, body };
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path !== bridgeSocketPath || request.headers.origin !== origin || !hasSessionCookie(request)) {
      log.warn('[browser-host] socket zonder geldige sessie geweigerd');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => servePage(ws));
  });

  function servePage(ws: WebSocket): void {
    const post = (message: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = events.subscribe((channel, payload) => post({ kind: 'event', channel, payload }));
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
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: `${origin}/?token=${secret}`,
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

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
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
