/**
 * The eID reader service on the real stack: pcsclite → pcscd → vpcd → a
 * virtual BEID card over TCP (test/support/vpcd-card.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { EidCard, EventChannel, ReaderStatus } from '../../electron/ipc/contract';
import { CardService } from '../../electron/cards/card-service';
import { MainEvents } from '../../electron/ipc/main-events';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import type { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { testPki, testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { canRestartPcscd, restartPcscd } from '../support/pcscd';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';

const skip = skipWithout('pcscd met vpcd', inject('pcscd'));
const slot0 = 'Virtual PCD 00 00';
const slot1 = 'Virtual PCD 00 01';

describe.skipIf(skip)('eID reading over pcscd and vpcd', () => {
  let service: CardService;
  let seen: { channel: EventChannel; payload: unknown }[];
  const inserted: InsertedCard[] = [];
  const of = <T>(channel: EventChannel) => seen.filter((event) => event.channel === channel).map((event) => event.payload as T);
  const completeCards = () => of<EidCard>('eid:card').filter((card) => card.complete);

  beforeEach(async () => {
    seen = [];
    const events = new MainEvents();
    events.subscribe((channel, payload) => seen.push({ channel, payload }));
    service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: { warn: () => undefined } });
    service.start();
    await vi.waitFor(() => expect(service.readers().readers.map((reader) => reader.name)).toEqual([slot0, slot1]));
  });

  afterEach(async () => {
    await Promise.all(inserted.splice(0).map((card) => card.remove()));
    // pcscd must have seen the card leave, or the next test's card would look like the same one.
    await vi.waitFor(() => expect(service.readers().readers.some((reader) => reader.cardPresent)).toBe(false), { timeout: 5000 });
    service.close();
  });

  async function insert(card: Parameters<typeof insertVirtualCard>[0], slot = 0) {
    const handle = await insertVirtualCard(card, slot);
    inserted.push(handle);
    return handle;
  }

  it.each([
    ['1.7', 'wrong-length'],
    ['1.8', 'end-of-file-warning'],
  ] as const)('reads an applet %s card (%s at the end of files) and verifies it', async (appletVersion, endOfFile) => {
    await insert(virtualCard({ appletVersion, endOfFile, person: virtualPeople.zoe }));
    await vi.waitFor(() => expect(completeCards()).toHaveLength(1), { timeout: 15_000 });
    expect(completeCards()[0]).toMatchObject({
      reader: slot0,
      card: { appletVersion },
      prefill: { name: 'Lambrecht', firstName: 'Zoë', secondName: 'Anaïs', city: 'Liège', gender: 'FEMALE', dateOfBirth: '1992-02-15', verified: true },
      integrity: { identity: true, address: true, photo: true, certificate: 'trusted' },
    });
    const channels = seen.map((event) => event.channel);
    expect(channels.indexOf('eid:card')).toBeLessThan(channels.lastIndexOf('eid:reading'));
  });

  it.each([
    ['a Dutch birth date', { person: virtualPeople.jonas }, { dateOfBirth: '1985-07-30', gender: 'MALE' }],
    ['a French birth date', { person: virtualPeople.zoe }, { dateOfBirth: '1992-02-15', gender: 'FEMALE' }],
    ['a German birth date with a dot and a space', { person: virtualPeople.lukas }, { dateOfBirth: '2005-03-12' }],
    ['a birth date with blank day and month', { person: virtualPeople.aylin }, { dateOfBirth: null, gender: 'FEMALE' }],
    ['an identity file longer than one chunk', { extraIdentityFields: [[0x7e, Buffer.alloc(300, 0x41)]] as const }, {}],
    ['short reads at the end of files', { endOfFile: 'short-read' as const }, {}],
    ['6B00 after a photo of exactly 3 chunks', { photo: Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(754, 0x20)]) }, {}],
    ['a SHA-1 photo hash', { photoHash: 'sha1' as const }, {}],
    ['a SHA-384 photo hash', { photoHash: 'sha384' as const }, {}],
    ['61xx answers and a refused path select', { answerWithGetResponse: true, pathSelectAnswer: 0x6a86 }, {}],
  ])('reads and verifies a card with %s', async (_name, options, expected) => {
    const card = virtualCard(options);
    await insert(card);
    await vi.waitFor(() => expect(completeCards()).toHaveLength(1), { timeout: 15_000 });
    expect(completeCards()[0]).toMatchObject({ prefill: { verified: true, ...expected }, photo: { jpegBase64: card.files.get('photo')!.toString('base64') } });
  });

  it('reads two cards in two readers', { timeout: 30_000 }, async () => {
    await insert(virtualCard(), 0);
    await insert(virtualCard({ person: virtualPeople.lukas, appletVersion: '1.8' }), 1);
    await vi.waitFor(() => expect(completeCards()).toHaveLength(2), { timeout: 25_000 });
    const names = Object.fromEntries(completeCards().map((card) => [card.reader, card.prefill.name]));
    expect(names).toEqual({ [slot0]: 'Vermeulen', [slot1]: 'Schmitz' });
  });

  it('shows a forged card as not verified', async () => {
    await insert(virtualCard({ pki: testPki('ec', 'forger'), appletVersion: '1.8' }));
    await vi.waitFor(() => expect(completeCards()).toHaveLength(1), { timeout: 15_000 });
    expect(completeCards()[0]).toMatchObject({ prefill: { verified: false }, integrity: { certificate: 'untrusted' } });
  });

  it('says a contact card that is not an eID is not one', async () => {
    await insert({ atr: Buffer.from('3b6800000073c84013009000', 'hex'), transmit: () => Buffer.from([0x6d, 0x00]) });
    await vi.waitFor(() => expect(of('eid:error')).toMatchObject([{ reader: slot0, cause: 'not-eid' }]), { timeout: 10_000 });
  });

  it('calls a contactless card without a chip number an unknown card, never "not an eID"', async () => {
    // A MIFARE Classic 1K as a PC/SC part 3 reader presents it, on a reader that answers no GET DATA.
    await insert({ atr: Buffer.from('3b8f8001804f0ca000000306030001000000006a', 'hex'), transmit: () => Buffer.from([0x6d, 0x00]) });
    await vi.waitFor(() => expect(of('eid:error')).toMatchObject([{ reader: slot0, cause: 'unknown-card' }]), { timeout: 10_000 });
  });

  it.each([
    ['while recognising the card', 1],
    ['while reading identity', 3],
    ['while reading the signatures', 9],
    ['while reading the photo', 20],
  ])('reports a card pulled %s as removed, and drops what it had', async (_stage, apdus) => {
    const card = virtualCard();
    const pulling: { handle?: InsertedCard } = {};
    pulling.handle = await insert({
      atr: card.atr,
      transmit: (apdu) => {
        if (pulling.handle && pulling.handle.apdus.length > apdus) void pulling.handle.remove();
        return card.transmit(apdu);
      },
    });
    await vi.waitFor(() => expect(of('eid:error')).toMatchObject([{ cause: 'card-removed' }]), { timeout: 10_000 });
    await vi.waitFor(() => expect(of('eid:removed')).toHaveLength(1), { timeout: 5_000 });
    expect(completeCards()).toEqual([]);
    expect(service.currentCards()).toEqual([]);
  });
});

describe.skipIf(skip || !canRestartPcscd())('eID reading when pcscd restarts', () => {
  it('reports the service gone, comes back on its own, and reads again', { timeout: 60_000 }, async () => {
    const events = new MainEvents();
    const statuses: ReaderStatus[] = [];
    const cards: EidCard[] = [];
    events.subscribe((channel, payload) => {
      if (channel === 'eid:readers') statuses.push(payload as ReaderStatus);
      if (channel === 'eid:card' && (payload as EidCard).complete) cards.push(payload as EidCard);
    });
    const service = new CardService({
      createPcscContext: createPcscliteContext,
      trustAnchors: testTrustAnchors(),
      events,
      log: { warn: () => undefined },
      retryDelaysMs: [100, 200, 400],
    });
    service.start();
    const first = await insertVirtualCard(virtualCard(), 0);
    await vi.waitFor(() => expect(cards).toHaveLength(1), { timeout: 15_000 });

    await restartPcscd();
    expect(statuses.some((status) => status.service === 'unavailable')).toBe(true);
    await first.remove();
    await vi.waitFor(() => expect(service.readers()).toEqual({ service: 'running', readers: [
      { name: slot0, cardPresent: false },
      { name: slot1, cardPresent: false },
    ] }), { timeout: 15_000 });
    expect(service.currentCards()).toEqual([]);

    const second = await insertVirtualCard(virtualCard({ person: virtualPeople.zoe }), 0);
    await vi.waitFor(() => expect(cards.map((card) => card.prefill.name)).toEqual(['Vermeulen', 'Lambrecht']), { timeout: 15_000 });
    await second.remove();
    service.close();
  });
});

describe.skipIf(skip)('eID reading, 50 times over', () => {
  it('inserts, reads and removes a card 50 times without leaking handles, listeners or memory', { timeout: 400_000 }, async () => {
    const events = new MainEvents();
    let complete = 0;
    let removed = 0;
    events.subscribe((channel, payload) => {
      if (channel === 'eid:card' && (payload as EidCard).complete) complete += 1;
      if (channel === 'eid:removed') removed += 1;
    });
    const service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: { warn: () => undefined } });
    service.start();
    await vi.waitFor(() => expect(service.readers().readers).toHaveLength(2));
    const card = virtualCard();
    const cycle = async (index: number) => {
      const handle = await insertVirtualCard(card, 0);
      await vi.waitFor(() => expect(complete).toBe(index + 1), { timeout: 15_000 });
      await handle.remove();
      await vi.waitFor(() => expect(removed).toBe(index + 1), { timeout: 5_000 });
    };

    // Warm up, then measure what 50 more cycles leave behind.
    await cycle(0);
    const before = { resources: process.getActiveResourcesInfo().length, heap: heapAfterGc() };
    const reader = (service as unknown as { watcher: ReaderWatcher }).watcher.reader(slot0)!;
    const listenersBefore = reader.listenerCount('status');
    for (let index = 1; index <= 50; index++) await cycle(index);
    const after = { resources: process.getActiveResourcesInfo().length, heap: heapAfterGc() };

    expect(complete).toBe(51);
    expect(service.currentCards()).toEqual([]);
    expect(reader.listenerCount('status')).toBe(listenersBefore);
    expect(after.resources).toBeLessThanOrEqual(before.resources);
    expect(after.heap - before.heap).toBeLessThan(8 * 1024 * 1024);
    service.close();
  });
});

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
