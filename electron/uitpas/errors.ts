/**
 * What can go wrong talking to UiTPAS, one class per kind, each saying what
 * the counter employee should do. `outcomeUnknown` is set when a POST may have
 * reached the server before it failed: the caller must look the pass holder up
 * before trying again, never retry blindly.
 */
import { errorCodeInfo } from './error-codes';

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
  ) {
    const info = errorCodeInfo(code, serverMessage);
    super(info.message, false);
    this.field = info.field;
  }
}

export class UitpasLoginRequiredError extends UitpasFailure {
  readonly kind = 'login-required';
  constructor(readonly problem: string) {
    super('Je aanmelding bij UiTPAS is verlopen of ingetrokken. Meld je opnieuw aan.', false);
  }
}

export class UitpasTimeoutError extends UitpasFailure {
  readonly kind = 'timeout';
  constructor(outcomeUnknown: boolean) {
    super(outcomeUnknown ? 'UiTPAS antwoordde niet op tijd.' : 'UiTPAS antwoordde niet op tijd. Probeer opnieuw.', outcomeUnknown);
  }
}

export class UitpasUnreachableError extends UitpasFailure {
  readonly kind = 'unreachable';
  constructor(
    readonly reason: string,
    outcomeUnknown = false,
  ) {
    super(
      outcomeUnknown
        ? 'De verbinding met UiTPAS viel weg tijdens het versturen.'
        : 'UiTPAS is niet bereikbaar. Controleer de internetverbinding en probeer opnieuw.',
      outcomeUnknown,
    );
  }
}

export class UitpasServerError extends UitpasFailure {
  readonly kind = 'server';
  constructor(
    readonly status: number,
    outcomeUnknown: boolean,
  ) {
    super(`UiTPAS heeft een storing (HTTP ${status}).${outcomeUnknown ? '' : ' Probeer het zo opnieuw.'}`, outcomeUnknown);
  }
}

export class UitpasBadResponseError extends UitpasFailure {
  readonly kind = 'bad-response';
  constructor(
    readonly status: number,
    outcomeUnknown: boolean,
  ) {
    super('UiTPAS gaf een onverwacht antwoord (geen XML). Is de omgeving in de instellingen juist?', outcomeUnknown);
  }
}
