/**
 * "Can this PC reach UiTPAS and UiTiD?": one unsigned GET through the app's own transport (so the same
 * proxy, certificates and rules as every real call), timed, with the server's clock read from its Date.
 * Any HTTP answer means reachable; what the answer says does not matter here, so its body is not read.
 */
import type { SupportProbe } from '../ipc/contract';
import { UitpasFailure, UitpasUnreachableError } from '../uitpas/errors';
import { clockOffsetSeconds, transportFailure, type HttpTransport } from '../uitpas/transport';

export interface ProbeOptions {
  transport: HttpTransport;
  /** What the network stack uses for a URL (Chromium's resolveProxy); Node's fetch always goes direct. */
  proxyFor?: (url: string) => Promise<string>;
  timeoutMs?: number;
  now?: () => number;
}

export async function probe(target: SupportProbe['target'], url: string, options: ProbeOptions): Promise<SupportProbe> {
  const now = options.now ?? Date.now;
  const origin = new URL(url).origin;
  const proxy = options.proxyFor ? await options.proxyFor(url).catch(() => 'unknown') : 'DIRECT (Node fetch)';
  const started = now();
  try {
    const response = await options.transport(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
    const latencyMs = now() - started;
    await response.body?.cancel();
    const offset = clockOffsetSeconds(response, now());
    return { target, origin, reachable: true, httpStatus: response.status, latencyMs, proxy, ...(offset === null ? {} : { clockOffsetSeconds: offset }) };
  } catch (error) {
    const failure = transportFailure(error, false);
    const code = failure instanceof UitpasUnreachableError ? failure.reason : failure instanceof UitpasFailure ? failure.kind : 'unknown';
    return { target, origin, reachable: false, failure: code, proxy };
  }
}
