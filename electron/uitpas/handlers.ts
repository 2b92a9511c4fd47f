/** The UiTPAS part of the handler table: every call goes through the session's signed client. */
import { contractError, type HandlerTable } from '../contract';
import { BalieFailure } from '../dispatch';
import { normaliseInsz } from '../rules/insz';
import { normaliseUitpasNumber } from '../rules/uitpas-number';
import { UitpasError } from './errors';
import { calling } from './failures';
import type { UitpasSession } from './session';

type UitpasChannel = Extract<keyof HandlerTable, `session:${string}` | `settings:${string}` | `uitpas:${string}`>;

export function createUitpasHandlers(session: UitpasSession): Pick<HandlerTable, UitpasChannel> {
  const withClient = <T>(work: (client: Awaited<ReturnType<UitpasSession['client']>>) => Promise<T>) =>
    calling(async () => work(await session.client()));

  return {
    'session:get': () => session.view(),
    'session:login': () => calling(() => session.logIn()),
    'session:logout': () => session.logOut(),
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
    // `verified` stays false until main can vouch for the data from a card it read (issue #5).
    'uitpas:registerPassholder': (fields) => withClient((client) => client.registerPassholder({ ...fields, verified: false })),
    'uitpas:registerNewCard': (request) => withClient((client) => client.registerNewCard(request)),
    'uitpas:updatePassholder': ({ uitpasNumber, fields }) => withClient((client) => client.updatePassholder(uitpasNumber, fields)),
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
