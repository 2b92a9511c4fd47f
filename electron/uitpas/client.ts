/**
 * The UiTPAS XML API client: one typed method per counter operation and
 * look-up. Every request is signed (OAuth 1.0a HMAC-SHA1, body parameters
 * included), asks for XML, carries balieConsumerKey, and has a timeout. A POST
 * is never retried by the client: when it may have reached the server before
 * failing, the error says the outcome is unknown.
 */
import { UitpasBadResponseError, UitpasError } from './errors';
import {
  parseBalie,
  parseOptIns,
  parseCardInfo,
  parseIdentification,
  parsePassholder,
  parsePrice,
  parseSearchResult,
  type Balie,
  type CardInfo,
  type Identification,
  type Passholder,
  type PassholderSearchResult,
  type UitpasPrice,
} from './model';
import type { Credentials } from './signing';
import { callUitpas, type Params } from './transport';
import type {
  CardSystemTarget,
  NewCardRequest,
  OptInPreferences,
  PassholderSearch,
  PriceQuery,
  RegisterInCardSystemOptions,
  RegisterPassholderFields,
  Registered,
  UpdatePassholderFields,
} from './types';
import { child, list, text, type XmlNode } from './xml';

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

export type UitpasClient = ReturnType<typeof createUitpasClient>;

/** Parameters production refuses with INVALID_PARAMETERS since UiTPAS 3.3.0 (DOC pashouders/opt-in-voorkeuren-aanpassen.md): never sent. */
const removedParameters = ['emailPreference', 'smsPreference'] as const;

export function createUitpasClient(options: UitpasClientOptions) {
  const { prefix, consumer, token } = options;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  // balieConsumerKey= with nothing after it is UNKNOWN_BALIE_CONSUMERKEY in production: only a real key goes out.
  const balie = options.balieConsumerKey ? { balieConsumerKey: options.balieConsumerKey } : {};

  async function request(method: 'GET' | 'POST', path: string, params: Params, extra: { asConsumer?: boolean; acceptCodes?: readonly string[] } = {}): Promise<XmlNode> {
    const sent: Params = Object.fromEntries(Object.entries({ ...params, ...balie }).filter(([name]) => !(removedParameters as readonly string[]).includes(name)));
    return callUitpas({
      method,
      url: `${prefix}/${path}`,
      params: sent,
      consumer,
      token: extra.asConsumer ? null : token,
      fetch: doFetch,
      timeoutMs,
      acceptCodes: extra.acceptCodes,
    });
  }

  const post = (path: string, params: Params) => request('POST', path, params);
  const get = (path: string, params: Params = {}) => request('GET', path, params);
  /** register and newCard answer <message>{uid}</message><resource>/uitpas/passholder/{number}</resource>; without both it is no success. */
  const registered = (xml: XmlNode): Registered => {
    const response = child(xml, 'response');
    const uid = text(response, 'message') ?? '';
    const resource = text(response, 'resource') ?? '';
    const uitpasNumber = /^\/uitpas\/passholder\/(\d{13})$/.exec(resource)?.[1];
    if (!/^[\w-]{1,64}$/.test(uid) || !uitpasNumber) throw new UitpasBadResponseError(200, true, 'incomplete');
    return { uid, uitpasNumber, resource };
  };
  const acknowledged = (xml: XmlNode) => {
    const response = child(xml, 'response');
    return { code: text(response, 'code') ?? '', message: text(response, 'message') ?? '' };
  };
  const path = pathSegment;

  return {
    registerPassholder: async (fields: RegisterPassholderFields): Promise<Registered> =>
      registered(await post('uitpas/passholder/register', { ...fields })),

    /** Opt-ins of an existing pass holder (DOC pashouders/opt-in-voorkeuren-aanpassen.md); {uid} is their UiTiD user. */
    setOptInPreferences: async (uid: string, preferences: OptInPreferences) => {
      const response = child(await post(`uitpas/passholder/${path(uid)}/optinpreferences`, { ...preferences }), 'response');
      return parseOptInsOrFail(child(response, 'optInPreferences'));
    },

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

    /**
     * A pass holder, card or group pass by UiTPAS number, chip number, INSZ or INSZ barcode, as the real counter
     * looks them up (DOC uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md;
     * CF Uitpas/Default.php::identify). A 200 may carry INVALID_CARD_STATUS_BLOCKED or KANSENSTATUUT_EXPIRED
     * next to what it found: a notice, not a refusal. UNKNOWN_IDENTIFICATION means nothing was found.
     */
    retrieve: async (identification: string): Promise<Identification | null> => {
      try {
        const xml = await request('GET', 'uitpas/retrieve', { identification }, { acceptCodes: ['INVALID_CARD_STATUS_BLOCKED', 'KANSENSTATUUT_EXPIRED'] });
        return parseIdentification(child(xml, 'response'));
      } catch (error) {
        if (error instanceof UitpasError && error.code === 'UNKNOWN_IDENTIFICATION') return null;
        throw error;
      }
    },

    /**
     * The pass holder search (DOC pashouders/zoeken-van-pashouders.md) as a consumer request: signed with a staff
     * token it runs in owner mode and finds only the token owner. uitpasNumber repeats for several numbers.
     */
    searchPassholders: async (search: PassholderSearch & { inszNumber?: string; max?: number }): Promise<PassholderSearchResult> => {
      const xml = await request(
        'GET',
        'uitpas/passholder/search',
        {
          inszNumber: search.inszNumber,
          name: search.name,
          firstName: search.firstName,
          dob: search.dateOfBirth,
          postalCode: search.postalCode,
          uitpasNumber: search.uitpasNumbers?.length ? search.uitpasNumbers : undefined,
          max: search.max,
        },
        { asConsumer: true },
      );
      return parseSearchResult(child(xml, 'response'));
    },

    getCard: async (uitpasNumber: string): Promise<CardInfo> => parseCardInfo(child(await get('uitpas/card', { uitpasNumber }), 'response') ?? {}),

    /** With dateOfBirth and postalCode the price is the holder's age band's (DOC uitpas-prijzen/ophalen-uitpas-prijs.md). */
    getPrice: async (query: PriceQuery): Promise<UitpasPrice> => {
      const response = child(await get('uitpas/price', { ...query }), 'response');
      const price = list(response, 'uitpasPrice')[0];
      if (!price) throw new UitpasBadResponseError(200, false, 'incomplete');
      return parsePrice(price);
    },

    listBalies: async (employeeUid: string): Promise<Balie[]> => {
      const response = child(await get('uitpas/balie/list', { uid: employeeUid }), 'response');
      return list(child(response, 'balies'), 'balie').map(parseBalie);
    },
  };
}

function parseOptInsOrFail(node: Parameters<typeof parseOptIns>[0]) {
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
