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
import { UitpasUnreachableError } from '../../electron/uitpas/errors';
import { callUitpas } from '../../electron/uitpas/transport';
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

  it('a UiTPAS call through a proxy that wants a password asks staff once; cancelled, it says the proxy asked', async () => {
    // A municipality's proxy with Basic authentication (RFC 9110 §11.7.1): 407 until the right Proxy-Authorization comes.
    const expected = `Basic ${Buffer.from('balie:made-up').toString('base64')}`;
    const seen: (string | undefined)[] = [];
    const guarded = createServer((request, response) => {
      seen.push(request.headers['proxy-authorization']);
      if (request.headers['proxy-authorization'] !== expected) {
        request.resume();
        return response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="Stadhuis"' }).end('proxy login');
      }
      const upstream = httpRequest(request.url ?? '', { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
    const guardedPort = (guarded.address() as AddressInfo).port;
    try {
      const ses = chromiumSessionStandIn();
      await applyProxyEverywhere([ses as unknown as Session], { mode: 'fixed_servers', proxyRules: `http://127.0.0.1:${guardedPort}` });
      const ask = vi.fn(() => Promise.resolve({ username: 'balie', password: 'made-up' }));
      const transport = chromiumTransport(ses as unknown as Session, ask);
      expect(await (await transport(targetUrl, {})).text()).toBe('target');
      expect(ask).toHaveBeenCalledExactlyOnceWith({ host: '127.0.0.1', port: guardedPort, realm: 'Stadhuis', scheme: 'basic' });
      expect(seen).toEqual([undefined, expected]);
      // Chromium keeps the answer for the run: the next call is not asked again.
      expect(await (await transport(targetUrl, {})).text()).toBe('target');
      expect(ask).toHaveBeenCalledTimes(1);

      // Staff cancel, at once or after the call's own time ran out: the signed POST never got past the proxy, so
      // its outcome is known (nothing arrived).
      for (const answerAfterMs of [0, 300]) {
        const cancelling = chromiumSessionStandIn();
        await applyProxyEverywhere([cancelling as unknown as Session], { mode: 'fixed_servers', proxyRules: `http://127.0.0.1:${guardedPort}` });
        const failure: unknown = await callUitpas({
          method: 'POST',
          url: targetUrl,
          params: { uitpasNumber: '0900000000017' },
          consumer: { key: 'c', secret: 's' },
          token: { key: 't', secret: 'ts' },
          fetch: chromiumTransport(cancelling as unknown as Session, () => new Promise((resolve) => setTimeout(() => resolve(null), answerAfterMs))),
          timeoutMs: 100,
        }).catch((error: unknown) => error);
        expect(failure, `cancelled after ${answerAfterMs} ms`).toBeInstanceOf(UitpasUnreachableError);
        expect(failure).toMatchObject({ reason: 'ERR_PROXY_AUTH_REQUESTED', outcomeUnknown: false });
      }

      // Staff who take longer to type than the call may take: the time in the dialog does not count.
      const slow = chromiumSessionStandIn();
      await applyProxyEverywhere([slow as unknown as Session], { mode: 'fixed_servers', proxyRules: `http://127.0.0.1:${guardedPort}` });
      const typing = () => new Promise<{ username: string; password: string }>((resolve) => setTimeout(() => resolve({ username: 'balie', password: 'made-up' }), 300));
      const answer = await chromiumTransport(slow as unknown as Session, typing)(targetUrl, { signal: AbortSignal.timeout(100) });
      expect(await answer.text()).toBe('target');
    } finally {
      await new Promise((resolve) => guarded.close(resolve));
    }
  });

  it('gives a server that asks for a password none, and staff are not asked', async () => {
    const locked = createServer((request, response) => {
      request.resume();
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="server"' }).end();
    });
    await new Promise<void>((resolve) => locked.listen(0, '127.0.0.1', resolve));
    try {
      const ask = vi.fn(() => Promise.resolve({ username: 'balie', password: 'made-up' }));
      const answer = await chromiumTransport(chromiumSessionStandIn() as unknown as Session, ask)(`http://127.0.0.1:${(locked.address() as AddressInfo).port}/`, {});
      expect(answer.status).toBe(401);
      expect(ask).not.toHaveBeenCalled();
    } finally {
      await new Promise((resolve) => locked.close(resolve));
    }
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
