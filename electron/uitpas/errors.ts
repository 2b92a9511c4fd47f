/**
 * What can go wrong talking to UiTPAS, one class per kind; the page words each
 * kind for the counter employee (the message here is for developers only).
 * `outcomeUnknown` is set when a POST may have reached the server before it
 * failed: the caller must look the pass holder up before trying again, never
 * retry blindly.
 */
import { errorCodeField } from './error-codes';

export type UitpasFailureKind = 'rejected' | 'login-required' | 'timeout' | 'unreachable' | 'server' | 'bad-response';

export abstract class UitpasFailure extends Error {
  abstract readonly kind: UitpasFailureKind;
  constructor(
    message: string,
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ExistingCardSystemLink {
  cardSystemId: string;
  uitpasNumber: string;
  status: string;
}

export interface RefusalExtra {
  points?: number;
  cashInState?: string;
}

/** The API answered with <response><code/>…: a rule said no. Never an unknown outcome. */
export class UitpasError extends UitpasFailure {
  readonly kind = 'rejected';
  readonly field: string | null;
  constructor(
    readonly code: string,
    readonly serverMessage: string,
    readonly requiredPermission: string | null,
    /** INSZ_ALREADY_USED: who already has the INSZ, and their cards. */
    readonly existing: { userId: string; cardSystemLinks: ExistingCardSystemLink[] } | null = null,
    /**
     * What a visit refusal carries beside code and message: the pass holder's points on a check-in (DOC
     * pashouders/inchecken-pashouder.md), the cashInState on a points promotion (DOC pashouders/punten-verzilveren.md).
     */
    readonly extra: RefusalExtra = {},
  ) {
    super(`UiTPAS rejected the request: ${code}`, false);
    this.field = errorCodeField(code);
  }

  /** The same refusal about another field: a code like PARSE_INVALID_DATE concerns the date the call sent. */
  onField(field: string | null): UitpasError {
    const moved = new UitpasError(this.code, this.serverMessage, this.requiredPermission, this.existing, this.extra);
    (moved as { field: string | null }).field = field;
    return moved;
  }
}

/** Rethrows a refusal with one of `fields`' codes as concerning that field, or none (null) (per call; error-codes.ts has the usual one). */
export function refusalOnField(fields: Readonly<Record<string, string | null>>) {
  return (error: unknown): never => {
    const field = error instanceof UitpasError && Object.hasOwn(fields, error.code) ? fields[error.code] : undefined;
    throw field !== undefined && error instanceof UitpasError ? error.onField(field) : error;
  };
}

/**
 * UiTiD's OAuth layer refused the request (oauth_problem=…, RFC 5849 problem
 * names as UiTiD uses them). Most problems mean logging in again; a refused
 * timestamp means this computer's clock is wrong, an unknown consumer key
 * means the environment's settings are.
 */
export class UitpasLoginRequiredError extends UitpasFailure {
  readonly kind = 'login-required';
  readonly loginProblem: LoginProblem;
  constructor(
    readonly problem: string,
    /** How far this computer's clock is from the server's Date header (server minus here), when the answer had one. */
    readonly clockOffsetSeconds: number | null = null,
  ) {
    super(`UiTPAS refused the request: ${problem || 'access token'}`, false);
    // A refused signature from a computer whose clock is far off: the clock is the cause, whatever the problem is called.
    this.loginProblem = clockOffsetSeconds !== null && Math.abs(clockOffsetSeconds) > maxClockSkewSeconds ? 'clock' : loginProblem(problem);
  }
}

/**
 * How far off a clock may be before it is named as the cause of a refused signature. RFC 5849 §3.3 leaves
 * the window to the server and UiTiD does not publish its own; five minutes is the usual OAuth 1.0a
 * server default (inferred, not documented by publiq).
 */
export const maxClockSkewSeconds = 300;

/**
 * What the staff member must put right: log in again, the computer's clock, the app's key for this environment,
 * or their UiTiD account, which has no UiTiD v1 id for the UiTPAS API (auth0at FAILED).
 */
export type LoginProblem = 'token' | 'clock' | 'consumer-key' | 'no-v1-account';

function loginProblem(problem: string): LoginProblem {
  if (problem === 'timestamp_refused') return 'clock';
  if (problem === 'no_v1_account') return 'no-v1-account';
  if (problem === 'consumer_key_unknown' || problem === 'consumer_key_rejected') return 'consumer-key';
  return 'token';
}

export class UitpasTimeoutError extends UitpasFailure {
  readonly kind = 'timeout';
  constructor(outcomeUnknown: boolean) {
    super('UiTPAS did not answer in time', outcomeUnknown);
  }
}

export class UitpasUnreachableError extends UitpasFailure {
  readonly kind = 'unreachable';
  constructor(
    readonly reason: string,
    outcomeUnknown = false,
  ) {
    super(`UiTPAS is unreachable: ${reason}`, outcomeUnknown);
  }
}

export class UitpasServerError extends UitpasFailure {
  readonly kind = 'server';
  constructor(
    readonly status: number,
    outcomeUnknown: boolean,
  ) {
    super(`UiTPAS answered HTTP ${status}`, outcomeUnknown);
  }
}

/** not-xml: HTML, broken or empty XML; redirect: a 3xx, never followed; too-large: over the read cap; incomplete: a success without what it must carry. */
export type BadResponseReason = 'not-xml' | 'redirect' | 'too-large' | 'incomplete';

export class UitpasBadResponseError extends UitpasFailure {
  readonly kind = 'bad-response';
  constructor(
    readonly status: number,
    outcomeUnknown: boolean,
    readonly reason: BadResponseReason = 'not-xml',
  ) {
    super(`UiTPAS answered HTTP ${status}: ${reason}`, outcomeUnknown);
  }
}
