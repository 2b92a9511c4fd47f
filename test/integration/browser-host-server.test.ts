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
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
  const hosts: BrowserHost[] = [];
  let host: BrowserHost;
  let token: string;

  /** A host of its own, so its start-up token is unspent. */
  async function startHost(): Promise<{ host: BrowserHost; token: string }> {
    const started = await startBrowserHost({
      rendererRoot: dir,
      bridgeScriptFile: bridgeFile,
      dispatch: createDispatcher(handlers, { warn: () => undefined }),
      events,
      log: { warn: (message: string) => warnings.push(message) },
    });
    hosts.push(started);
    return { host: started, token: new URLSearchParams(new URL(started.url).hash.slice(1)).get('token') ?? '' };
  }

  beforeAll(async () => {
    ({ host, token } = await startHost());
  });
  afterAll(() => Promise.all(hosts.map((started) => started.close())));

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

  /** A socket and the messages it got (listened to from the start: the tab secret comes first). */
  function openSocket(on: BrowserHost, protocols: string[], headers: Record<string, string> = { origin: on.origin }): Promise<{ ws: WebSocket; messages: WireMessage[] }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${on.origin.replace('http', 'ws')}/__balie/socket`, protocols, { headers });
      const messages: WireMessage[] = [];
      ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as WireMessage));
      ws.once('open', () => resolve({ ws, messages }));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }
  /** Trades the start-up token for a tab secret, as the page's first socket does. */
  async function openTab(on: BrowserHost, startToken: string): Promise<{ ws: WebSocket; secret: string; messages: WireMessage[] }> {
    const { ws, messages } = await openSocket(on, ['balie', `balie-token.${startToken}`]);
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    const first = messages.shift();
    if (first?.kind !== 'tab') throw new Error('the first message names the tab');
    return { ws, secret: first.secret, messages };
  }
  const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

  it.each([
    ['without the token', () => ['balie'], (on: BrowserHost) => ({ origin: on.origin })],
    ['with a wrong token', () => ['balie', `balie-token.${'A'.repeat(43)}`], (on: BrowserHost) => ({ origin: on.origin })],
    ['with a made-up tab secret', () => ['balie', `balie-tab.${'A'.repeat(43)}`], (on: BrowserHost) => ({ origin: on.origin })],
    ['from another port (another origin), token and all', (fresh: string) => ['balie', `balie-token.${fresh}`], (on: BrowserHost) => ({ origin: on.origin.replace(/:\d+$/, ':1') })],
    ['from another site', (fresh: string) => ['balie', `balie-token.${fresh}`], () => ({ origin: 'http://evil.example' })],
    ['without an Origin', (fresh: string) => ['balie', `balie-token.${fresh}`], () => ({})],
    ['under another Host', (fresh: string) => ['balie', `balie-token.${fresh}`], (on: BrowserHost) => ({ origin: on.origin, host: 'attacker.example' })],
  ])('refuses a socket %s (and the token still opens the page\'s own)', async (_name, protocols, headers) => {
    const fresh = await startHost();
    await expect(openSocket(fresh.host, protocols(fresh.token), headers(fresh.host))).rejects.toThrow('HTTP 403');
    const { ws } = await openTab(fresh.host, fresh.token);
    ws.close();
  });

  it('trades the start-up token for a tab secret once: a second socket with the token is refused, even after the first closed', async () => {
    const fresh = await startHost();
    const { ws, secret } = await openTab(fresh.host, fresh.token);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret).not.toBe(fresh.token);
    await expect(openSocket(fresh.host, ['balie', `balie-token.${fresh.token}`])).rejects.toThrow('HTTP 403');
    ws.close();
    await closed(ws);
    await expect(openSocket(fresh.host, ['balie', `balie-token.${fresh.token}`])).rejects.toThrow('HTTP 403');
  });

  it('gives a tab one live socket: a second socket with its secret is refused until the first has closed', async () => {
    const fresh = await startHost();
    const first = await openTab(fresh.host, fresh.token);
    const withSecret = ['balie', `balie-tab.${first.secret}`];
    await expect(openSocket(fresh.host, withSecret)).rejects.toThrow('HTTP 403');
    first.ws.close();
    await closed(first.ws);
    await expect.poll(() => openSocket(fresh.host, withSecret).then(({ ws }) => (ws.close(), true), () => false)).toBe(true);
  });

  it('never sends the token or the secret back: the socket speaks plain "balie"', async () => {
    const fresh = await startHost();
    const first = await openTab(fresh.host, fresh.token);
    expect(first.ws.protocol).toBe('balie');
    first.ws.close();
    await closed(first.ws);
    const { ws } = await openSocket(fresh.host, ['balie', `balie-tab.${first.secret}`]);
    expect(ws.protocol).toBe('balie');
    ws.close();
  });

  it('dispatches requests from the page and pushes main events to it', async () => {
    const fresh = await startHost();
    const { ws, messages } = await openTab(fresh.host, fresh.token);

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
    const fresh = await startHost();
    const { ws } = await openTab(fresh.host, fresh.token);
    const code = closed(ws);
    ws.send('not json');
    expect(await code).toBe(1008);
  });

  it('closes a socket that sends more than 1 MB (1009); the tab opens a new one with its secret and is served', async () => {
    const fresh = await startHost();
    const { ws, secret } = await openTab(fresh.host, fresh.token);
    const code = closed(ws);
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ id: 1, channel: 'app:getInfo', payload: 'x'.repeat(2 * 1024 * 1024) }));
    expect(await code).toBe(1009);
    const next = await vi.waitFor(() => openSocket(fresh.host, ['balie', `balie-tab.${secret}`]));
    next.ws.send(JSON.stringify({ id: 7, channel: 'app:getInfo' }));
    await expect.poll(() => next.messages[0]).toMatchObject({ id: 7, result: { ok: true } });
    next.ws.close();
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

    it('the app page connects (also after a reload, with its tab secret); the spent link and the other page cannot', async () => {
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

        // The link from the terminal or the history, opened again: its token is spent.
        const again = await context.newPage();
        await again.goto(host.url);
        expect(await again.evaluate(async () => (await (globalThis as unknown as { balie: { getAppInfo(): Promise<{ ok: boolean }> } }).balie.getAppInfo()).ok)).toBe(false);
        await again.close();

        const intruder = await context.newPage();
        await intruder.goto(`${otherOrigin}/`);
        const attempt = await intruder.evaluate(
          ({ target }) =>
            new Promise<{ stored: string | null; opened: boolean }>((done) => {
              const page = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null }; WebSocket: typeof WebSocket };
              const stored = page.sessionStorage.getItem('balie-host-tab');
              // The page's own WebSocket, not the ws import of this file.
              const socket = new page.WebSocket(`ws://${target}/__balie/socket`, ['balie', `balie-tab.${stored ?? ''}`]);
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

    it('reconnects by itself after the host closed its socket: the next call works without a reload', async () => {
      const fresh = await startHost();
      const browser = await launchChromium();
      try {
        const app = await browser.newPage();
        await app.goto(fresh.host.url);
        type Page = { balie: { getAppInfo(): Promise<{ ok: boolean }>; findPassholders(request: { query: string }): Promise<{ ok: boolean; error?: { code: string } }> } };
        const info = () => app.evaluate(async () => (await (globalThis as unknown as Page).balie.getAppInfo()).ok);
        expect(await info()).toBe(true);
        // Over 1 MB: the host closes this socket (1009); the call on it answers internal.
        const oversize = await app.evaluate(async () => (await (globalThis as unknown as Page).balie.findPassholders({ query: 'x'.repeat(2 * 1024 * 1024) })).error?.code);
        expect(oversize).toBe('internal');
        expect(await info()).toBe(true);
        expect(app.url()).toBe(`${fresh.host.origin}/`);
      } finally {
        await browser.close();
      }
    });
  });
});
