import { describe, expect, it, vi } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { Identification, Passholder, SessionView } from '../../electron/ipc/contract';
import { cardNumber } from '../../electron/simulator/seed';
import { scanRoute, scannedCardNumber } from '../../renderer/flows/scan-route';
import { createAppStore } from '../../renderer/store';

const gentSystem = { id: '1', name: 'UiTPAS Gent' };
const card = (status: string, balie?: { id: string; name: string }) => ({ uitpasNumber: '0900000000510', cardSystem: gentSystem, cardType: 'CARD', kansenpas: false, status, balie });
const holder = { uid: 'u1', name: 'Claes', firstName: 'Marie', points: '0', verified: true, blocked: false, cardSystems: [] } satisfies Passholder;
const here = { id: '101', name: 'Demo-balie Gent Centrum' };

describe('one route for every scan (tap, barcode, typed number)', () => {
  it.each<[string, Identification | null, string, ReturnType<typeof scanRoute>['to'], object?]>([
    ['a pass holder opens their screen', { passholder: holder, card: card('ACTIVE') }, '0900000000510', 'passholder'],
    ['a card of this balie in stock starts a registration with it', { card: card('LOCAL_STOCK', here) }, '04ABCDEF012345', 'register', { uitpasNumber: '0900000000510' }],
    ["another balie's stock card is refused, naming that balie", { card: card('LOCAL_STOCK', { id: '102', name: 'Aalst' }) }, '0900000000510', 'refused', { why: 'other-balie', balieName: 'Aalst' }],
    ['a blocked card is refused', { card: card('BLOCKED'), notice: 'INVALID_CARD_STATUS_BLOCKED' }, '0900000000510', 'refused', { why: 'blocked' }],
    ['a deleted card is refused', { card: card('DELETED') }, '0900000000510', 'refused', { why: 'deleted' }],
    ['a card in central stock is not available here', { card: card('STOCK') }, '0900000000510', 'refused', { why: 'not-available' }],
    ['a group pass opens the group view', { groupPass: { uuid: 'g', name: 'Scouts' }, card: card('ACTIVE') }, '0900000000510', 'groupPass'],
    ['an unknown chip number says it is a chip', null, '04ABCDEF012345', 'unknown', { chip: true }],
    ['an unknown UiTPAS number is no chip', null, '0900000000510', 'unknown', { chip: false }],
  ])('%s', (_case, found, identification, to, more = {}) => {
    expect(scanRoute(found, identification, here.id)).toMatchObject({ to, ...more });
  });
});

describe("the card number a scan brings to an open form's card field", () => {
  /** A made-up Gent card with a valid check digit, as a scanner reads it. */
  const scannedGent = cardNumber('09000', 51, false);
  it.each<[string, Identification | null, string, string | undefined]>([
    ['a stock card', { card: card('LOCAL_STOCK', here) }, '04ABCDEF012345', '0900000000510'],
    ['a refused card, for the form to say why', { card: card('BLOCKED') }, '0900000000510', '0900000000510'],
    ["a pass holder's card, for the form's check to name it", { passholder: holder, uitpasNumber: scannedGent }, scannedGent, scannedGent],
    ["a pass holder's card tapped (its chip)", { passholder: holder, uitpasNumber: scannedGent }, '04ABCDEF012345', scannedGent],
    ['not an INSZ: it names a person, not a card', { passholder: holder, uitpasNumber: '0900000000510' }, '90.02.01-997.04', undefined],
    ['not a group pass', { groupPass: { uuid: 'g', name: 'Scouts' }, card: card('ACTIVE') }, '0900000000510', undefined],
    ['not a card UiTPAS does not know', null, '0900000000510', undefined],
  ])('%s', (_case, found, identification, expected) => {
    expect(scannedCardNumber(scanRoute(found, identification, here.id), identification)).toBe(expected);
  });
});

describe('a tapped card in the store', () => {
  const session = { loggedIn: true, language: 'nl', balie: { id: '101', consumerKey: 'k', name: 'Gent', role: '', cardSystems: [] } } as unknown as SessionView;

  function setUp(answer: () => Promise<unknown>) {
    let tap: (payload: unknown) => void = () => undefined;
    const asked: unknown[] = [];
    const api = createBalieApi({
      invoke: (channel, payload) => {
        if (channel === 'uitpas:identify') {
          asked.push(payload);
          return answer() as never;
        }
        return Promise.resolve(channel === 'session:get' ? { ok: true, value: session } : { ok: false, error: { code: 'internal' } }) as never;
      },
      subscribe: (channel, listener) => {
        if (channel === 'card:tapped') tap = listener;
        return () => undefined;
      },
    });
    const store = createAppStore(api);
    return { store, asked, tap: (chipNumber: string) => tap({ reader: 'R', chipNumber }) };
  }

  it('opens the pass holder, and opens them afresh when the same card is tapped again', async () => {
    const { store, asked, tap } = setUp(() => Promise.resolve({ ok: true, value: { passholder: holder } }));
    await vi.waitFor(() => expect(store.getState().session).toBeDefined());
    tap('04ABCDEF012345');
    await vi.waitFor(() => expect(store.getState().screen).toMatchObject({ name: 'passholder', passholder: { uid: 'u1' } }));
    const first = store.getState().screen;
    await new Promise((resolve) => setTimeout(resolve, 5));
    tap('04ABCDEF012345');
    await vi.waitFor(() => expect(store.getState().screen).not.toBe(first));
    expect(store.getState().screen).toMatchObject({ name: 'passholder' });
    expect(asked).toEqual([{ query: '04ABCDEF012345' }, { query: '04ABCDEF012345' }]);
    expect(store.getState().scan.busy).toBe(false);
  });

  it('never leaves the busy mark on, whatever the answer', async () => {
    const { store, tap } = setUp(() => Promise.reject(new Error('socket gone')));
    await vi.waitFor(() => expect(store.getState().session).toBeDefined());
    tap('04ABCDEF012345');
    await vi.waitFor(() => expect(store.getState().scan.busy).toBe(false));
  });
});
