/** The UiTPAS part of the handler table: every call goes through the session's signed client. */
import type { FollowUp, HandlerTable } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { normaliseInsz } from '../rules/insz';
import { normaliseUitpasNumber } from '../rules/uitpas-number';
import { calling } from './failures';
import { UitpasFailure } from './errors';
import type { EidEvidence } from '../cards/eid-evidence';
import { isEmailAddress, isIsoDate } from '../rules/fields';
import { allowedOptIns, passholderErrors, registrationErrors, type FieldErrors } from '../rules/passholder-rules';
import type { UitpasSession } from './session';

type UitpasChannel = Extract<keyof HandlerTable, `session:${string}` | `settings:${string}` | `uitpas:${string}`>;

/** The page checked the fields already; main checks again, with the same rules, before anything leaves. */
function refuseInvalid(errors: FieldErrors): void {
  const [first] = Object.entries(errors);
  if (first) throw new BalieFailure({ code: 'invalid-field', field: first[0], problem: first[1] });
}

/** A call after the main write: its failure leaves the main write standing, so it is reported, never thrown. */
async function followUp(work: () => Promise<unknown>): Promise<FollowUp> {
  try {
    await work();
    return 'stored';
  } catch (error) {
    if (error instanceof UitpasFailure) return 'failed';
    throw error;
  }
}

