import { describe, expect, it, vi } from 'vitest';
import type { EventChannel } from '../../../electron/ipc/contract';
import { CardService } from '../../../electron/cards/card-service';
import { MainEvents } from '../../../electron/ipc/main-events';
import { virtualPeople } from '../../../native/beid/virtual-card/people';
import { testPki, testTrustAnchors, virtualCard } from '../../support/card-fixtures';
import { fakeConnectCard, FakePcscContext, FakeReader, type FakeCard } from '../../support/fake-pcsc';

function setUp(busyRetryDelaysMs: readonly number[] = [5, 5]) {
  const events = new MainEvents();
  const seen: { channel: EventChannel; payload: unknown }[] = [];
  events.subscribe((channel, payload) => seen.push({ channel, payload }));
  const context = new FakePcscContext();
  const log = { warn: vi.fn() };
  const service = new CardService({ createPcscContext: () => context, connectCard: fakeConnectCard(() => [context]), trustAnchors: testTrustAnchors(), events, log, busyRetryDelaysMs });
  service.start();
  const reader = context.addReader('Reader A');
  const of = (channel: EventChannel) => seen.filter((event) => event.channel === channel).map((event) => event.payload);
  return { service, reader, of, log, context };
}

/** Pulls the card out of the fake reader after `count` APDUs, as a citizen might. */
function pulledAfter(card: FakeCard, count: number, pull: () => void): FakeCard {
  let sent = 0;
  return {
    atr: card.atr,
    transmit: (apdu) => {
      sent += 1;
      if (sent > count) {
        pull();
        return Buffer.alloc(0);
      }
      return card.transmit(apdu);
    },
  };
}

/** Runs `act` when the card receives its `count`-th APDU (another program stepping in), then answers as usual. */
function atApdu(card: FakeCard, count: number, act: () => void): FakeCard {
  let sent = 0;
  return {
    atr: card.atr,
    transmit: (apdu) => {
      sent += 1;
      if (sent === count) act();
      return card.transmit(apdu);
    },
  };
}

