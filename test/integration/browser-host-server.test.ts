import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import type { WireMessage } from '../../electron/browser-host/wire';
import { MainEvents } from '../../electron/ipc/main-events';
import { fakeHandlers } from '../support/fake-handlers';

const dir = mkdtempSync(join(tmpdir(), 'browser-host-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
writeFileSync(join(dir, 'bridge.js'), 'window.bridge = 1;');

const handlers = fakeHandlers({
  'app:getInfo': () => ({ name: 'UiTPAS Balie', version: '9.9.9', platform: 'linux', host: 'browser' }),
});

describe('browser host server', () => {
  const events = new MainEvents();
  let host: BrowserHost;
  let cookie: string;

  beforeAll(async () => {
    host = await startBrowserHost({
      rendererRoot: dir,
      bridgeScriptFile: join(dir, 'bridge.js'),
      dispatch: createDispatcher(handlers, { warn: () => undefined }),
      events,
      log: { warn: () => undefined },
    });
    const login = await fetch(host.url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(() => host.close());

  it('listens on loopback only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('trades the run secret for an HttpOnly, SameSite=Strict cookie', async () => {
    const login = await fetch(host.url, { redirect: 'manual' });
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(login.headers.get('location')).toBe('/');
  });

  it('refuses the page without the secret, or with a wrong one', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/?token=guess`, { redirect: 'manual' })).status).toBe(403);
  });

  it('serves the page with the CSP and the bridge script before the app', async () => {
    const page = await fetch(`${host.origin}/`, { headers: { cookie } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<head><script src="/__balie/bridge.js"></script>');
  });

  function openSocket(headers: Record<string, string>): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/__balie/socket`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it.each([
    ['without the cookie', () => ({ origin: host.origin })],
    ['from another origin', () => ({ origin: 'http://evil.example', cookie })],
    ['with a forged cookie', () => ({ origin: host.origin, cookie: 'balie_host=forged' })],
  ])('refuses a socket %s', async (_name, headers) => {
    await expect(openSocket(headers())).rejects.toThrow('HTTP 403');
  });

  it('dispatches requests from the page and pushes main events to it', async () => {
    const ws = await openSocket({ origin: host.origin, cookie });
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
    const ws = await openSocket({ origin: host.origin, cookie });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });
});
