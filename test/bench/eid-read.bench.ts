/**
 * `npm run bench:eid`: per scenario (SELECT by path, the file-identifier walk,
 * applet 1.8, another program holding a shared handle) N full eID reads over
 * pcscd + vpcd through the reader service, then, in the same run, a raw replay
 * of the identical APDU sequence over a bare card handle without transactions
 * (shared, as the app connects). Reports APDUs per read, the median time from insertion to the
 * prefill event and to the complete card, the replay's median, and the ratio.
 * Then BENCH_CYCLES insert/read/remove cycles (default 100; 600 for the figure
 * in docs/benchmarks.md) with heap, handles and listeners before and after.
 * Debian's vpcd adds ~44 ms per APDU, so only APDU counts and ratios mean anything.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pcsclite from 'pcsclite';
import { expect, inject, it } from 'vitest';
import type { EidCard, ReaderStatus } from '../../electron/ipc/contract';
import { CardService } from '../../electron/cards/card-service';
import { MainEvents } from '../../electron/ipc/main-events';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { Scard, type PcscCardReader, type PcscContext } from '../../native/pcsc/pcsc-port';
import { connectTransacted } from '../../native/pcsc/transacted-card';
import { connectShared } from '../../native/pcsc/card-connection';
import { SelectMemory } from '../../native/beid/beid-protocol';
import { readEid } from '../../native/beid/read-eid';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { startOtherProgram } from '../support/pcscd';
import type { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const reads = Number(process.env.BENCH_READS ?? 10);
const cycles = Number(process.env.BENCH_CYCLES ?? 100);
const reader = 'Virtual PCD 00 00';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function waitFor<T>(events: MainEvents, accept: (channel: string, payload: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const stop = events.subscribe((channel, payload) => {
      const value = accept(channel, payload);
      if (value !== undefined) {
        stop();
        resolve(value);
      }
    });
  });
}

const scenarios = [
  { name: '1.7, SELECT by path', card: () => virtualCard(), shared: false },
  { name: '1.7, SELECT by path refused (6A80): file-ID walk', card: () => virtualCard({ pathSelectAnswer: 0x6a80 }), shared: false },
  { name: '1.8, SELECT by path', card: () => virtualCard({ appletVersion: '1.8' }), shared: false },
  { name: '1.7, another program holds a shared handle', card: () => virtualCard(), shared: true },
];

const skip = skipWithout('pcscd met vpcd', inject('pcscd'));

it.skipIf(skip)('eID read vs raw APDU replay, per scenario', { timeout: 900_000 }, async () => {
  const results: Record<string, unknown>[] = [];
  for (const scenario of scenarios) {
    const card = scenario.card();
    // Like the eID Viewer: connects shared to every card put in, and lets go when it leaves.
    const other = scenario.shared ? await startOtherProgram(reader, 'shared', undefined, { follow: true }) : null;
    const events = new MainEvents();
    const service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: console });
    service.start();
    const toPrefill: number[] = [];
    const toComplete: number[] = [];
    const apduCounts: number[] = [];
    let sequence: Buffer[] = [];
    for (let index = 0; index < reads; index++) {
      const { handle, times } = await timedRead(events, card);
      toPrefill.push(times.prefill);
      toComplete.push(times.complete);
      apduCounts.push(handle.apdus.length);
      sequence = [...handle.apdus];
      const removed = waitFor(events, (channel) => (channel === 'eid:removed' ? true : undefined));
      await handle.remove();
      await removed;
    }
    service.close();
    const replays = await replay(sequence, card, Math.min(reads, 10));
    await other?.release();
    results.push({
      scenario: scenario.name,
      reads,
      // The first read of a card that refuses SELECT by path pays for the refusal once; SelectMemory spares the rest.
      apdusFirstRead: apduCounts[0],
      apdusPerRead: median(apduCounts),
      medianToPrefillMs: Math.round(median(toPrefill)),
      medianToCompleteMs: Math.round(median(toComplete)),
      medianRawReplayMs: Math.round(median(replays)),
      ratio: Number((median(toComplete) / median(replays)).toFixed(3)),
    });
    console.log(JSON.stringify(results.at(-1)));
    expect(apduCounts.slice(1).every((count) => count === apduCounts[1])).toBe(true);
  }
  console.table(results);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-eid.json', JSON.stringify(results, null, 2));
});

/**
 * What the PC/SC transactions cost: with the card left in the reader, the same
 * read (readEid over the app's connection, connect to disconnect) with its
 * transactions and without them, and a raw replay of its recorded APDUs over
 * a bare handle, interleaved so that the machine's load falls on all three.
 */
