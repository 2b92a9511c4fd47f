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

/**
 * UiTiD's OAuth layer refused the request (oauth_problem=…, RFC 5849 problem
 * names as UiTiD uses them). Most problems mean logging in again; a refused
 * timestamp means this computer's clock is wrong, an unknown consumer key
 * means the environment's settings are.
 */
export class UitpasLoginRequiredError extends UitpasFailure {
  readonly kind = 'login-required';
  constructor(readonly problem: string) {
    super(loginProblemMessage(problem), false);
  }
}

function loginProblemMessage(problem: string): string {
  if (problem === 'timestamp_refused') return 'UiTPAS weigert de aanvraag: de klok van deze computer staat verkeerd. Zet datum en uur juist en probeer opnieuw.';
  if (problem === 'consumer_key_unknown' || problem === 'consumer_key_rejected') {
    return 'UiTPAS kent de sleutel van deze app niet in deze omgeving. Controleer sleutel en geheim bij Instellingen.';
  }
  return 'Je aanmelding bij UiTPAS is verlopen of ingetrokken. Meld je opnieuw aan.';
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

/** not-xml: HTML, broken or empty XML; redirect: a 3xx, never followed; too-large: over the read cap; incomplete: a success without what it must carry. */
export type BadResponseReason = 'not-xml' | 'redirect' | 'too-large' | 'incomplete';

const badResponseMessages: Record<BadResponseReason, string> = {
  'not-xml': 'UiTPAS gaf een onverwacht antwoord (geen XML). Is de omgeving in de instellingen juist?',
  redirect: 'UiTPAS stuurde de aanvraag door naar een ander adres; de app volgt dat niet. Is de omgeving in de instellingen juist?',
  'too-large': 'UiTPAS gaf een onverwacht groot antwoord; de app las het niet. Probeer opnieuw.',
  incomplete: 'UiTPAS gaf een onvolledig antwoord.',
};

export class UitpasBadResponseError extends UitpasFailure {
  readonly kind = 'bad-response';
  constructor(
    readonly status: number,
    outcomeUnknown: boolean,
    readonly reason: BadResponseReason = 'not-xml',
  ) {
    super(badResponseMessages[reason], outcomeUnknown);
  }
}