describe('CardService', () => {
  it('reads a card on insertion: progress, then identity and address, then the complete card', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    const [partial, complete] = of('eid:card') as [Record<string, unknown>, Record<string, unknown>];
    expect(partial).toMatchObject({ reader: 'Reader A', complete: false, photo: null, integrity: null, prefill: { name: 'Vermeulen', verified: false } });
    expect(complete).toMatchObject({
      complete: true,
      readId: partial.readId,
      prefill: { name: 'Vermeulen', firstName: 'Jonas', secondName: 'Pieter M', inszNumber: '85073003328', verified: true },
      integrity: { identity: true, address: true, photo: true, certificate: 'trusted' },
      photo: { hashMatches: true },
    });
    const steps = (of('eid:reading') as { step: string }[]).map((reading) => reading.step);
    expect(steps.indexOf('address')).toBeLessThan(steps.indexOf('photo'));
    expect(service.currentCards()).toEqual([complete]);
    expect(reader.disconnects).toBe(1);
    service.close();
  });

  it('forgets the card when it leaves the reader', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    reader.removeCard();
    expect(of('eid:removed')).toEqual([{ reader: 'Reader A' }]);
    expect(service.currentCards()).toEqual([]);
    service.close();
  });

  it('prefills but never verifies a forged card, and says why', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(virtualCard({ pki: testPki('rsa', 'forger') }));
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    expect(of('eid:card')[1]).toMatchObject({ prefill: { name: 'Vermeulen', verified: false }, integrity: { certificate: 'untrusted' } });
    service.close();
  });

  it.each([
    ['before any APDU', 0],
    ['while recognising the card', 1],
    ['while reading identity', 3],
    ['right after the prefill', 6],
    ['while reading the photo', 20],
  ])('reports a card pulled %s as removed, never as a card', async (_stage, count) => {
    const { service, reader, of } = setUp();
    const card = virtualCard();
    reader.insertCard(pulledAfter(card, count, () => reader.removeCard()));
    await vi.waitFor(() => expect(of('eid:error')).toHaveLength(1));
    expect(of('eid:error')[0]).toEqual({ reader: 'Reader A', cause: 'card-removed' });
    expect(of('eid:card').filter((c) => (c as { complete: boolean }).complete)).toEqual([]);
    expect(service.currentCards()).toEqual([]);
    service.close();
  });

  it('says when the card is not an eID', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard();
    await vi.waitFor(() => expect(of('eid:error')).toEqual([{ reader: 'Reader A', cause: 'not-eid' }]));
    service.close();
  });

  it('says when another program holds the reader', async () => {
    const { service, reader, of } = setUp();
    reader.busy = true;
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:error')).toMatchObject([{ cause: 'reader-in-use' }]));
    service.close();
  });

  it('reads two cards in two readers side by side, and keeps them apart', async () => {
    const { service, reader, of, context } = setUp();
    const readerB = context.addReader('Reader B');
    reader.insertCard(virtualCard());
    readerB.insertCard(virtualCard({ person: virtualPeople.zoe }));
    await vi.waitFor(() => expect(service.currentCards().filter((card) => card.complete)).toHaveLength(2));
    const byReader = Object.fromEntries(service.currentCards().map((card) => [card.reader, card.prefill.name]));
    expect(byReader).toEqual({ 'Reader A': 'Vermeulen', 'Reader B': 'Lambrecht' });
    readerB.removeCard();
    expect(service.currentCards().map((card) => card.reader)).toEqual(['Reader A']);
    expect(of('eid:removed')).toEqual([{ reader: 'Reader B' }]);
    service.close();
  });

  it('never logs card data', async () => {
    const { service, reader, of, log } = setUp();
    reader.insertCard(pulledAfter(virtualCard({ person: virtualPeople.zoe }), 8, () => reader.removeCard()));
    await vi.waitFor(() => expect(of('eid:error')).toHaveLength(1));
    const logged = JSON.stringify(log.warn.mock.calls);
    for (const secret of ['92021514689', 'Lambrecht', 'Saint-Gilles', 'Zoë']) expect(logged).not.toContain(secret);
    service.close();
  });

  it('connects shared, and leaves the card powered for other programs when it is done', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    expect(reader.shareModes).toEqual([reader.SCARD_SHARE_SHARED]);
    expect(reader.dispositions).toEqual([reader.SCARD_LEAVE_CARD]);
    expect(reader.connected).toBe(false);
    service.close();
  });

  it('waits while another program holds the card exclusively, says it waits, and reads once it is free', async () => {
    const { service, reader, of } = setUp([20, 40, 80, 160, 320]);
    reader.busy = true;
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:reading')).toContainEqual({ reader: 'Reader A', step: 'waiting', progress: 0 }));
    reader.busy = false;
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    expect(of('eid:error')).toEqual([]);
    service.close();
  });

  it('waits too when another program takes the card in the middle of a read', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(
      atApdu(virtualCard(), 5, () => {
        reader.busy = true;
        setTimeout(() => (reader.busy = false), 3);
      }),
    );
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    expect(of('eid:card')[1]).toMatchObject({ prefill: { verified: true } });
    service.close();
  });

  it('reconnects and reads again when another program resets the card mid-read (SCARD_W_RESET_CARD)', async () => {
    const { service, reader, of, log } = setUp();
    reader.insertCard(atApdu(virtualCard(), 8, () => (reader.resetPending = true)));
    await vi.waitFor(() => expect(of('eid:card').filter((c) => (c as { complete: boolean }).complete)).toHaveLength(1));
    expect(of('eid:card').at(-1)).toMatchObject({ complete: true, prefill: { verified: true } });
    expect(of('eid:error')).toEqual([]);
    expect(reader.shareModes).toHaveLength(2);
    expect(JSON.stringify(log.warn.mock.calls)).toContain('gereset');
    service.close();
  });

  it('resets and reads again a card that stops answering while the reader still sees one (swapped faster than pcscd polls)', async () => {
    const { service, reader, of } = setUp();
    const card = virtualCard();
    let sent = 0;
    reader.insertCard({ atr: card.atr, transmit: (apdu) => (++sent === 6 ? Buffer.alloc(0) : card.transmit(apdu)) });
    await vi.waitFor(() => expect(service.currentCards()).toMatchObject([{ complete: true, prefill: { verified: true } }]));
    expect(of('eid:error')).toEqual([]);
    expect(reader.dispositions).toEqual([reader.SCARD_RESET_CARD, reader.SCARD_LEAVE_CARD]);
    service.close();
  });

  it('reads the new card when one is pulled and another put in between two polls', async () => {
    const { service, reader, of } = setUp();
    reader.insertCard(virtualCard());
    await vi.waitFor(() => expect(of('eid:card')).toHaveLength(2));
    reader.swapCard(virtualCard({ person: virtualPeople.zoe }));
    await vi.waitFor(() => expect(service.currentCards()).toMatchObject([{ complete: true, prefill: { name: 'Lambrecht' } }]));
    expect(of('eid:removed')).toEqual([{ reader: 'Reader A' }]);
    service.close();
  });

  it('reads a second time, once, when a signature does not check out on the shared connection', async () => {
    const { service, reader, of, log } = setUp();
    reader.insertCard(virtualCard({ tamper: 'address' }));
    await vi.waitFor(() => expect(of('eid:card').filter((c) => (c as { complete: boolean }).complete)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(of('eid:card').filter((c) => (c as { complete: boolean }).complete)).toMatchObject([{ prefill: { verified: false }, integrity: { address: false } }]);
    expect(reader.shareModes).toHaveLength(3);
    expect(log.warn.mock.calls.filter(([line]) => String(line).includes('opnieuw gelezen'))).toHaveLength(2);
    service.close();
  });

  it("builds a new PC/SC context when a reader's status thread fails (e.g. after sleep), and finds the reader again", async () => {
    const contexts: FakePcscContext[] = [];
    const events = new MainEvents();
    const service = new CardService({
      createPcscContext: () => {
        const context = new FakePcscContext();
        contexts.push(context);
        setImmediate(() => context.addReader('Reader A'));
        return context;
      },
      connectCard: fakeConnectCard(() => contexts),
      trustAnchors: testTrustAnchors(),
      events,
      log: { warn: vi.fn() },
      retryDelaysMs: [5],
    });
    service.start();
    await vi.waitFor(() => expect(service.readers().readers).toHaveLength(1));
    const first = contexts[0]!;
    const readerB = new FakeReader('Reader B');
    first.emit('reader', readerB);
    await vi.waitFor(() => expect(service.readers().readers).toHaveLength(2));
    readerB.emit('error', new Error('SCardGetStatusChange error: Invalid handle. (0x80100003)'));
    await vi.waitFor(() => expect(contexts).toHaveLength(2));
    expect(first.closed).toBe(true);
    await vi.waitFor(() => expect(service.readers()).toEqual({ service: 'running', readers: [{ name: 'Reader A', cardPresent: false }] }));
    service.close();
  });

  it('starts afresh on resume after sleep', () => {
    const { service, context } = setUp();
    service.resume();
    expect(context.closed).toBe(true);
    expect(service.readers().service).toBe('running');
    service.close();
  });
});
