/**
 * Writes to UiTPAS under the unknown-outcome rule: each write is ordered per pass holder and card by the
 * write gate, noted as pending before it is sent, and settled only by its answer or by a look-up that
 * shows what it concerned. A write whose answer was lost is never sent again by itself.
 */
import { join } from 'node:path';
import { contractError, type HandlerTable, type Passholder, type RequestOf, type ResponseOf } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { normaliseInsz } from '../rules/insz';
import { normaliseUitpasNumber } from '../rules/uitpas-number';
import type { createUitpasHandlers } from '../uitpas/handlers';
import { PendingOutcomes, PendingOutcomesUnreadableError, type OutcomeScope } from '../uitpas/pending-outcomes';
import type { UitpasSession } from '../uitpas/session';
import type { WriteGate } from '../uitpas/write-gate';
import { visitKeys } from './visit-keys';

type UitpasHandlers = ReturnType<typeof createUitpasHandlers>;

export type WriteChannel =
  | 'uitpas:registerPassholder'
  | 'uitpas:registerNewCard'
  | 'uitpas:updatePassholder'
  | 'uitpas:registerInCardSystem'
  | 'uitpas:updateCardSystemData'
  | 'uitpas:setOptInPreferences'
  | 'uitpas:blockCard';

const card = (uitpasNumber: string | undefined) => (uitpasNumber === undefined ? [] : [`card:${normaliseUitpasNumber(uitpasNumber)}`]);
const holder = (uid: string) => [`uid:${uid}`];

/**
 * What each write concerns. `lookUp` keys (a card, a pass holder's uid) are
 * what a look-up can settle and may be kept on disk; `memory` keys only order
 * writes while the app runs (the national number is never written to disk).
 */
const writeKeys: { [C in WriteChannel]: (payload: RequestOf<C>) => WriteKeys } = {
  'uitpas:registerPassholder': ({ uitpasNumber, inszNumber }) => ({ lookUp: card(uitpasNumber), memory: inszNumber ? [`insz:${normaliseInsz(inszNumber)}`] : [] }),
  'uitpas:registerNewCard': ({ uid, uitpasNumber }) => ({ lookUp: [...holder(uid), ...card(uitpasNumber)], memory: [] }),
  'uitpas:updatePassholder': ({ uitpasNumber }) => ({ lookUp: card(uitpasNumber), memory: [] }),
  'uitpas:registerInCardSystem': ({ uid, uitpasNumber }) => ({ lookUp: [...holder(uid), ...card(uitpasNumber)], memory: [] }),
  'uitpas:updateCardSystemData': ({ uid }) => ({ lookUp: holder(uid), memory: [] }),
  // Setting the same five opt-ins twice leaves them as once: ordered like any write, never noted as pending.
  'uitpas:setOptInPreferences': ({ uid }) => ({ lookUp: [], memory: holder(uid) }),
  'uitpas:blockCard': ({ uitpasNumber }) => ({ lookUp: card(uitpasNumber), memory: [] }),
};

/** Everything a look-up showed: these writes' outcomes are now known to staff. */
function lookedUp(query: string | undefined, passholders: readonly Passholder[]): string[] {
  const digits = query === undefined ? '' : normaliseUitpasNumber(query);
  return [
    ...(/^\d{13}$/.test(digits) ? card(digits) : []),
    ...passholders.flatMap((found) => [...holder(found.uid), ...found.cardSystems.flatMap((system) => card(system.currentCard?.uitpasNumber))]),
  ];
}

/** `lookUp` keys are noted as pending and settled by a look-up; `memory` keys only order writes while the app runs. */
export interface WriteKeys {
  lookUp: string[];
  memory: string[];
}

export interface WriteServices {
  /** Any write under the unknown-outcome rule, `payload` naming it exactly (a double click is refused, not sent twice). */
  write<T>(channel: string, payload: unknown, keys: WriteKeys, work: () => Promise<T>): Promise<T>;
  /** The handler for a write channel, under the unknown-outcome rule. */
  writing<C extends WriteChannel>(channel: C): (payload: RequestOf<C>) => Promise<ResponseOf<C>>;
  /**
   * A look-up settles what it showed, in the scope it was sent in, and only when no session change came between
   * sending and answering (issue 27 item 10).
   */
  lookingUp<T>(work: () => Promise<T>, keys: (found: T) => string[]): Promise<T>;
}

