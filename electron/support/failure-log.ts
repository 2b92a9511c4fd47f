/** The last failures the page was answered with, as codes: what support asks first ("what did it say?"). */
import type { BalieError, RequestChannel, SupportFailure } from '../ipc/contract';

const kept = 20;

export class FailureLog {
  private readonly failures: SupportFailure[] = [];
  private readonly listeners = new Set<(failure: SupportFailure) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  record(channel: RequestChannel, error: BalieError): void {
    const detail = error.apiCode ?? error.loginProblem ?? error.badResponse ?? error.network ?? (error.httpStatus === undefined ? undefined : String(error.httpStatus));
    const failure: SupportFailure = { at: new Date(this.now()).toISOString(), channel, code: error.code, ...(detail === undefined ? {} : { detail }) };
    this.failures.unshift(failure);
    this.failures.splice(kept);
    for (const listener of this.listeners) listener(failure);
  }

  recent(): SupportFailure[] {
    return [...this.failures];
  }

  onFailure(listener: (failure: SupportFailure) => void): void {
    this.listeners.add(listener);
  }
}
