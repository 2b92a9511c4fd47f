/**
 * A stand-in for an Electron session's fetch (Chromium's network stack), for the transport contract: it
 * behaves as Electron 45 documents and implements it (electron lib/browser/api/net-fetch.ts,
 * lib/common/api/net-client-request.ts): failures are `Error('net::ERR_…')`, also inside the body stream;
 * redirect 'manual' fails with "Redirect was cancelled" instead of giving the 3xx; an abort rejects with the
 * signal's reason; a fixed_servers proxy from setProxy is used for every request (absolute-form for http
 * targets), and resolveProxy says so. Only what the app uses: http targets, string bodies.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { vi } from 'vitest';

const netErrors: Record<string, string> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EPIPE: 'ERR_CONNECTION_RESET',
};
const netError = (error: NodeJS.ErrnoException) => new Error(`net::${netErrors[error.code ?? ''] ?? 'ERR_FAILED'}`);

export function chromiumSessionStandIn() {
  let proxy: { host: string; port: number } | null = null;
  const setProxy = vi.fn((config: { mode: string; proxyRules?: string }) => {
    const rule = config.mode === 'fixed_servers' ? /^(?:http:\/\/)?([^:/]+):(\d+)$/.exec(config.proxyRules ?? '') : null;
    proxy = rule ? { host: rule[1] ?? '', port: Number(rule[2]) } : null;
    return Promise.resolve();
  });
  const fetch = (input: string | Request, init: RequestInit & { bypassCustomProtocolHandlers?: boolean } = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof input === 'string' ? input : input.url);
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason as Error);
      const headers = new Headers(init.headers);
      const body = typeof init.body === 'string' ? init.body : undefined;
      const request = httpRequest({
        host: proxy?.host ?? url.hostname,
        port: proxy?.port ?? Number(url.port || 80),
        path: proxy ? url.href : `${url.pathname}${url.search}`,
        method: init.method ?? 'GET',
        headers: { ...Object.fromEntries(headers), host: url.host, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
      });
      let answered: IncomingMessage | undefined;
      const abort = () => {
        request.destroy();
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', abort, { once: true });
      request.on('error', (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', abort);
        if (answered) answered.destroy(netError(error));
        else reject(netError(error));
      });
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          request.destroy();
          return reject(new Error(init.redirect === 'manual' ? 'Redirect was cancelled' : 'this stand-in follows no redirect'));
        }
        answered = response;
        response.on('error', () => undefined);
        request.socket?.on('close', () => {
          if (!response.complete) response.destroy(new Error('net::ERR_CONNECTION_CLOSED'));
        });
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        const stream = [101, 204, 205, 304].includes(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
        resolve(new Response(stream, { status, headers: responseHeaders }));
      });
      request.end(body);
    });
  return {
    fetch: vi.fn(fetch),
    setProxy,
    closeAllConnections: vi.fn(() => Promise.resolve()),
    resolveProxy: vi.fn((_url: string) => Promise.resolve(proxy ? `PROXY ${proxy.host}:${proxy.port}` : 'DIRECT')),
  };
}
