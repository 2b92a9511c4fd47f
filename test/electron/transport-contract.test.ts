/**
 * The transport contract, run against both transports: Node's fetch (tests, browser host) and the app's
 * Chromium transport (electron/window/network.ts over a stand-in of Electron's net.request). Whatever the
 * network stack, a redirect is never followed, an answer is capped, a timeout is a timeout, an outcome that
 * may be unknown says so, and a clock far off the server's Date is named. Then the proxy: a proxy on
 * 127.0.0.1 that Node's fetch must not use (even with HTTP_PROXY set) and the policy's proxy must.
 */
import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UitpasBadResponseError, UitpasLoginRequiredError, UitpasTimeoutError, UitpasUnreachableError } from '../../electron/uitpas/errors';
import { callUitpas, type HttpTransport, type SignedCall } from '../../electron/uitpas/transport';
import { applyProxy, chromiumTransport, proxyFor } from '../../electron/window/network';
import { chromiumSessionStandIn } from '../support/chromium-net-stand-in';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

type Behaviour = (response: ServerResponse) => void;
let behaviour: Behaviour = (response) => response.end();
let otherOriginHits = 0;
let server: Server;
let other: Server;
let base = '';
let otherBase = '';

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const started = createServer(handler);
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return { server: started, base: `http://127.0.0.1:${(started.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ({ server, base } = await listen((request, response) => {
    request.resume();
    behaviour(response);
  }));
  ({ server: other, base: otherBase } = await listen((request, response) => {
    otherOriginHits += 1;
    request.resume();
    response.end('<response><code>ACTION_SUCCEEDED</code></response>');
  }));
});
afterAll(() => {
  for (const each of [server, other]) {
    each.closeAllConnections();
    each.close();
  }
});

const xml = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/xml', ...headers });
  response.end(body);
};

const call = (transport: HttpTransport, method: 'GET' | 'POST', timeoutMs = 2_000): Promise<unknown> =>
  callUitpas({
    method,
    url: `${base}/uitid/rest/uitpas/card`,
    params: { uitpasNumber: '0900000000017' },
    consumer: { key: 'c', secret: 's' },
    token: { key: 't', secret: 'ts' },
    fetch: transport,
    timeoutMs,
  } satisfies SignedCall).then(
    () => null,
    (error: unknown) => error,
  );

const transports: [string, () => HttpTransport][] = [
  ['Node fetch', () => fetch],
  ['Chromium (Electron net.request)', () => chromiumTransport(chromiumSessionStandIn() as unknown as Session)],
];

describe.each(transports)('the transport contract over %s', (_name, make) => {
  it('answers a clean success', async () => {
    behaviour = (response) => xml(response, 200, '<?xml version="1.0"?><response><code>ACTION_SUCCEEDED</code></response>');
    expect(await call(make(), 'GET')).toBeNull();
  });

  it('never follows a redirect: a bad response, an unknown outcome on a POST, nothing at the other origin', async () => {
    otherOriginHits = 0;
    behaviour = (response) => {
      response.writeHead(307, { Location: `${otherBase}/uitid/rest/uitpas/card` });
      response.end();
    };
    expect(await call(make(), 'POST')).toMatchObject({ reason: 'redirect', outcomeUnknown: true });
    expect(await call(make(), 'GET')).toMatchObject({ reason: 'redirect', outcomeUnknown: false });
    expect(await call(make(), 'GET')).toBeInstanceOf(UitpasBadResponseError);
    expect(otherOriginHits).toBe(0);
  });

  it('stops reading past the size cap, declared or streamed', async () => {
    const big = `<response>${'x'.repeat(2 * 1024 * 1024 + 10)}</response>`;
    behaviour = (response) => xml(response, 200, big);
    expect(await call(make(), 'GET')).toMatchObject({ reason: 'too-large' });
    behaviour = (response) => {
      response.writeHead(200, { 'Content-Type': 'application/xml', 'Transfer-Encoding': 'chunked' });
      for (let i = 0; i < 40; i += 1) response.write('y'.repeat(64 * 1024));
      response.end();
    };
    expect(await call(make(), 'POST')).toMatchObject({ reason: 'too-large', outcomeUnknown: true });
  });

  it('times out, and a POST that timed out has an unknown outcome', async () => {
    behaviour = () => undefined;
    const get = await call(make(), 'GET', 300);
    expect(get).toBeInstanceOf(UitpasTimeoutError);
    expect(get).toMatchObject({ outcomeUnknown: false });
    expect(await call(make(), 'POST', 300)).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
  });

  it('a refused connection sent nothing; a connection dropped after sending may have', async () => {
    const closed = await listen(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    const refused = await callUitpas({ method: 'POST', url: `${closed.base}/uitid/rest/x`, params: {}, consumer: { key: 'c', secret: 's' }, token: null, fetch: make(), timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UitpasUnreachableError);
    expect(refused).toMatchObject({ outcomeUnknown: false });
    behaviour = (response) => response.socket?.destroy();
    expect(await call(make(), 'POST')).toMatchObject({ kind: 'unreachable', outcomeUnknown: true });
    behaviour = (response) => {
      response.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': '1000' });
      response.write('<response>');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    expect(await call(make(), 'POST')).toMatchObject({ kind: 'unreachable', outcomeUnknown: true });
  });

  it('names a clock far off the server as the cause of a refused signature, whatever the problem is called', async () => {
    const tenMinutesAhead = new Date(Date.now() + 10 * 60_000).toUTCString();
    behaviour = (response) => {
      response.writeHead(401, { 'Content-Type': 'text/plain', Date: tenMinutesAhead });
      response.end('oauth_problem=signature_invalid');
    };
    const refused = await call(make(), 'GET');
    expect(refused).toBeInstanceOf(UitpasLoginRequiredError);
    expect(refused).toMatchObject({ loginProblem: 'clock' });
    expect((refused as UitpasLoginRequiredError).clockOffsetSeconds).toBeGreaterThan(590);
    // The same refusal from a server that agrees with this clock is a token problem.
    behaviour = (response) => {
      response.writeHead(401, { 'Content-Type': 'text/plain', Date: new Date().toUTCString() });
      response.end('oauth_problem=signature_invalid');
    };
    expect(await call(make(), 'GET')).toMatchObject({ loginProblem: 'token' });
  });
});

describe('the proxy', () => {
  let proxy: Server;
  let proxyBase = '';
  const proxied: string[] = [];
  beforeAll(async () => {
    // A forward proxy on loopback: takes absolute-form requests and passes them on.
    ({ server: proxy, base: proxyBase } = await listen((request, response) => {
      proxied.push(request.url ?? '');
      const target = new URL(request.url ?? '');
      const onward = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(onward);
    }));
  });
  afterAll(() => {
    proxy.closeAllConnections();
    proxy.close();
  });

  it('Node’s fetch does not use a proxy from the environment; the policy’s proxy is used by the app’s transport', async () => {
    behaviour = (response) => xml(response, 200, '<response><code>ACTION_SUCCEEDED</code></response>');
    vi.stubEnv('HTTP_PROXY', proxyBase);
    vi.stubEnv('http_proxy', proxyBase);
    try {
      expect(await call(fetch, 'GET')).toBeNull();
      expect(proxied).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }

    const session = chromiumSessionStandIn();
    await applyProxy(session as unknown as Session, { mode: 'fixed_servers', proxyRules: proxyBase });
    expect(await call(chromiumTransport(session as unknown as Session), 'GET')).toBeNull();
    expect(proxied).toHaveLength(1);
    expect(proxied[0]).toContain(`${base}/uitid/rest/uitpas/card?uitpasNumber=0900000000017`);
    expect(await proxyFor(session as unknown as Session)(base)).toBe(`PROXY ${new URL(proxyBase).host}`);
    expect(session.closeAllConnections).toHaveBeenCalled();
  });

  it('without a policy proxy, the app follows the system (Chromium’s proxy settings, PAC)', async () => {
    const session = chromiumSessionStandIn();
    await applyProxy(session as unknown as Session, undefined);
    expect(session.setProxy).toHaveBeenCalledWith({ mode: 'system' });
  });
});
