/**
 * A proxy asking for credentials (issue 25, "one network"): Electron's `login` event (mocked) becomes the
 * page's question (proxy:credentialsRequested), staff's answer goes back to Chromium's callback; a cancel,
 * a timeout and a server's (not a proxy's) question give Chromium nothing. The password is never logged.
 */
import { app } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isProxyAnswer } from '../../electron/ipc/payload-guards';
import { MainEvents } from '../../electron/ipc/main-events';
import type { ProxyQuestion } from '../../electron/ipc/contract';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());
const { answerProxyLogins } = await import('../../electron/window/network');
const { ProxyQuestions } = await import('../../electron/window/proxy-questions');

const password = 'verzonnen-Wachtwoord-7';

/** The app wired as main.ts wires it, and what the page is sent. */
function wired(timeoutMs?: number) {
  const events = new MainEvents();
  const sent: ProxyQuestion[] = [];
  events.subscribe((channel, payload) => {
    if (channel === 'proxy:credentialsRequested') sent.push(payload as ProxyQuestion);
  });
  const questions = new ProxyQuestions(events, timeoutMs);
  app.removeAllListeners('login');
  answerProxyLogins(app, questions.ask);
  return { questions, sent };
}

/** Chromium asking through app's `login` event; resolves with what the callback got. */
function chromiumAsks(authInfo: { isProxy: boolean; host: string; port: number }) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  const answered = new Promise<unknown[]>((resolve) => app.emit('login', event, null, { url: 'https://balie-test.uitpas.be/' }, { ...authInfo, realm: 'Gemeente', scheme: 'basic' }, (...args: unknown[]) => resolve(args)));
  return { event, answered };
}

afterEach(() => vi.useRealTimers());

describe('a proxy asking for credentials', () => {
  it('asks the page once per proxy, and gives Chromium what staff typed', async () => {
    const { questions, sent } = wired();
    const log = vi.spyOn(console, 'warn');
    const first = chromiumAsks({ isProxy: true, host: 'proxy.gemeente.test', port: 8080 });
    const second = chromiumAsks({ isProxy: true, host: 'proxy.gemeente.test', port: 8080 });
    expect(first.event.defaultPrevented).toBe(true);
    expect(sent).toEqual([{ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), host: 'proxy.gemeente.test', port: 8080, open: true }]);
    const answer = { requestId: sent[0]!.requestId, credentials: { username: 'GEMEENTE\\balie1', password } };
    // What the page sends passes the contract's guard.
    expect(isProxyAnswer(answer)).toBe(true);
    expect(questions.answer(answer)).toBeNull();
    expect(await first.answered).toEqual(['GEMEENTE\\balie1', password]);
    expect(await second.answered).toEqual(['GEMEENTE\\balie1', password]);
    // The page closes its dialog; nothing was logged.
    expect(sent.at(-1)).toEqual({ ...sent[0], open: false });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('cancels: staff cancel, or nobody answers in time; a late answer changes nothing', async () => {
    const { questions, sent } = wired(1_000);
    const cancelled = chromiumAsks({ isProxy: true, host: 'proxy.gemeente.test', port: 3128 });
    questions.answer({ requestId: sent[0]!.requestId });
    expect(await cancelled.answered).toEqual([]);

    vi.useFakeTimers();
    const unanswered = chromiumAsks({ isProxy: true, host: 'proxy.gemeente.test', port: 3128 });
    const open = sent.at(-1)!;
    expect(open.open).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(await unanswered.answered).toEqual([]);
    expect(sent.at(-1)).toEqual({ ...open, open: false });
    expect(questions.answer({ requestId: open.requestId, credentials: { username: 'laat', password } })).toBeNull();
    expect(sent.at(-1)).toEqual({ ...open, open: false });
  });

  it('gives a server asking for a password nothing, without asking staff', async () => {
    const { sent } = wired();
    const server = chromiumAsks({ isProxy: false, host: 'balie-test.uitpas.be', port: 443 });
    expect(await server.answered).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('closing the app cancels every open question', async () => {
    const { questions } = wired();
    const open = chromiumAsks({ isProxy: true, host: 'proxy.gemeente.test', port: 8080 });
    questions.cancelAll();
    expect(await open.answered).toEqual([]);
  });

  it('refuses an answer that is not one: a bad id, an extra key, a password too long', () => {
    const requestId = '5d0c2f4e-8a61-4b7e-9f3a-0c1d2e3f4a5b';
    expect(isProxyAnswer({ requestId })).toBe(true);
    expect(isProxyAnswer({ requestId: '../x', credentials: { username: 'a', password: 'b' } })).toBe(false);
    expect(isProxyAnswer({ requestId, credentials: { username: 'a', password: 'b', domain: 'c' } })).toBe(false);
    expect(isProxyAnswer({ requestId, credentials: { username: 'a', password: 'x'.repeat(257) } })).toBe(false);
  });
});
