/**
 * One signed request to UiTPAS and what its answer means. Safety first:
 * redirects are never followed (a 3xx could carry the citizen's data to another
 * origin), the answer is read up to a fixed size, the query string that is
 * signed is byte for byte the one that is sent, and every answer that is not a
 * clean success becomes a typed failure.
 */
import {
  UitpasBadResponseError,
  UitpasError,
  UitpasLoginRequiredError,
  UitpasServerError,
  UitpasTimeoutError,
  UitpasUnreachableError,
  type BadResponseReason,
  type ExistingCardSystemLink,
  type RefusalExtra,
} from './errors';
import { authorizationHeader, type Credentials } from './signing';
import { child, list, maxXmlBytes, parseXml, text, wholeNumber, type XmlNode, type XmlValue } from './xml';

/**
 * The one network interface every UiTPAS and UiTiD call goes through: fetch's shape. The app's is
 * Chromium's network stack (electron/window/network.ts: Electron net.request, so the system proxy and PAC,
 * proxy authentication and the OS certificate store apply); tests and the browser host use Node's fetch.
 * Every rule here (no redirect followed, the size cap, the timeout, an outcome that may be unknown) is
 * applied to what the transport gives back, so it holds for both.
 */
export type HttpTransport = typeof fetch;

/**
 * Thrown by a transport that refuses a redirect without handing over the 3xx answer (Electron's net.request
 * with redirect: 'manual' fails with "Redirect was cancelled", electron lib/common/api/net-client-request.ts).
 */
export class RedirectRefusedError extends Error {
  constructor() {
    super('redirect refused');
    this.name = 'RedirectRefusedError';
  }
}

/** A repeated key (uitpasNumber=a&uitpasNumber=b) is an array. */
export type ParamValue = string | number | boolean | undefined | readonly string[];
export type Params = Record<string, ParamValue>;

export interface SignedCall {
  method: 'GET' | 'POST';
  /** Full URL without query. */
  url: string;
  params: Params;
  consumer: Credentials;
  /** null: a consumer request (2-legged), e.g. the pass holder search. */
  token: Credentials | null;
  fetch: HttpTransport;
  timeoutMs: number;
  /**
   * Codes a 200 may carry without being an error. Default: only ACTION_SUCCEEDED. CF's DefaultOAuthClient.php
   * treats only a status other than 200 as an error, and Uitpas/Default.php checks the code call by call (some
   * calls insist on ACTION_SUCCEEDED); refusing any other code on a 200 is our choice (inferred to be safe: the
   * docs answer a success with ACTION_SUCCEEDED), and a call with another success code names it here.
   */
  acceptCodes?: readonly string[];
  /**
   * A file sent as multipart/form-data (uploadPicture, DOC pashouders/upload-picture.md), with `params` as
   * plain parts beside it. As in CF DefaultOAuthClient.php (`$has_file_upload`), no body parameter is signed.
   */
  file?: { field: string; bytes: Uint8Array; name: string; type: string };
}

/** RFC 3986 percent-encoding (OAuth 1.0a, RFC 5849 §3.6): a space is %20, never "+". */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** name=value pairs, absent values dropped, arrays as repeated keys (CF DefaultOAuthClient.php sends k=a&k=b). */
export function formPairs(params: Params): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) pairs.push([name, item]);
    else pairs.push([name, String(value)]);
  }
  return pairs;
}

export function encodePairs(pairs: readonly [string, string][]): string {
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

/** Pairs as oauth-1.0a wants them for the base string: repeated keys as arrays. */
function signedData(pairs: readonly [string, string][]): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const seen = data[name];
    data[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return data;
}

export async function callUitpas(call: SignedCall): Promise<XmlNode> {
  const pairs = formPairs(call.params);
  const encoded = encodePairs(pairs);
  const url = call.method === 'GET' && encoded ? `${call.url}?${encoded}` : call.url;
  const body = call.method !== 'POST' ? undefined : call.file ? multipart(pairs, call.file) : encoded;
  const headers: Record<string, string> = {
    Accept: 'application/xml',
    Authorization: authorizationHeader(call.consumer, call.token, {
      method: call.method,
      url,
      body: call.method === 'POST' && !call.file ? signedData(pairs) : undefined,
    }),
  };
  // FormData sets its own multipart Content-Type with the boundary.
  if (typeof body === 'string') headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
  // A POST that fails once it may have been sent has an unknown outcome; a GET can simply be asked again.
  const mayHaveArrived = call.method === 'POST';

  let response: Response;
  try {
    response = await call.fetch(url, { method: call.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(call.timeoutMs) });
  } catch (error) {
    throw transportFailure(error, mayHaveArrived);
  }
  // A proxy that wants a password staff did not give (RFC 9110 §15.5.8): the request never left the proxy.
  if (response.status === 407) {
    await response.body?.cancel();
    throw new UitpasUnreachableError('ERR_PROXY_AUTH_REQUESTED');
  }
  // Never followed: the answer to a redirect is not UiTPAS's answer, and on a POST nobody knows what happened.
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new UitpasBadResponseError(response.status, mayHaveArrived, 'redirect');
  }
  const payload = await readCapped(response, mayHaveArrived);
  return interpret(response, payload, mayHaveArrived, call.acceptCodes ?? ['ACTION_SUCCEEDED']);
}

