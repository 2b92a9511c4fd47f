/** Turns what can go wrong with UiTPAS into the contract's BalieError: a code and its parameters, never words. */
import { contractError, type BalieError } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { SecretStoreUnavailableError } from '../settings/secret-store';
import { UitpasBadResponseError, UitpasError, UitpasFailure, UitpasLoginRequiredError, UitpasServerError, UitpasUnreachableError } from './errors';
import { documentedCode, isKnownErrorCode } from './error-codes';
import { LoginCancelledError } from './login-flow';

const codeByKind = {
  rejected: 'uitpas-rejected',
  'login-required': 'uitpas-login-required',
  timeout: 'uitpas-timeout',
  unreachable: 'uitpas-unreachable',
  server: 'uitpas-server',
  'bad-response': 'uitpas-bad-response',
} as const;

/**
 * `ownWords`: UiTPAS's own message goes to the page with every refusal, not only with codes the app has no words
 * for: at the visit's actions staff are used to reading it (the real counter shows it beside its own text, NG
 * activity.controller.js "Meer info"; reference counter-day.md §0.3, §2.3).
 */
export function toBalieError(failure: UitpasFailure, ownWords = false): BalieError {
  const error: BalieError = { code: codeByKind[failure.kind] };
  if (failure.outcomeUnknown) error.outcomeUnknown = true;
  if (failure instanceof UitpasServerError || failure instanceof UitpasBadResponseError) error.httpStatus = failure.status;
  if (failure instanceof UitpasBadResponseError) error.badResponse = failure.reason;
  if (failure instanceof UitpasUnreachableError && failure.reason) error.network = failure.reason;
  if (failure instanceof UitpasLoginRequiredError) {
    error.loginProblem = failure.loginProblem;
    if (failure.loginProblem === 'clock' && failure.clockOffsetSeconds !== null) error.clockOffsetSeconds = failure.clockOffsetSeconds;
  }
  if (failure instanceof UitpasError) {
    // A code with a documented twin (EMAIL_ADDRESS_INVALID) reaches the page as that code: one set of words for both.
    error.apiCode = documentedCode(failure.code);
    // A code the app has no words for is shown with UiTPAS's own text rather than nothing.
    if ((ownWords || !isKnownErrorCode(error.apiCode)) && failure.serverMessage) error.serverMessage = failure.serverMessage;
    if (failure.extra.points !== undefined) error.points = failure.extra.points;
    if (failure.extra.cashInState) error.cashInState = failure.extra.cashInState;
    if (failure.field) error.field = failure.field;
    if (failure.requiredPermission) error.requiredPermission = failure.requiredPermission;
    if (failure.existing) error.existingPassholderUid = failure.existing.userId;
  }
  return error;
}

/** Runs a UiTPAS call for a handler: expected failures become typed results for the page. */
export async function calling<T>(work: () => Promise<T>, ownWords = false): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UitpasFailure) throw new BalieFailure(toBalieError(error, ownWords));
    if (error instanceof LoginCancelledError) throw new BalieFailure(contractError('login-cancelled'));
    if (error instanceof SecretStoreUnavailableError) throw new BalieFailure(contractError('secret-store-unavailable'));
    throw error;
  }
}
