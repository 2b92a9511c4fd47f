/** The UiTPAS part of the handler table: every call goes through the session's signed client. */
import { contractError, type HandlerTable } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { normaliseInsz } from '../rules/insz';
import { normaliseUitpasNumber } from '../rules/uitpas-number';
import { UitpasError } from './errors';
import { calling } from './failures';
import type { EidEvidence } from '../eid/eid-evidence';
import { passholderErrors, registrationRequired, type FieldErrors } from '../rules/passholder-rules';
import type { UitpasSession } from './session';

type UitpasChannel = Extract<keyof HandlerTable, `session:${string}` | `settings:${string}` | `uitpas:${string}`>;

/** The page checked the fields already; main checks again, with the same rules, before anything leaves. */
function refuseInvalid(errors: FieldErrors): void {
  const [first] = Object.entries(errors);
  if (first) throw new BalieFailure({ code: 'invalid-field', message: first[1] ?? contractError('invalid-field').message, field: first[0] });
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
    'uitpas:findPassholders': ({ query }) =>
      withClient(async (client) => {
        const uitpasNumber = normaliseUitpasNumber(query);
        if (/^\d{13}$/.test(uitpasNumber)) {
          return client.getPassholder(uitpasNumber).then(
            (holder) => [holder],
            (error: unknown) => {
              if (error instanceof UitpasError && error.code === 'UNKNOWN_UITPASNUMBER') return [];
              throw error;
            },
          );
        }
        const insz = normaliseInsz(query);
        if (/^\d{11}$/.test(insz)) return client.searchPassholdersByInsz(insz);
        throw new BalieFailure({
          ...contractError('invalid-request'),
          message: 'Typ of scan een UiTPAS-nummer (13 cijfers) of een rijksregisternummer (11 cijfers).',
          field: 'query',
        });
      }),
    // Placeholder on the UI branch only: the API helper's branch implements the search (issue 12); the merge replaces this.
    'uitpas:searchPassholders': () => {
      throw new BalieFailure({ ...contractError('internal'), message: 'Zoeken op naam is nog niet beschikbaar in deze versie.' });
    },
    'uitpas:registerPassholder': ({ eidReadId, ...fields }) => {
      refuseInvalid(passholderErrors(fields, registrationRequired, new Date()));
      const verified = evidence.vouchesFor(eidReadId, fields);
      return withClient(async (client) => {
        const registered = await client.registerPassholder({ ...fields, verified });
        evidence.forget(eidReadId);
        return { ...registered, verified };
      });
    },
    'uitpas:registerNewCard': (request) => withClient((client) => client.registerNewCard(request)),
    'uitpas:updatePassholder': ({ uitpasNumber, fields, eidReadId }) => {
      refuseInvalid(passholderErrors(fields, [], new Date()));
      // `verified` only ever goes up: an update without a genuine eID read leaves it as it was.
      const verified = evidence.vouchesFor(eidReadId, fields) ? true : undefined;
      return withClient(async (client) => {
        const result = await client.updatePassholder(uitpasNumber, { ...fields, verified });
        evidence.forget(eidReadId);
        return result;
      });
    },
    'uitpas:registerInCardSystem': ({ uid, cardSystemId, uitpasNumber, ...options }) =>
      withClient((client) => {
        if ((cardSystemId === undefined) === (uitpasNumber === undefined)) {
          throw new BalieFailure({ ...contractError('invalid-request'), message: 'Kies óf een kaartsysteem óf een nieuwe kaart.', field: 'cardSystemId' });
        }
        return client.registerInCardSystem(uid, cardSystemId !== undefined ? { cardSystemId } : { uitpasNumber: uitpasNumber ?? '' }, options);
      }),
    'uitpas:updateCardSystemData': ({ uid, cardSystemId, kansenStatuutEndDate }) =>
      withClient((client) => client.updateCardSystemData(uid, cardSystemId, { kansenStatuutEndDate })),
  };
}
