/**
 * The UiTPAS XML API client: one typed method per counter operation and
 * look-up. Every request is signed (OAuth 1.0a HMAC-SHA1, body parameters
 * included), asks for XML, carries balieConsumerKey, and has a timeout. A POST
 * is never retried by the client: when it may have reached the server before
 * failing, the error says the outcome is unknown.
 */
import {
  UitpasBadResponseError,
  UitpasError,
  UitpasLoginRequiredError,
  UitpasServerError,
  UitpasTimeoutError,
  UitpasUnreachableError,
  type ExistingCardSystemLink,
} from './errors';
import { parseBalie, parseCardInfo, parsePassholder, parsePrice, type Balie, type CardInfo, type Passholder, type UitpasPrice } from './model';
import { authorizationHeader, type Credentials } from './signing';
import type {
  CardSystemTarget,
  NewCardRequest,
  PriceQuery,
  RegisterInCardSystemOptions,
  RegisterPassholderFields,
  Registered,
  UpdatePassholderFields,
} from './types';
import { child, list, parseXml, text, XmlParseError, type XmlNode } from './xml';

export interface UitpasClientOptions {
  /** e.g. https://test.uitid.be/uitid/rest */
  prefix: string;
  consumer: Credentials;
  token: Credentials;
  balieConsumerKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** What this environment calls a defective card: "DEFECT" since 2020, "REMOVAL" before. */
  defectReason?: 'DEFECT' | 'REMOVAL';
}

export type UitpasClient = ReturnType<typeof createUitpasClient>;

type Params = Record<string, string | number | boolean | undefined>;

export function createUitpasClient(options: UitpasClientOptions) {
  const { prefix, consumer, token, balieConsumerKey } = options;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request(method: 'GET' | 'POST', path: string, params: Params): Promise<XmlNode> {
    const values = formValues({ ...params, balieConsumerKey });
    const query = method === 'GET' ? new URLSearchParams(values).toString() : '';
    const url = `${prefix}/${path}${query ? `?${query}` : ''}`;
    const body = method === 'POST' ? values : undefined;
    const headers: Record<string, string> = {
      Accept: 'application/xml',
      Authorization: authorizationHeader(consumer, token, { method, url, body }),
    };
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    // A POST that fails once it may have been sent has an unknown outcome; a GET can simply be asked again.
    const mayHaveArrived = method === 'POST';

    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: body ? new URLSearchParams(body).toString() : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw transportFailure(error, mayHaveArrived);
    }
    let payload: string;
    try {
      payload = await response.text();
    } catch (error) {
      throw transportFailure(error, mayHaveArrived);
    }
    return interpret(response.status, response.headers.get('content-type') ?? '', payload, mayHaveArrived);
  }

  const post = (path: string, params: Params) => request('POST', path, params);
  const get = (path: string, params: Params = {}) => request('GET', path, params);
  const registered = (xml: XmlNode): Registered => {
    const response = child(xml, 'response');
    const resource = text(response, 'resource') ?? '';
    return { uid: text(response, 'message') ?? '', uitpasNumber: resource.split('/').pop() ?? '', resource };
  };
  const acknowledged = (xml: XmlNode) => {
    const response = child(xml, 'response');
    return { code: text(response, 'code') ?? '', message: text(response, 'message') ?? '' };
  };
  const path = pathSegment;

  return {
    registerPassholder: async (fields: RegisterPassholderFields): Promise<Registered> =>
      registered(await post('uitpas/passholder/register', { ...fields })),

    registerNewCard: async (card: NewCardRequest): Promise<Registered> => {
      const reason = card.reason === 'DEFECT' || card.reason === 'REMOVAL' ? (options.defectReason ?? 'DEFECT') : card.reason;
      return registered(await post('uitpas/passholder/newCard', { ...card, reason }));
    },

    updatePassholder: async (uitpasNumber: string, fields: UpdatePassholderFields) =>
      acknowledged(await post(`uitpas/passholder/${path(uitpasNumber)}`, { ...fields })),

    registerInCardSystem: async (uid: string, target: CardSystemTarget, extra: RegisterInCardSystemOptions = {}): Promise<Passholder> => {
      const xml = await post(`uitpas/passholder/${path(uid)}/register`, {
        ...('cardSystemId' in target ? { cardSystemId: target.cardSystemId } : { uitpasNumber: target.uitpasNumber }),
        kansenStatuut: extra.kansenStatuut,
        kansenStatuutEndDate: extra.kansenStatuutEndDate,
        voucherNumber: extra.voucherNumber,
      });
      return parsePassholder(child(xml, 'passHolder') ?? {});
    },

    // emailPreference and smsPreference were removed from this endpoint: never sent.
    updateCardSystemData: async (uid: string, cardSystemId: string, data: { kansenStatuutEndDate: string }) =>
      acknowledged(await post(`uitpas/passholder/${path(uid)}/${path(cardSystemId)}`, { kansenStatuutEndDate: data.kansenStatuutEndDate })),

    getPassholder: async (uitpasNumber: string): Promise<Passholder> =>
      parsePassholder(child(await get(`uitpas/passholder/${path(uitpasNumber)}`), 'passHolder') ?? {}),

    searchPassholdersByInsz: async (inszNumber: string): Promise<Passholder[]> => {
      const response = child(await get('uitpas/passholder/search', { inszNumber }), 'response');
      return list(child(response, 'passholders'), 'passholder').map(parsePassholder);
    },

    getCard: async (uitpasNumber: string): Promise<CardInfo> => parseCardInfo(child(await get('uitpas/card', { uitpasNumber }), 'response') ?? {}),

    getPrice: async (query: PriceQuery): Promise<UitpasPrice> => {
      const response = child(await get('uitpas/price', { ...query }), 'response');
      return parsePrice(list(response, 'uitpasPrice')[0] ?? {});
    },

    listBalies: async (employeeUid: string): Promise<Balie[]> => {
      const response = child(await get('uitpas/balie/list', { uid: employeeUid }), 'response');
      return list(child(response, 'balies'), 'balie').map(parseBalie);
    },
  };
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