it.skipIf(skip)('transactions: read with, read without, raw replay of its APDUs', { timeout: 600_000 }, async () => {
  const results: Record<string, unknown>[] = [];
  for (const scenario of scenarios.filter((candidate) => !candidate.shared)) {
    const handle = await insertVirtualCard(scenario.card(), 0);
    const connect = async () => {
      for (;;) {
        try {
          return await connectShared(reader, connectTransacted);
        } catch {
          await new Promise((done) => setTimeout(done, 50));
        }
      }
    };
    const selectMemory = new SelectMemory();
    const read = async (transactions: boolean) => {
      const connection = await connect();
      const from = handle.apdus.length;
      const start = performance.now();
      await readEid(transactions ? connection : { transmit: (apdu) => connection.transmit(apdu) }, { trustAnchors: testTrustAnchors(), selectMemory });
      await connection.close();
      return { ms: performance.now() - start, apdus: handle.apdus.slice(from), transactions: connection.transactions };
    };
    await read(true);
    const warm = await read(true);
    const sequence = warm.apdus;
    const times = { with: [] as number[], without: [] as number[], replay: [] as number[] };
    for (let index = 0; index < reads * 3; index++) {
      times.with.push((await read(true)).ms);
      times.without.push((await read(false)).ms);
      const start = performance.now();
      const channel = await connectTransacted(reader, Scard.shareShared, Scard.protocolT0 | Scard.protocolT1);
      for (const apdu of sequence) await channel.transmit(apdu);
      await channel.disconnect(Scard.leaveCard);
      times.replay.push(performance.now() - start);
    }
    await handle.remove();
    await new Promise((done) => setTimeout(done, 1000));
    results.push({
      scenario: scenario.name,
      reads: reads * 3,
      apdus: sequence.length,
      transactions: warm.transactions,
      medianWithMs: Number(median(times.with).toFixed(1)),
      medianWithoutMs: Number(median(times.without).toFixed(1)),
      medianReplayMs: Number(median(times.replay).toFixed(1)),
      withVsReplay: Number((median(times.with) / median(times.replay)).toFixed(3)),
      withVsWithout: Number((median(times.with) / median(times.without)).toFixed(3)),
    });
    console.log(JSON.stringify(results.at(-1)));
  }
  console.table(results);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-eid-transactions.json', JSON.stringify(results, null, 2));
  expect(results).toHaveLength(3);
});

it.skipIf(skip)(`${cycles} insert/read/remove cycles: heap, handles, listeners`, { timeout: 3_600_000 }, async () => {
  const events = new MainEvents();
  let complete = 0;
  events.subscribe((channel, payload) => {
    if (channel === 'eid:card' && (payload as EidCard).complete) complete += 1;
  });
  const service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: console });
  service.start();
  const card = virtualCard();
  const cycle = async () => {
    const { handle } = await timedRead(events, card);
    const removed = waitFor(events, (channel) => (channel === 'eid:removed' ? true : undefined));
    await handle.remove();
    await removed;
  };
  for (let index = 0; index < 5; index++) await cycle();
  const watcher = (service as unknown as { watcher: ReaderWatcher }).watcher;
  const before = { heap: heapAfterGc(), resources: process.getActiveResourcesInfo().length, listeners: watcher.reader(reader)!.listenerCount('status') };
  const started = performance.now();
  for (let index = 0; index < cycles; index++) await cycle();
  const after = { heap: heapAfterGc(), resources: process.getActiveResourcesInfo().length, listeners: watcher.reader(reader)!.listenerCount('status') };
  service.close();
  const result = {
    cycles,
    completeReads: complete - 5,
    heapBeforeMiB: Number((before.heap / 2 ** 20).toFixed(2)),
    heapAfterMiB: Number((after.heap / 2 ** 20).toFixed(2)),
    heapGrowthKiBPerCycle: Number(((after.heap - before.heap) / 1024 / cycles).toFixed(2)),
    activeResources: `${before.resources} → ${after.resources}`,
    statusListeners: `${before.listeners} → ${after.listeners}`,
    minutes: Number(((performance.now() - started) / 60_000).toFixed(1)),
  };
  console.table([result]);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-eid-cycles.json', JSON.stringify(result, null, 2));
  expect(result.completeReads).toBe(cycles);
});

/** Inserts the card and times insertion → prefill → complete card, by the service's own events. */
async function timedRead(events: MainEvents, card: ReturnType<typeof virtualCard>) {
  const inserted = waitFor(events, (channel, payload) =>
    channel === 'eid:readers' && (payload as ReaderStatus).readers.find((r) => r.name === reader)?.cardPresent ? performance.now() : undefined,
  );
  const prefill = waitFor(events, (channel, payload) => (channel === 'eid:card' && !(payload as EidCard).complete ? performance.now() : undefined));
  const complete = waitFor(events, (channel, payload) => (channel === 'eid:card' && (payload as EidCard).complete ? performance.now() : undefined));
  const handle = await insertVirtualCard(card, 0);
  const [t0, t1, t2] = await Promise.all([inserted, prefill, complete]);
  return { handle, times: { prefill: t1 - t0, complete: t2 - t0 } };
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/**
 * The same APDUs over a bare card handle (the app's addon, shared as the app
 * connects), without transactions: connect, transmit each, disconnect.
 */
async function replay(sequence: Buffer[], card: ReturnType<typeof virtualCard>, times: number): Promise<number[]> {
  const pcsc: PcscContext = pcsclite();
  const target = await new Promise<PcscCardReader>((resolve) => pcsc.on('reader', (r) => r.name === reader && resolve(r)));
  target.on('error', () => undefined);
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const present = new Promise<void>((resolve) => {
      const onStatus = ({ state }: { state: number }) => {
        if (state & target.SCARD_STATE_PRESENT) {
          target.removeListener('status', onStatus);
          resolve();
        }
      };
      target.on('status', onStatus);
    });
    const handle = await insertVirtualCard(card, 0);
    await present;
    const start = performance.now();
    const channel = await connectTransacted(reader, Scard.shareShared, Scard.protocolT0 | Scard.protocolT1);
    for (const apdu of sequence) await channel.transmit(apdu);
    await channel.disconnect(Scard.leaveCard);
    durations.push(performance.now() - start);
    const absent = new Promise<void>((resolve) => {
      const onStatus = ({ state }: { state: number }) => {
        if (!(state & target.SCARD_STATE_PRESENT)) {
          target.removeListener('status', onStatus);
          resolve();
        }
      };
      target.on('status', onStatus);
    });
    await handle.remove();
    await absent;
  }
  pcsc.removeAllListeners();
  pcsc.on('error', () => undefined);
  pcsc.close();
  return durations;
}
