/** The UiTPAS calls about a pass holder: register, update, opt-ins, card systems, the record and the search. */
import { acknowledged, parseOptInsOrFail, pathSegment as path, registered, type UitpasCore } from './client-core';
import { parsePassholder, parseSearchResult, type Passholder, type PassholderSearchResult } from './model';
import type { CardSystemTarget, OptInPreferences, PassholderSearch, RegisterInCardSystemOptions, RegisterPassholderFields, Registered, UpdatePassholderFields } from './types';
import { child } from './xml';

export function passholderCalls({ post, get, request }: UitpasCore) {
  return {
    registerPassholder: async (fields: RegisterPassholderFields): Promise<Registered> =>
      registered(await post('uitpas/passholder/register', { ...fields })),

    /** Opt-ins of an existing pass holder (DOC pashouders/opt-in-voorkeuren-aanpassen.md); {uid} is their UiTiD user. */
    setOptInPreferences: async (uid: string, preferences: OptInPreferences) => {
      const response = child(await post(`uitpas/passholder/${path(uid)}/optinpreferences`, { ...preferences }), 'response');
      return parseOptInsOrFail(child(response, 'optInPreferences'));
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
  };
}
