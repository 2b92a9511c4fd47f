import { describe, expect, it, vi } from 'vitest';
import { CardService } from '../../../electron/cards/card-service';
import type { ReaderRoles } from '../../../electron/cards/reader-roles';
import type { EventChannel } from '../../../electron/ipc/contract';
import { MainEvents } from '../../../electron/ipc/main-events';
import { virtualPeople } from '../../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../../native/contactless/virtual-uitpas-card';
import { testTrustAnchors, virtualCard } from '../../support/card-fixtures';
import { fakeConnectCard, FakePcscContext } from '../../support/fake-pcsc';

const chipNumber = '04A1B2C3D4E580';

function setUp(roles?: ReaderRoles) {
  const events = new MainEvents();
  const seen: { channel: EventChannel; payload: unknown }[] = [];
  events.subscribe((channel, payload) => seen.push({ channel, payload }));
  const context = new FakePcscContext();
  const service = new CardService({
    createPcscContext: () => context,
    connectCard: fakeConnectCard(() => [context]),
    readerRoles: roles && (() => roles),
    trustAnchors: testTrustAnchors(),
    events,
    log: { warn: vi.fn() },
  });
  service.start();
  const readerA = context.addReader('Reader A');
  const readerB = context.addReader('Reader B');
  const of = (channel: EventChannel) => seen.filter((event) => event.channel === channel).map((event) => event.payload);
  return { service, readerA, readerB, of };
}

const complete = (cards: unknown[]) => cards.filter((card) => (card as { complete: boolean }).complete);

describe('cards in readers: told apart by the card, never by the reader', () => {
  it('a tapped UiTPAS card gives its chip number as its own event, in one transaction, and is never called "not an eID"', async () => {
    const { service, readerA, of } = setUp();
    readerA.insertCard(new VirtualUitpasCard(chipNumber));
    await vi.waitFor(() => expect(of('card:tapped')).toEqual([{ reader: 'Reader A', chipNumber }]));
    expect(of('card:seen')).toEqual([{ reader: 'Reader A', kind: 'uitpas', apduCount: 1, transactions: 1, ignored: false }]);
    expect(of('eid:error')).toEqual([]);
    expect(of('eid:card')).toEqual([]);
    expect(readerA.apdusOutsideTransaction).toBe(0);
    service.close();
  });

  it('reads every APDU of an eID inside a PC/SC transaction, one per file group, each one ended', async () => {
    const { service, readerA, of } = setUp();
    readerA.insertCard(virtualCard());
    await vi.waitFor(() => expect(complete(of('eid:card'))).toHaveLength(1));
    expect(readerA.apdusOutsideTransaction).toBe(0);
    // Card data, identity and address; the two signatures; the photo; the certificate.
    expect(readerA.transactionsBegun).toBe(4);
    expect(readerA.transactionsEnded).toBe(4);
    expect(of('card:seen')).toEqual([{ reader: 'Reader A', kind: 'eid', apduCount: readerA.apdusInTransaction, transactions: 4, ignored: false }]);
    service.close();
  });

  it.each([
    ['eID first', true],
    ['UiTPAS card first', false],
  ])('an eID in one reader and a UiTPAS card on the other both work (%s)', async (_order, eidFirst) => {
    const { service, readerA, readerB, of } = setUp();
    const insertEid = () => readerA.insertCard(virtualCard({ person: virtualPeople.zoe }));
    const tapUitpas = () => readerB.insertCard(new VirtualUitpasCard(chipNumber));
    if (eidFirst) {
      insertEid();
      tapUitpas();
    } else {
      tapUitpas();
      insertEid();
    }
    await vi.waitFor(() => expect(complete(of('eid:card'))).toHaveLength(1));
    await vi.waitFor(() => expect(of('card:tapped')).toEqual([{ reader: 'Reader B', chipNumber }]));
    expect(complete(of('eid:card'))).toMatchObject([{ reader: 'Reader A', prefill: { name: 'Lambrecht', verified: true } }]);
    expect(of('eid:error')).toEqual([]);
    service.close();
  });

  it('the same card tapped again is announced again', async () => {
    const { service, readerA, of } = setUp();
    const card = new VirtualUitpasCard(chipNumber);
    readerA.insertCard(card);
    await vi.waitFor(() => expect(of('card:tapped')).toHaveLength(1));
    readerA.removeCard();
    readerA.insertCard(card);
    await vi.waitFor(() => expect(of('card:tapped')).toHaveLength(2));
    service.close();
  });

  it('a contactless card without a chip number is an unknown card, not "not an eID"', async () => {
    const { service, readerA, of } = setUp();
    readerA.insertCard({ atr: new VirtualUitpasCard(chipNumber).atr, transmit: () => Buffer.from([0x6a, 0x81]) });
    await vi.waitFor(() => expect(of('eid:error')).toEqual([{ reader: 'Reader A', cause: 'unknown-card' }]));
    expect(of('card:seen')).toMatchObject([{ kind: 'unknown' }]);
    service.close();
  });

  it('honours readers IT pinned by name: a UiTPAS card on the eID reader is seen but not used', async () => {
    const { service, readerA, readerB, of } = setUp({ eidreader: ['Reader A'], nfcreader: ['Reader B'] });
    readerA.insertCard(new VirtualUitpasCard(chipNumber));
    await vi.waitFor(() => expect(of('card:seen')).toEqual([{ reader: 'Reader A', kind: 'uitpas', apduCount: 1, transactions: 1, ignored: true }]));
    readerB.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('card:seen')).toHaveLength(2));
    expect(of('card:seen')[1]).toMatchObject({ reader: 'Reader B', kind: 'unknown', apduCount: 0, ignored: true });
    expect(of('card:tapped')).toEqual([]);
    expect(of('eid:card')).toEqual([]);
    readerA.removeCard();
    readerB.removeCard();
    readerB.insertCard(new VirtualUitpasCard(chipNumber));
    readerA.insertCard(virtualCard());
    await vi.waitFor(() => expect(complete(of('eid:card'))).toMatchObject([{ reader: 'Reader A' }]));
    await vi.waitFor(() => expect(of('card:tapped')).toEqual([{ reader: 'Reader B', chipNumber }]));
    service.close();
  });
});
