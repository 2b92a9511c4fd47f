/**
 * What every UiTPAS call shares: the client's options, one signed request
 * (OAuth 1.0a HMAC-SHA1, body parameters included, XML asked, balieConsumerKey
 * added, a timeout), and the reading of the answers several calls give.
 * A POST is never retried: when it may have reached the server before failing,
 * the error says the outcome is unknown.
 */
import { UitpasBadResponseError } from './errors';
import { parseOptIns } from './model';
import type { Credentials } from './signing';
import { callUitpas, type Params, type SignedCall } from './transport';
import type { Registered } from './types';
import { child, text, type XmlNode } from './xml';

/** How long a UiTPAS call may take, answer included, before it is a timeout. */
export const callTimeoutMs = 15_000;

export interface UitpasClientOptions {
  /** e.g. https://test.uitid.be/uitid/rest */
  prefix: string;
  consumer: Credentials;
  token: Credentials;
  /** The chosen balie; absent (or empty) before one is chosen, and then left out of every request. */
  balieConsumerKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** What this environment calls a defective card: "DEFECT" since 2020, "REMOVAL" before. */
  defectReason?: 'DEFECT' | 'REMOVAL';
}

export interface RequestExtra {
  /** A consumer request (no staff token), e.g. the pass holder search. */
  asConsumer?: boolean;
  /** Codes a 200 may carry beside its data without being a refusal. */
  acceptCodes?: readonly string[];
  /** A file sent as multipart/form-data beside the parameters. */
  file?: SignedCall['file'];
  /** A call the real counter makes without the balie: the promotion re-reads (reference counter-day.md §0.2). */
  withoutBalie?: boolean;
}

/** The signed request every call goes through, bound to one client's options. */
export interface UitpasCore {
  options: UitpasClientOptions;
  request: (method: 'GET' | 'POST', path: string, params: Params, extra?: RequestExtra) => Promise<XmlNode>;
  post: (path: string, params: Params) => Promise<XmlNode>;
  get: (path: string, params?: Params) => Promise<XmlNode>;
}

/** Parameters production refuses with INVALID_PARAMETERS since UiTPAS 3.3.0 (DOC pashouders/opt-in-voorkeuren-aanpassen.md): never sent. */
const removedParameters = ['emailPreference', 'smsPreference'] as const;

export function createUitpasCore(options: UitpasClientOptions): UitpasCore {
  const { prefix, consumer, token } = options;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? callTimeoutMs;
  // balieConsumerKey= with nothing after it is UNKNOWN_BALIE_CONSUMERKEY in production: only a real key goes out.
  const balie = options.balieConsumerKey ? { balieConsumerKey: options.balieConsumerKey } : {};

  async function request(method: 'GET' | 'POST', path: string, params: Params, extra: RequestExtra = {}): Promise<XmlNode> {
    const sent: Params = Object.fromEntries(Object.entries({ ...params, ...(extra.withoutBalie ? {} : balie) }).filter(([name]) => !(removedParameters as readonly string[]).includes(name)));
    return callUitpas({
      method,
      url: `${prefix}/${path}`,
      params: sent,
      consumer,
      token: extra.asConsumer ? null : token,
      fetch: doFetch,
      timeoutMs,
      acceptCodes: extra.acceptCodes,
      file: extra.file,
    });
  }

  return {
    options,
    request,
    post: (path, params) => request('POST', path, params),
    get: (path, params = {}) => request('GET', path, params),
  };
}

/** register and newCard answer <message>{uid}</message><resource>/uitpas/passholder/{number}</resource>; without both it is no success. */
export function registered(xml: XmlNode): Registered {
  const response = child(xml, 'response');
  const uid = text(response, 'message') ?? '';
  const resource = text(response, 'resource') ?? '';
  const uitpasNumber = /^\/uitpas\/passholder\/(\d{13})$/.exec(resource)?.[1];
  if (!/^[\w-]{1,64}$/.test(uid) || !uitpasNumber) throw new UitpasBadResponseError(200, true, 'incomplete');
  return { uid, uitpasNumber, resource };
}

/**
 * A write that answers with a code succeeded only with one of its success codes: ACTION_SUCCEEDED (DOC
 * update-pashouder.md, block-uitpas.md, kaartsysteem-specifieke-pashouder-gegevens-aanpassen.md), for the block
 * also BLOCK_UITPAS_SUCCESS. The transport already refuses any other code; a 200 without one (`<foo/>`, an empty
 * <response/>) may still have been carried out: a bad answer, outcome unknown.
 */
export function succeeded<Code extends string = 'ACTION_SUCCEEDED'>(xml: XmlNode, codes: readonly Code[] = ['ACTION_SUCCEEDED' as Code]): { code: Code } {
  const code = text(child(xml, 'response'), 'code');
  if (!codes.some((success) => success === code)) throw new UitpasBadResponseError(200, true, 'incomplete');
  return { code: code as Code };
}

export function parseOptInsOrFail(node: Parameters<typeof parseOptIns>[0]) {
  const preferences = parseOptIns(node);
  if (!preferences) throw new UitpasBadResponseError(200, true, 'incomplete');
  return preferences;
}

/**
 * One URL path segment from a value: percent-encoded, so "/" and "?" stay
 * inside it; "." and ".." (which URL parsing resolves, re-routing a signed
 * request) and an empty segment are refused. The payload guards already keep
 * such values out; this holds even for a caller that skips them.
 */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') throw new RangeError('unsafe URL path segment');
  return encodeURIComponent(value);
}
