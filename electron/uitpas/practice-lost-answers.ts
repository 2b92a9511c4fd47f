/**
 * The demo environment's practice switch for an unknown outcome: while it is
 * on, every write to the demo simulator reaches it and is carried out, and
 * its answer is then lost on the way back, as a connection that drops after
 * UiTPAS received the request does in production (what the transport reports
 * as an unknown outcome; docs/architecture.md "UiTPAS calls", the misbehaving server in
 * test/integration/uitpas/). Staff can so learn the look-up that settles it.
 * Only POSTs under the demo prefix's `uitpas/` are touched: logging in, the
 * look-ups and every other environment never are.
 */
export interface PracticeLostAnswers {
  readonly fetch: typeof fetch;
  set(on: boolean): void;
}

export function practiceLostAnswers(base: typeof fetch, demoPrefix: () => string | undefined): PracticeLostAnswers {
  let on = false;
  return {
    set: (next) => {
      on = next;
    },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const prefix = demoPrefix();
      const practised = on && method === 'POST' && prefix !== undefined && url.startsWith(`${prefix}/uitpas/`);
      const response = await base(input, init);
      if (!practised) return response;
      // The answer is read away and dropped: the simulator has done the work.
      await response.arrayBuffer();
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    },
  };
}