/** Drops absent values; booleans and numbers as text. Dates are passed as the caller's YYYY-MM-DD strings. */
function formValues(params: Params): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) values[name] = String(value);
  }
  return values;
}

function interpret(status: number, contentType: string, payload: string, mayHaveArrived: boolean): XmlNode {
  if (status === 401) {
    throw new UitpasLoginRequiredError(/oauth_problem=([a-z_]+)/.exec(payload)?.[1] ?? 'unauthorized');
  }
  if (status >= 500) throw new UitpasServerError(status, mayHaveArrived);
  const looksLikeXml = /xml/i.test(contentType) || payload.trimStart().startsWith('<?xml');
  let xml: XmlNode;
  try {
    if (!looksLikeXml || /^\s*<(!doctype\s+)?html/i.test(payload)) throw new XmlParseError('not XML');
    xml = parseXml(payload);
  } catch (error) {
    if (error instanceof XmlParseError) throw new UitpasBadResponseError(status, status === 200 && mayHaveArrived);
    throw error;
  }
  if (status === 200) return xml;
  const response = child(xml, 'response');
  const code = text(response, 'code');
  if (!code) throw new UitpasBadResponseError(status, false);
  throw new UitpasError(code, text(response, 'message') ?? '', text(response, 'requiredPermission') || null, existingPassholder(response));
}

function existingPassholder(response: ReturnType<typeof child>) {
  const userId = text(response, 'userId');
  if (!userId) return null;
  const cardSystemLinks: ExistingCardSystemLink[] = list(child(response, 'cardSystemLinks'), 'cardSystemLink').map((link) => ({
    cardSystemId: text(child(link, 'cardSystem'), 'id') ?? text(list(link, 'cardSystem')[0], 'id') ?? '',
    uitpasNumber: text(link, 'uitpasNumber') ?? '',
    status: text(link, 'status') ?? '',
  }));
  return { userId, cardSystemLinks };
}

/** Connection refused or no such host: nothing was sent. Anything later: maybe it was. */
function transportFailure(error: unknown, mayHaveArrived: boolean): Error {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new UitpasTimeoutError(mayHaveArrived);
  const code = cause?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED'].includes(code)) {
    return new UitpasUnreachableError(code);
  }
  return new UitpasUnreachableError(code || name, mayHaveArrived);
}
