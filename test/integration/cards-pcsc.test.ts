/**
 * Cards in readers on the real stack (pcsclite and the app's transaction addon
 * → pcscd → vpcd → virtual cards): an eID and a UiTPAS card in two readers in
 * either slot and order, and two real processes reading one eID at the same
 * insertion, as the eID Viewer or Windows' certificate propagation would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { CardService } from '../../electron/cards/card-service';
import type { CardSeen, EidCard, EventChannel, TappedCard } from '../../electron/ipc/contract';
import { MainEvents } from '../../electron/ipc/main-events';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { VirtualUitpasCard } from '../../native/contactless/virtual-uitpas-card';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard, type InsertedCard } from '../support/vpcd-card';

const skip = skipWithout('pcscd met vpcd', inject('pcscd'));
const slots = ['Virtual PCD 00 00', 'Virtual PCD 00 01'] as const;
const chipNumber = '04A1B2C3D4E580';

describe.skipIf(skip)('an eID and a UiTPAS card in two readers', () => {
  let service: CardService;
  let seen: { channel: EventChannel; payload: unknown }[];
  const inserted: InsertedCard[] = [];
  const of = <T>(channel: EventChannel) => seen.filter((event) => event.channel === channel).map((event) => event.payload as T);

  beforeEach(async () => {
    seen = [];
    const events = new MainEvents();
    events.subscribe((channel, payload) => seen.push({ channel, payload }));
    service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: { warn: () => undefined } });
    service.start();
    await vi.waitFor(() => expect(service.readers().readers.map((reader) => reader.name)).toEqual([...slots]));
  });

  afterEach(async () => {
    await Promise.all(inserted.splice(0).map((card) => card.remove()));
    await vi.waitFor(() => expect(service.readers().readers.some((reader) => reader.cardPresent)).toBe(false), { timeout: 5000 });
    service.close();
  });

  it.each([
    { eidSlot: 1, uitpasSlot: 0, eidFirst: true },
    { eidSlot: 1, uitpasSlot: 0, eidFirst: false },
    { eidSlot: 0, uitpasSlot: 1, eidFirst: true },
    { eidSlot: 0, uitpasSlot: 1, eidFirst: false },
  ] as const)('eID in slot $eidSlot, UiTPAS card in slot $uitpasSlot (eID first: $eidFirst): both read, each as what it is', async ({ eidSlot, uitpasSlot, eidFirst }) => {
    const eid = () => insertVirtualCard(virtualCard({ person: virtualPeople.zoe }), eidSlot);
    const uitpas = () => insertVirtualCard(new VirtualUitpasCard(chipNumber), uitpasSlot);
    for (const put of eidFirst ? [eid, uitpas] : [uitpas, eid]) inserted.push(await put());
    await vi.waitFor(() => expect(of<TappedCard>('card:tapped')).toEqual([{ reader: slots[uitpasSlot], chipNumber }]), { timeout: 10_000 });
    await vi.waitFor(() => expect(of<EidCard>('eid:card').filter((card) => card.complete)).toHaveLength(1), { timeout: 15_000 });
    expect(of<EidCard>('eid:card').filter((card) => card.complete)).toMatchObject([{ reader: slots[eidSlot], prefill: { name: 'Lambrecht', verified: true }, warnings: [] }]);
    expect(of('eid:error')).toEqual([]);
    const kinds = Object.fromEntries(of<CardSeen>('card:seen').map((card) => [card.reader, card.kind]));
    expect(kinds).toEqual({ [slots[eidSlot]]: 'eid', [slots[uitpasSlot]]: 'uitpas' });
  });
});

const cli = resolve(import.meta.dirname, '../../out-dev/eid-cli.js');

/** `eid watch`: the app's own card service in a process of its own, one JSON line per event. */
function watcher(): { child: ChildProcessWithoutNullStreams; lines: () => Record<string, unknown>[] } {
  const child = spawn(process.execPath, [cli, 'watch'], { env: { ...process.env, LANG: 'C.UTF-8' } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const lines = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, lines };
}

describe.skipIf(skip)('programs reading one eID at the same insertion', () => {
  const processes: ChildProcessWithoutNullStreams[] = [];
  let service: CardService | undefined;
  afterEach(() => {
    for (const child of processes.splice(0)) child.kill('SIGINT');
    service?.close();
  });

  it("this process and two more, each with the app's card service, all get every field right, six insertions in a row", { timeout: 120_000 }, async () => {
    // Here, with the test PKI trusted, the read is verified whole (signatures and photo hash);
    // the two `eid watch` processes trust only the Belgian roots, so they must show the same fields, unverified.
    const events = new MainEvents();
    const here: EidCard[] = [];
    const errors: unknown[] = [];
    events.subscribe((channel, payload) => {
      if (channel === 'eid:card' && (payload as EidCard).complete) here.push(payload as EidCard);
      if (channel === 'eid:error') errors.push(payload);
    });
    service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: { warn: () => undefined } });
    service.start();
    const programs = [watcher(), watcher()];
    processes.push(...programs.map((program) => program.child));
    const readersSeen = (program: (typeof programs)[number]) =>
      program.lines().some((line) => line.event === 'eid:readers' && JSON.stringify(line).includes(slots[0]));
    await vi.waitFor(() => expect(programs.every(readersSeen) && service!.readers().readers.length === 2).toBe(true), { timeout: 15_000 });
    const completeIn = (program: (typeof programs)[number]) => program.lines().filter((line) => line.event === 'eid:card' && line.complete === true);
    const people = [virtualPeople.jonas, virtualPeople.zoe, virtualPeople.aylin];
    for (let round = 0; round < 6; round++) {
      const person = people[round % people.length]!;
      const inserted = await insertVirtualCard(virtualCard({ person, appletVersion: round % 2 ? '1.8' : '1.7' }), 0);
      await vi.waitFor(() => expect([here.length, ...programs.map((program) => completeIn(program).length)]).toEqual([round + 1, round + 1, round + 1]), { timeout: 20_000 });
      const mine = here[round]!;
      expect(mine).toMatchObject({ warnings: [], integrity: { identity: true, address: true, photo: true, certificate: 'trusted' }, photo: { hashMatches: true } });
      expect(mine.prefill).toMatchObject({ name: person.surname, verified: true });
      for (const program of programs) {
        const theirs = completeIn(program)[round]!;
        expect(theirs).toMatchObject({ reader: slots[0], warnings: [], card: mine.card, prefill: { ...mine.prefill, verified: false } });
        expect(program.lines().filter((line) => line.event === 'eid:error')).toEqual([]);
      }
      expect(errors).toEqual([]);
      await inserted.remove();
      await vi.waitFor(() => expect(service!.readers().readers.some((reader) => reader.cardPresent)).toBe(false), { timeout: 5000 });
    }
  });
});
