/**
 * A proxy asking for a user name and password, put to staff in the app's own dialog: main sends the
 * question to the page (proxy:credentialsRequested), the page answers (proxy:answerCredentials). Free of
 * Electron: the app's `login` events and the browser host's tests ask here the same way.
 * What staff type is handed to Chromium once and kept nowhere (no field, no log, no file); a question
 * nobody answers is cancelled after a while, so a request never hangs on an empty counter.
 */
import { randomUUID } from 'node:crypto';
import type { ProxyAnswer } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import type { AskProxyCredentials, ProxyChallenge } from './network';

/** Long enough to fetch IT's note from a drawer; then the request fails as without a dialog. */
export const proxyQuestionTimeoutMs = 2 * 60 * 1000;

type Credentials = Awaited<ReturnType<AskProxyCredentials>>;

interface OpenQuestion {
  requestId: string;
  host: string;
  port: number;
  answer: Promise<Credentials>;
  settle: (credentials: Credentials) => void;
}

export class ProxyQuestions {
  private readonly open = new Map<string, OpenQuestion>();

  constructor(
    private readonly events: MainEvents,
    private readonly timeoutMs = proxyQuestionTimeoutMs,
  ) {}

  /** Chromium asks once per request: requests waiting on the same proxy share one question. */
  readonly ask: AskProxyCredentials = ({ host, port }: ProxyChallenge) => {
    const waiting = [...this.open.values()].find((question) => question.host === host && question.port === port);
    if (waiting) return waiting.answer;
    const requestId = randomUUID();
    let settle: (credentials: Credentials) => void = () => undefined;
    const answer = new Promise<Credentials>((resolve) => {
      const timer = setTimeout(() => question.settle(null), this.timeoutMs);
      timer.unref();
      settle = (credentials) => {
        clearTimeout(timer);
        if (!this.open.delete(requestId)) return;
        // The page closes its dialog: answered here, on another page, or timed out.
        this.events.emit('proxy:credentialsRequested', { requestId, host, port, open: false });
        resolve(credentials);
      };
    });
    const question: OpenQuestion = { requestId, host, port, answer, settle: (credentials) => settle(credentials) };
    this.open.set(requestId, question);
    this.events.emit('proxy:credentialsRequested', { requestId, host, port, open: true });
    return answer;
  };

  /** The page's answer; one for a question no longer open (timed out, answered elsewhere) changes nothing. */
  answer({ requestId, credentials }: ProxyAnswer): null {
    this.open.get(requestId)?.settle(credentials ?? null);
    return null;
  }

  /** The app closes: every open question is cancelled. */
  cancelAll(): void {
    for (const question of [...this.open.values()]) question.settle(null);
  }
}