export function writeServices(dataDirectory: string, session: UitpasSession, gate: WriteGate, uitpas: UitpasHandlers, generation: () => number): WriteServices {
  const pending = new PendingOutcomes(join(dataDirectory, 'pending-outcomes.json'));

  /** Where a write goes now: a pending outcome belongs to the environment and balie it was sent in. */
  const scope = async (): Promise<OutcomeScope> => {
    const view = await session.view();
    return { environment: view.environment, balie: view.balie?.consumerKey ?? '' };
  };
  /** The pending list, or the refusal staff must see when its file could not be read. */
  const pendingOr = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PendingOutcomesUnreadableError) throw new BalieFailure(contractError('pending-outcomes-unreadable'));
      throw error;
    }
  };

  /** One write under the rule: ordered by all its keys, refused while a lookUp key is pending, noted, then settled by its answer. */
  const write = <T>(channel: string, payload: unknown, { lookUp, memory }: WriteKeys, work: () => Promise<T>): Promise<T> =>
    gate.write([...lookUp, ...memory], `${channel}\n${JSON.stringify(payload)}`, async () => {
      const here = await scope();
      if (await pendingOr(() => pending.find(here, lookUp))) throw new BalieFailure({ ...contractError('outcome-unknown'), outcomeUnknown: true });
      // Noted before sending: if the app dies before the answer, the next start still knows.
      await pending.note(here, lookUp, channel);
      let outcomeKnown = false;
      try {
        const result = await work();
        outcomeKnown = true;
        return result;
      } catch (error) {
        outcomeKnown = error instanceof BalieFailure && error.error.outcomeUnknown !== true;
        throw error;
      } finally {
        if (outcomeKnown) await pending.settle(here, lookUp);
      }
    });

  return {
    write,
    writing:
      <C extends WriteChannel>(channel: C) =>
      (payload: RequestOf<C>): Promise<ResponseOf<C>> =>
        write(channel, payload, (writeKeys[channel] as (payload: RequestOf<C>) => WriteKeys)(payload), () =>
          (uitpas[channel] as (payload: RequestOf<C>) => Promise<ResponseOf<C>>)(payload),
        ),
    lookingUp: async (work, keys) => {
      const sentIn = generation();
      const sentAt = new Date();
      // With nothing pending (the list is kept in memory once read), a look-up costs no scope: no settings or secret read per scan.
      const anyPending = await pending.list().then(
        (entries) => entries.length > 0,
        () => false,
      );
      // The scope is taken as the look-up goes out, beside it rather than in front of it.
      const [here, found] = await Promise.all([anyPending ? scope() : undefined, work()]);
      if (!here || generation() !== sentIn) return found;
      // An unreadable list stays for the writes to refuse, not the look-up.
      await pending.settle(here, keys(found), sentAt).catch((error: unknown) => {
        if (!(error instanceof PendingOutcomesUnreadableError)) throw error;
      });
      return found;
    },
  };
}

type PassholderChannel = Extract<keyof UitpasHandlers, `uitpas:${string}`>;

/** The client's uitpas:* handlers; its session:* ones are wired by the session (session-wiring.ts). */
function uitpasCalls(uitpas: UitpasHandlers): Pick<HandlerTable, PassholderChannel> {
  return Object.fromEntries(Object.entries(uitpas).filter(([channel]) => channel.startsWith('uitpas:'))) as Pick<HandlerTable, PassholderChannel>;
}

/** The pass holder channels: look-ups settle what they showed, writes go through the unknown-outcome rule. */
export function passholderHandlers(uitpas: UitpasHandlers, writes: WriteServices): Pick<HandlerTable, PassholderChannel> {
  return {
    ...uitpasCalls(uitpas),
    'uitpas:findPassholders': (request) => writes.lookingUp(async () => uitpas['uitpas:findPassholders'](request), (found) => lookedUp(request.query, found)),
    // A group pass's tickets left show its sales: A14 finds sales by a pass holder's uid only, which a group pass has not.
    'uitpas:identify': (request) =>
      writes.lookingUp(async () => uitpas['uitpas:identify'](request), (found) => {
        const group = found?.groupPass?.card?.uitpasNumber;
        return group ? [visitKeys.sales(group)] : [];
      }),
    'uitpas:getCard': (request) => writes.lookingUp(async () => uitpas['uitpas:getCard'](request), () => lookedUp(request.uitpasNumber, [])),
    'uitpas:registerPassholder': writes.writing('uitpas:registerPassholder'),
    'uitpas:registerNewCard': writes.writing('uitpas:registerNewCard'),
    'uitpas:updatePassholder': writes.writing('uitpas:updatePassholder'),
    'uitpas:registerInCardSystem': writes.writing('uitpas:registerInCardSystem'),
    'uitpas:updateCardSystemData': writes.writing('uitpas:updateCardSystemData'),
    'uitpas:setOptInPreferences': writes.writing('uitpas:setOptInPreferences'),
    'uitpas:blockCard': writes.writing('uitpas:blockCard'),
  };
}