/** Server time minus this computer's, in whole seconds, from the answer's Date header (RFC 9110 §6.6.1); null without one. */
export function clockOffsetSeconds(response: Response, now = Date.now()): number | null {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : Math.round((date - now) / 1000);
}

function multipart(pairs: readonly [string, string][], file: NonNullable<SignedCall['file']>): FormData {
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  form.append(file.field, new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
  return form;
}

/** Reads the body as UTF-8, stopping (and failing) beyond maxXmlBytes instead of buffering whatever comes. */
export async function readCapped(response: Response, mayHaveArrived: boolean, limit = maxXmlBytes): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await response.body?.cancel();
    throw new UitpasBadResponseError(response.status, mayHaveArrived, 'too-large');
  }
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new UitpasBadResponseError(response.status, mayHaveArrived, 'too-large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UitpasBadResponseError) throw error;
    throw transportFailure(error, mayHaveArrived);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const oauthProblem = (payload: string) => /oauth_problem=([a-z_]+)/.exec(payload)?.[1];

function interpret(answer: Response, payload: string, mayHaveArrived: boolean, acceptCodes: readonly string[]): XmlNode {
  const { status } = answer;
  const xml = tryParse(answer.headers.get('content-type') ?? '', payload);
  const response = xml ? child(xml, 'response') : undefined;
  const code = text(response, 'code');
  // An XML <code> says what went wrong, whatever the status (a 401 may carry ACCESS_DENIED).
  if (status !== 200 && code) throw rejection(response, code);
  // UiTiD's OAuth layer answers in form-encoding: a 401, or a 400 for a malformed signature (DOC authenticatie-XML-apis).
  const problem = oauthProblem(payload);
  if (status === 401 || (status === 400 && problem)) throw new UitpasLoginRequiredError(problem ?? 'unauthorized', clockOffsetSeconds(answer));
  if (status >= 500) throw new UitpasServerError(status, mayHaveArrived);
  // A 2xx we cannot read may still mean a POST was carried out; a 4xx without a code says it was not.
  if (!xml || status !== 200) throw new UitpasBadResponseError(status, status < 300 && mayHaveArrived, 'not-xml');
  // A 200 can still say no: <response><code>INSZ_ALREADY_USED</code> is a refusal, not a success.
  if (code !== undefined && !acceptCodes.includes(code)) throw rejection(response, code);
  return xml;
}

function tryParse(contentType: string, payload: string): XmlNode | undefined {
  const looksLikeXml = /xml/i.test(contentType) || payload.trimStart().startsWith('<?xml');
  if (!looksLikeXml || /^\s*<(!doctype\s+)?html/i.test(payload)) return undefined;
  try {
    return parseXml(payload);
  } catch {
    // XmlParseError or anything else the parser throws: an answer we cannot read.
    return undefined;
  }
}

function rejection(response: XmlValue | undefined, code: string): UitpasError {
  return new UitpasError(code, text(response, 'message') ?? '', text(response, 'requiredPermission') || null, existingPassholder(response), refusalExtra(response));
}

/** <points> beside a check-in refusal, <cashInState> beside a cash-in refusal (reference counter-day.md §0.3). */
function refusalExtra(response: XmlValue | undefined): RefusalExtra {
  const points = wholeNumber(text(response, 'points'));
  const cashInState = text(response, 'cashInState');
  return { ...(points !== undefined ? { points } : {}), ...(cashInState ? { cashInState } : {}) };
}

function existingPassholder(response: XmlValue | undefined) {
  const userId = text(response, 'userId');
  if (!userId) return null;
  const cardSystemLinks: ExistingCardSystemLink[] = list(child(response, 'cardSystemLinks'), 'cardSystemLink').map((link) => ({
    cardSystemId: text(list(link, 'cardSystem')[0], 'id') ?? '',
    uitpasNumber: text(link, 'uitpasNumber') ?? '',
    status: text(link, 'status') ?? '',
  }));
  return { userId, cardSystemLinks };
}

/**
 * Failures before a byte of the request can have left, by Node's (undici's cause.code) and Chromium's names:
 * no connection, no such host, the proxy refused or wants credentials, or TLS never agreed (a certificate
 * the OS does not trust, e.g. a TLS-inspecting proxy whose root is missing).
 */
const nothingSent = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_CONNECTION_REFUSED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_NETWORK_ACCESS_DENIED',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_PROXY_AUTH_REQUESTED',
  'ERR_PROXY_CERTIFICATE_INVALID',
  'ERR_SSL_PROTOCOL_ERROR',
  'ERR_BAD_SSL_CLIENT_AUTH_CERT',
]);

/** Connection refused or no such host: nothing was sent. Anything later: maybe it was. */
export function transportFailure(error: unknown, mayHaveArrived: boolean): Error {
  if (error instanceof RedirectRefusedError) return new UitpasBadResponseError(0, mayHaveArrived, 'redirect');
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new UitpasTimeoutError(mayHaveArrived);
  // Node's fetch puts the code in `cause`; Chromium's says it in the message, for the request and its body alike.
  const chromium = error instanceof Error ? /^net::(ERR_[A-Z0-9_]+)$/.exec(error.message)?.[1] : undefined;
  const code = chromium ?? cause?.code ?? '';
  if (nothingSent.has(code) || code.startsWith('ERR_CERT_')) return new UitpasUnreachableError(code);
  return new UitpasUnreachableError(code || name, mayHaveArrived);
}

export type { BadResponseReason };
