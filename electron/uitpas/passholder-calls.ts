/** The UiTPAS calls about a pass holder: register, update, opt-ins, card systems, the record and the search. */
import { parseOptInsOrFail, pathSegment as path, registered, succeeded, type UitpasCore } from './client-core';
import { refusalOnField, UitpasBadResponseError } from './errors';
import { parsePassholder, parseSearchResult, type Passholder, type PassholderSearchResult } from './model';
import type { CardSystemTarget, OptInPreferences, PassholderSearch, RegisterInCardSystemOptions, RegisterPassholderFields, Registered, UpdatePassholderFields } from './types';
import { child } from './xml';

export function passholderCalls({ post, get, request }: UitpasCore) {
  return {
    registerPassholder: async (fields: RegisterPassholderFields): Promise<Registered> =>
      registered(await post('uitpas/passholder/register', { ...fields })),

    /**
     * Opt-ins of an existing pass holder (DOC pashouders/opt-in-voorkeuren-aanpassen.md); {uid} is their UiTiD user.
     * The real counter sends them this way after register and after every update (SX
     * src/PassHolder/PassHolderService.php, register() and update(); register() says they are "not processed by
     * register endpoint"). All five always go, as
     * CF Uitpas/Passholder/OptInPreferences.php sends them. Success is the answer carrying the preferences.
     */
    setOptInPreferences: async (uid: string, preferences: OptInPreferences) => {
      const response = child(await post(`uitpas/passholder/${path(uid)}/optinpreferences`, { ...preferences }), 'response');
      return parseOptInsOrFail(child(response, 'optInPreferences'));
    },

    /**
     * The photo of the pass holder's record (DOC pashouders/upload-picture.md: multipart, field `picture`;
     * CF Uitpas/Default.php::uploadPicture; SX PassHolderService register()/update() send the eID photo).
     * The docs promise only "200 OK with an XML body": any 200 XML that is no refusal is taken as stored.
     */
    uploadPicture: async (uid: string, jpeg: Uint8Array): Promise<void> => {
      await request('POST', `uitpas/passholder/${path(uid)}/uploadPicture`, {}, { file: { field: 'picture', bytes: jpeg, name: 'picture.jpg', type: 'image/jpeg' } });
    },

    updatePassholder: async (uitpasNumber: string, fields: UpdatePassholderFields) => succeeded(await post(`uitpas/passholder/${path(uitpasNumber)}`, { ...fields })),

    registerInCardSystem: async (uid: string, target: CardSystemTarget, extra: RegisterInCardSystemOptions = {}): Promise<Passholder> => {
      const xml = await post(`uitpas/passholder/${path(uid)}/register`, {
        ...('cardSystemId' in target ? { cardSystemId: target.cardSystemId } : { uitpasNumber: target.uitpasNumber }),
        kansenStatuut: extra.kansenStatuut,
        kansenStatuutEndDate: extra.kansenStatuutEndDate,
        voucherNumber: extra.voucherNumber,
      });
      // Success is the pass holder it answers with (CF Uitpas/Default.php::registerPassholderInCardSystem reads /passHolder).
      const holder = parsePassholder(child(xml, 'passHolder') ?? {});
      if (!holder.uid) throw new UitpasBadResponseError(200, true, 'incomplete');
      return holder;
    },

    // emailPreference and smsPreference were removed from this endpoint: never sent.
    updateCardSystemData: async (uid: string, cardSystemId: string, data: { kansenStatuutEndDate: string }) =>
      succeeded(await post(`uitpas/passholder/${path(uid)}/${path(cardSystemId)}`, { kansenStatuutEndDate: data.kansenStatuutEndDate })),

    getPassholder: async (uitpasNumber: string): Promise<Passholder> =>
      parsePassholder(child(await get(`uitpas/passholder/${path(uitpasNumber)}`), 'passHolder') ?? {}),

    /**
     * The pass holder search (DOC pashouders/zoeken-van-pashouders.md) as a consumer request: signed with a staff
     * token it runs in owner mode and finds only the token owner. uitpasNumber repeats for several numbers.
     * As the real counter, it always includes blocked pass holders and pages with start/max
     * (SX src/PassHolder/Search/Query.php::build; without includeBlocked the API leaves them out).
     */
    searchPassholders: async (search: PassholderSearch & { inszNumber?: string }): Promise<PassholderSearchResult> => {
      const xml = await request(
        'GET',
        'uitpas/passholder/search',
        {
          inszNumber: search.inszNumber,
          name: search.name,
          firstName: search.firstName,
          dob: search.dateOfBirth,
          postalCode: search.postalCode,
          street: search.street,
          city: search.city,
          email: search.email,
          uitpasNumber: search.uitpasNumbers?.length ? search.uitpasNumbers : undefined,
          includeBlocked: true,
          start: search.start,
          max: search.max,
        },
        { asConsumer: true },
      ).catch(refusalOnField({ PARSE_INVALID_DATE: 'dateOfBirth' }));
      return parseSearchResult(child(xml, 'response'));
    },
  };
}
