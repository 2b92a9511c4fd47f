/**
 * One network: the policy's proxy goes to every session the app uses (the UiTPAS calls, the UiTiD login
 * partition, electron-updater's session), checked with a real HTTP proxy on 127.0.0.1 that every request
 * must pass (sessions are the Chromium stand-in: no Electron here); and a proxy asking for credentials
 * gets staff's answer, a server asking for a password gets nothing.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumSessionStandIn } from '../support/chromium-net-stand-in';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());
const { applyProxyEverywhere, chromiumTransport, proxyLoginHandler } = await import('../../electron/window/network');

let target: Server;
let proxy: Server;
let targetUrl = '';
let proxyPort = 0;
const proxied: string[] = [];

beforeAll(async () => {
  target = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/plain' }).end('target'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/feed/latest.yml`;
  // A forward proxy for http targets (absolute-form request lines), as a municipality's proxy is.
  proxy = createServer((request, response) => {
    proxied.push(request.url ?? '');
    const upstream = httpRequest(request.url ?? '', { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await new Promise((resolve) => proxy.close(resolve));
});

describe('one network', () => {
  it('sends the UiTPAS calls, the login partition and the updater through the policy’s proxy', async () => {
    const sessions = { uitpas: chromiumSessionStandIn(), login: chromiumSessionStandIn(), updater: chromiumSessionStandIn() };
    const all = Object.values(sessions) as unknown as Session[];
    await applyProxyEverywhere(all, { mode: 'fixed_servers', proxyRules: `http://127.0.0.1:${proxyPort}` });
    for (const [name, ses] of Object.entries(sessions)) {
      proxied.length = 0;
      const response = await chromiumTransport(ses as unknown as Session)(targetUrl, {});
      expect(await response.text(), name).toBe('target');
      expect(proxied, name).toEqual([targetUrl]);
      expect(await ses.resolveProxy(targetUrl)).toBe(`PROXY 127.0.0.1:${proxyPort}`);
      expect(ses.closeAllConnections).toHaveBeenCalled();
    }
    // The policy takes its proxy away: every session is back on the system's.
    await applyProxyEverywhere(all, undefined);
    for (const ses of Object.values(sessions)) expect(ses.setProxy).toHaveBeenLastCalledWith({ mode: 'system' });
  });

  it('asks staff for a proxy’s credentials, and gives a server none', async () => {
    const ask = vi.fn(() => Promise.resolve({ username: 'balie', password: 'made-up' }));
    const handler = proxyLoginHandler(ask);
    const answered = await new Promise<unknown[]>((resolve) => handler({ isProxy: true, host: '127.0.0.1', port: proxyPort, realm: 'proxy', scheme: 'basic' }, (...args) => resolve(args)));
    expect(answered).toEqual(['balie', 'made-up']);
    expect(ask).toHaveBeenCalledWith({ host: '127.0.0.1', port: proxyPort, realm: 'proxy', scheme: 'basic' });
    const refused = await new Promise<unknown[]>((resolve) => handler({ isProxy: false, host: 'example.org', port: 443, realm: 'r', scheme: 'basic' }, (...args) => resolve(args)));
    expect(refused).toEqual([]);
    expect(ask).toHaveBeenCalledTimes(1);
    const cancelled = await new Promise<unknown[]>((resolve) => proxyLoginHandler(() => Promise.resolve(null))({ isProxy: true, host: 'p', port: 1, realm: 'r', scheme: 'basic' }, (...args) => resolve(args)));
    expect(cancelled).toEqual([]);
  });
});
