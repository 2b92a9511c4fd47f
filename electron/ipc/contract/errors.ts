/**
 * Every error code a channel can answer with. Codes travel, words do not: the
 * page turns a code and its parameters into text in the staff member's language
 * (renderer/messages/).
 */
import type { FieldProblem } from '../../rules/passholder-rules';
import type { BadResponseReason, LoginProblem } from '../../uitpas/errors';

export const balieErrorCodes = [
  'invalid-request',
  'untrusted-sender',
  'unknown-channel',
  'internal',
  'not-logged-in',
  'no-balie',
  'settings-incomplete',
  'secret-store-unavailable',
  'login-cancelled',
  'invalid-field',
  'demo-only',
  /** The machine's policy file cannot be used: nothing is sent until IT fixes it (SessionView.policyProblem says where). */
  'policy-broken',
  /** The machine's policy sets this setting: staff cannot change it. */
  'setting-locked',
  /** The same write is already on its way to UiTPAS (main serialises writes per pass holder and card). */
  'duplicate-in-flight',
  /** An earlier write for this pass holder or card got no answer: look them up first (sent with outcomeUnknown). */
  'outcome-unknown',
  'uitpas-rejected',
  'uitpas-login-required',
  'uitpas-timeout',
  'uitpas-unreachable',
  'uitpas-server',
  'uitpas-bad-response',
  /** The list of writes without an answer could not be read: it was moved aside, and writes wait until IT has looked at it. */
  'pending-outcomes-unreadable',
] as const;

export type BalieErrorCode = (typeof balieErrorCodes)[number];

export interface BalieError {
  code: BalieErrorCode;
  /** The form field the error concerns, when it concerns one. */
  field?: string;
  /** invalid-field: which rule the field breaks. */
  problem?: FieldProblem;
  /** uitpas-rejected: UiTPAS's own error code. */
  apiCode?: string;
  /** uitpas-rejected with a code the app does not know: UiTPAS's own text, shown as it came. */
  serverMessage?: string;
  requiredPermission?: string;
  /** uitpas-server, uitpas-bad-response: the HTTP status UiTPAS answered with. */
  httpStatus?: number;
  /** uitpas-bad-response: what was wrong with the answer. */
  badResponse?: BadResponseReason;
  /** uitpas-login-required: what to put right (log in again, the clock, the app's key). */
  loginProblem?: LoginProblem;
  /** loginProblem clock: the server's time minus this computer's, in seconds, when the answer said. */
  clockOffsetSeconds?: number;
  /** uitpas-unreachable: the network's own code (ECONNREFUSED, ERR_PROXY_CONNECTION_FAILED, …), for support. */
  network?: string;
  /**
   * The request may have reached UiTPAS before it failed: do not send it again
   * before looking the pass holder up (by INSZ or UiTPAS number).
   */
  outcomeUnknown?: boolean;
  /** INSZ_ALREADY_USED: the uid of the pass holder who has this INSZ. */
  existingPassholderUid?: string;
  /** A refused check-in: the pass holder's points as UiTPAS counts them (DOC pashouders/inchecken-pashouder.md). */
  points?: number;
  /** A refused points promotion: why it cannot be cashed (DOC pashouders/punten-verzilveren.md), e.g. NOT_POSSIBLE_POINTS_CONSTRAINT. */
  cashInState?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BalieError };

export function contractError(code: BalieErrorCode): BalieError {
  return { code };
}
