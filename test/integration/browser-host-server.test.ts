/**
 * The browser host over real HTTP and WebSocket: the page is public code, the
 * socket needs this run's token (fragment → sessionStorage → subprotocol), its
 * own Origin and Host; a page of another local server (another port, so
 * another origin) gets nowhere, in Node and in Chromium; an oversize message
 * closes that socket only.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import type { WireMessage } from '../../electron/browser-host/wire';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { MainEvents } from '../../electron/ipc/main-events';
import { chromiumAvailability, launchChromium } from '../support/chromium';
import { fakeHandlers } from '../support/fake-handlers';

const dir = mkdtempSync(join(tmpdir(), 'browser-host-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
// The real bridge when it is built (npm test builds it first), so Chromium runs what the page runs.
const builtBridge = resolve(import.meta.dirname, '../../out-dev/browser-host/bridge.js');
const bridgeFile = existsSync(builtBridge) ? builtBridge : join(dir, 'bridge.js');
if (!existsSync(builtBridge)) writeFileSync(bridgeFile, 'window.bridge = 1;');

const handlers = fakeHandlers({
  'app:getInfo': () => ({ name: 'UiTPAS Balie', version: '9.9.9', platform: 'linux', host: 'browser' }),
});

describe('browser host server', () => {
  const events = new MainEvents();
  const warnings: string[] = [];
  let host: BrowserHost;
  let token: string;

  beforeAll(async () => {
    host = await startBrowserHost({
      rendererRoot: dir,
      bridgeScriptFile: bridgeFile,
      dispatch: createDispatcher(handlers, { warn: () => undefined }),
      events,
      log: { warn: (message: string) => warnings.push(message) },
    });
    token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token') ?? '';
  });
  afterAll(() => host.close());

  it('listens on loopback only, and carries its token in the fragment, never in what HTTP sends', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = new URL(host.url);
    expect(url.search).toBe('');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page with the CSP and the bridge script before the app, and sets no cookie', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<head><script src="/__balie/bridge.js"></script>');
  });

  it('answers only under its own name (a DNS-rebinding page names another host) and only GET', async () => {
    const rebound = await new Promise<number>((done) => {
      httpRequest(`${host.origin}/`, { headers: { host: 'attacker.example:80' } }, (response) => done(response.statusCode ?? 0)).end();
    });
    expect(rebound).toBe(421);
    expect((await fetch(`${host.origin}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  function openSocket(protocols: string[], headers: Record<string, string>): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/__balie/socket`, protocols, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }
  const withToken = () => ['balie', `balie-token.${token}`];

  it.each([
    ['without the token', () => ['balie'], () => ({ origin: host.origin })],
    ['with a wrong token', () => ['balie', `balie-token.${'A'.repeat(43)}`], () => ({ origin: host.origin })],
    ['from another port (another origin), token and all', withToken, () => ({ origin: host.origin.replace(/:\d+$/, ':1') })],
    ['from another site', withToken, () => ({ origin: 'http://evil.example' })],
    ['without an Origin', withToken, () => ({})],
    ['under another Host', withToken, () => ({ origin: host.origin, host: 'attacker.example' })],
  ])('refuses a socket %s', async (_name, protocols, headers) => {
    await expect(openSocket(protocols(), headers())).rejects.toThrow('HTTP 403');
  });

  it('never sends the token back: the socket speaks plain "balie"', async () => {
    const ws = await openSocket(withToken(), { origin: host.origin });
    expect(ws.protocol).toBe('balie');
    ws.close();
  });

  it('dispatches requests from the page and pushes main events to it', async () => {
    const ws = await openSocket(withToken(), { origin: host.origin });
    const messages: WireMessage[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as WireMessage));

    ws.send(JSON.stringify({ id: 1, channel: 'app:getInfo' }));
    ws.send(JSON.stringify({ id: 2, channel: 'app:getInfo', payload: { extra: true } }));
    ws.send(JSON.stringify({ id: 3, channel: 'fs:readFile', payload: '/etc/passwd' }));
    await expect.poll(() => messages.length).toBe(3);
    events.emit('eid:readers', { service: 'unavailable', readers: [] });
    await expect.poll(() => messages.length).toBe(4);

    const byId = (id: number) => messages.find((m) => m.kind === 'response' && m.id === id);
    expect(byId(1)).toMatchObject({ result: { ok: true, value: { version: '9.9.9' } } });
    expect(byId(2)).toMatchObject({ result: { ok: false, error: { code: 'invalid-request' } } });
    expect(byId(3)).toMatchObject({ result: { ok: false, error: { code: 'unknown-channel' } } });
    expect(messages[3]).toEqual({ kind: 'event', channel: 'eid:readers', payload: { service: 'unavailable', readers: [] } });
    ws.close();
  });

  it('closes a socket that sends something that is not a request', async () => {
    const ws = await openSocket(withToken(), { origin: host.origin });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });

  it('closes a socket that sends more than 1 MB (1009) and goes on serving the others', async () => {
    const ws = await openSocket(withToken(), { origin: host.origin });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ id: 1, channel: 'app:getInfo', payload: 'x'.repeat(2 * 1024 * 1024) }));
    expect(await closed).toBe(1009);
    const next = await openSocket(withToken(), { origin: host.origin });
    const answer = new Promise<WireMessage>((resolve) => next.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as WireMessage)));
    next.send(JSON.stringify({ id: 7, channel: 'app:getInfo' }));
    expect(await answer).toMatchObject({ id: 7, result: { ok: true } });
    next.close();
  });

  describe.skipIf(!existsSync(builtBridge) || !chromiumAvailability().available)('in Chromium, with a page of another local server open beside it', () => {
    let other: Server;
    let otherOrigin: string;

    beforeAll(async () => {
      // Another local server's page: tries the host's socket with whatever it can find.
      other = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<!doctype html><title>other</title><body></body>');
      });
      await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
      otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => other.close(() => done())));

    it('the app page connects (also after a reload, from sessionStorage); the other page cannot', async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext();
        const app = await context.newPage();
        await app.goto(host.url);
        const info = () => app.evaluate(async () => (await (globalThis as unknown as { balie: { getAppInfo(): Promise<{ ok: boolean }> } }).balie.getAppInfo()).ok);
        expect(await info()).toBe(true);
        expect(app.url()).toBe(`${host.origin}/`);
        await app.reload();
        expect(await info()).toBe(true);

        const intruder = await context.newPage();
        await intruder.goto(`${otherOrigin}/`);
        const attempt = await intruder.evaluate(
          ({ target }) =>
            new Promise<{ stored: string | null; opened: boolean }>((done) => {
              const page = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null }; WebSocket: typeof WebSocket };
              const stored = page.sessionStorage.getItem('balie-host-token');
              // The page's own WebSocket, not the ws import of this file.
              const socket = new page.WebSocket(`ws://${target}/__balie/socket`, ['balie', `balie-token.${stored ?? ''}`]);
              socket.onopen = () => done({ stored, opened: true });
              socket.onerror = () => done({ stored, opened: false });
            }),
          { target: new URL(host.origin).host },
        );
        expect(attempt).toEqual({ stored: null, opened: false });
      } finally {
        await browser.close();
      }
    });
  });
});