export function createUitpasHandlers(session: UitpasSession, evidence: EidEvidence): Pick<HandlerTable, UitpasChannel> {
  const withClient = <T>(work: (client: Awaited<ReturnType<UitpasSession['client']>>) => Promise<T>) =>
    calling(async () => work(await session.client()));

  return {
    'session:get': () => session.view(),
    'session:login': () => calling(() => session.logIn()),
    'session:logout': () => {
      evidence.clear();
      return session.logOut();
    },
    'session:chooseBalie': ({ balieId }) => session.chooseBalie(balieId),
    'settings:save': (change) => calling(() => session.changeSettings(change)),
    'uitpas:getCard': ({ uitpasNumber }) => withClient((client) => client.getCard(normaliseUitpasNumber(uitpasNumber))),
    'uitpas:getPrice': (query) => withClient((client) => client.getPrice(query)),
    // By UiTPAS number, INSZ or chip number through uitpas/retrieve, as the real counter looks people up
    // (SX src/Identity/IdentityService.php::get, which calls CF Uitpas/Default.php::identify).
    'uitpas:findPassholders': ({ query }) =>
      withClient(async (client) => {
        const identification = lookUpKey(query);
        const found = await client.retrieve(identification);
        return found?.passholder ? [found.passholder] : [];
      }),
    'uitpas:identify': ({ query }) => withClient((client) => client.retrieve(lookUpKey(query))),
    'uitpas:searchPassholders': (search) => {
      const uitpasNumbers = (search.uitpasNumbers ?? []).map(normaliseUitpasNumber).filter((number) => number !== '');
      const criteria = { ...search, uitpasNumbers: uitpasNumbers.length ? uitpasNumbers : undefined, email: search.email?.trim() || undefined };
      const given = [criteria.name, criteria.firstName, criteria.postalCode, criteria.street, criteria.city, criteria.email];
      if (!given.some((text) => text?.trim()) && !criteria.dateOfBirth && !criteria.uitpasNumbers) {
        throw new BalieFailure({ code: 'invalid-field', field: 'name', problem: 'search-criteria' });
      }
      if (criteria.dateOfBirth && !isIsoDate(criteria.dateOfBirth)) {
        throw new BalieFailure({ code: 'invalid-field', field: 'dateOfBirth', problem: 'date-of-birth-invalid' });
      }
      // A whole address, as the real counter's back end wants it (SX PassHolderController.php: IncorrectParameterValueException('email')).
      if (criteria.email && !isEmailAddress(criteria.email)) {
        throw new BalieFailure({ code: 'invalid-field', field: 'email', problem: 'email-invalid' });
      }
      return withClient(async (client) => {
        const { total, passholders } = await client.searchPassholders({ ...criteria, max: criteria.max ?? searchPageSize });
        return { total, passholders };
      });
    },
    'uitpas:registerPassholder': ({ eidReadId, withoutInsz, storePhoto, ...fields }) => {
      const today = new Date();
      refuseInvalid(registrationErrors({ ...fields, withoutInsz }, today));
      const verified = evidence.vouchesFor(eidReadId, fields);
      // The five opt-ins go along as the API documents them, and again in their own call, which is what stores them.
      const optIns = allowedOptIns(fields, fields.dateOfBirth, fields, today);
      // Only a photo main read itself, of this same person, only when staff left "store the photo" ticked and the policy allows it.
      const photo = storePhoto === true && session.photosAllowed() ? evidence.photoFor(eidReadId, fields.inszNumber) : undefined;
      return withClient(async (client) => {
        const registered = await client.registerPassholder({
          ...fields,
          ...optIns,
          legalTermsPaper: fields.legalTermsPaper === true,
          legalTermsDigital: fields.legalTermsDigital === true,
          ...(fields.parentalConsent !== undefined ? { parentalConsent: fields.parentalConsent } : {}),
          verified,
        });
        evidence.forget(eidReadId);
        // Register does not process the opt-ins (SX PassHolderService::register); then the photo, as the real counter.
        const optInsOutcome = await followUp(() => client.setOptInPreferences(registered.uid, optIns));
        const picture = photo ? await followUp(() => client.uploadPicture(registered.uid, photo)) : 'not-sent';
        return { ...registered, verified, optIns: optInsOutcome, picture };
      });
    },
    'uitpas:registerNewCard': (request) => withClient((client) => client.registerNewCard(request)),
    'uitpas:updatePassholder': ({ uitpasNumber, fields, eidReadId, storePhoto }) => {
      refuseInvalid(passholderErrors(fields, [], new Date()));
      const vouches = evidence.vouchesFor(eidReadId, fields);
      const eidInsz = evidence.inszOf(eidReadId);
      return withClient(async (client) => {
        // The record first, as the real counter does (SX src/PassHolder/PassHolderService.php, update() reads it
        // before the write): its uid takes the opt-ins and the photo, and it says whose record it is.
        const holder = await client.getPassholder(uitpasNumber);
        // The eID must be this pass holder's: main asks UiTPAS whose record it is, the page's word does not count.
        const samePerson = eidInsz !== undefined && normaliseInsz(holder.inszNumber ?? '') === eidInsz;
        // `verified` only ever goes up: an update without a genuine eID read of this very pass holder leaves it as it was.
        const verified = vouches && samePerson ? true : undefined;
        const photo = samePerson && storePhoto === true && session.photosAllowed() ? evidence.photoFor(eidReadId, eidInsz) : undefined;
        const { code } = await client.updatePassholder(uitpasNumber, { ...fields, verified });
        evidence.forget(eidReadId);
        // SX update() sends the opt-ins again after every update, those of the update form. Ours has none (they
        // change in their own form), so they are the record's own as just read, false under 16 with the birth date
        // as it now stands, and off when the update took away the e-mail address or the mobile number they need;
        // a record that shows none gets none, rather than invented ones.
        const reach = { email: fields.email ?? holder.email, gsm: fields.gsm ?? holder.gsm };
        const optIns = holder.optInPreferences ? allowedOptIns(holder.optInPreferences, fields.dateOfBirth ?? holder.dateOfBirth, reach, new Date()) : undefined;
        const optInsRetry = optIns && { uid: holder.uid, uitpasNumber, preferences: optIns };
        const optInsOutcome = optInsRetry ? await followUp(() => client.setOptInPreferences(optInsRetry.uid, optInsRetry.preferences)) : 'not-sent';
        // Then the re-read eID's photo, as SX update() does.
        const picture = photo ? await followUp(() => client.uploadPicture(holder.uid, photo)) : 'not-sent';
        // UiTPAS's own English sentence stays here: the page words the outcome itself.
        return { code, picture, optIns: optInsOutcome, ...(optInsOutcome === 'failed' && optInsRetry ? { retry: optInsRetry } : {}) };
      });
    },
    // The birth date is the record's, read by the card, never the page's word (issue 27 item 14), as for the INSZ on update.
    'uitpas:setOptInPreferences': ({ uid, uitpasNumber, preferences }) =>
      withClient(async (client) => {
        const holder = await client.getPassholder(normaliseUitpasNumber(uitpasNumber));
        if (holder.uid !== uid) throw new BalieFailure({ code: 'invalid-request' });
        return client.setOptInPreferences(uid, allowedOptIns(preferences, holder.dateOfBirth, holder, new Date()));
      }),
    'uitpas:blockCard': ({ uitpasNumber }) => withClient((client) => client.blockCard(normaliseUitpasNumber(uitpasNumber))),
    'uitpas:registerInCardSystem': ({ uid, cardSystemId, uitpasNumber, ...options }) =>
      withClient((client) => {
        if ((cardSystemId === undefined) === (uitpasNumber === undefined)) {
          throw new BalieFailure({ code: 'invalid-field', field: 'cardSystemId', problem: 'card-system-or-card' });
        }
        return client.registerInCardSystem(uid, cardSystemId !== undefined ? { cardSystemId } : { uitpasNumber: uitpasNumber ?? '' }, options);
      }),
    'uitpas:updateCardSystemData': ({ uid, cardSystemId, kansenStatuutEndDate }) =>
      withClient(async (client) => {
        const { code } = await client.updateCardSystemData(uid, cardSystemId, { kansenStatuutEndDate });
        return { code };
      }),
  };
}

/** One page of search results; "more results" asks the next page with start (SX Search/Query.php pages by 10; we show 20). */
const searchPageSize = 20;

/** What uitpas/retrieve is given: a UiTPAS number (13 digits), an INSZ (11 digits, any separators) or a card's chip number (hex). */
function lookUpKey(query: string): string {
  const uitpasNumber = normaliseUitpasNumber(query);
  if (/^\d{13}$/.test(uitpasNumber)) return uitpasNumber;
  const insz = normaliseInsz(query);
  if (/^\d{11}$/.test(insz)) return insz;
  if (/^[0-9A-Fa-f]{8,20}$/.test(uitpasNumber)) return uitpasNumber;
  throw new BalieFailure({ code: 'invalid-field', field: 'query', problem: 'search-query' });
}
