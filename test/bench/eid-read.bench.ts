/**
 * `npm run bench:eid`: N full eID reads over pcscd + vpcd through the reader
 * service, then, in the same run, a raw replay of the identical APDU sequence
 * with bare pcsclite. Reports APDUs per read, the median time from insertion to
 * the prefill event and to the complete card, the replay's median, and the ratio.
 * Debian's vpcd adds ~44 ms per APDU, so only APDU counts and ratios mean anything.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import pcsclite from 'pcsclite';
import { expect, inject, it } from 'vitest';
import type { EidCard, ReaderStatus } from '../../electron/ipc/contract';
import { EidReaderService } from '../../electron/eid/reader-service';
import { MainEvents } from '../../electron/ipc/main-events';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import type { PcscCardReader, PcscContext } from '../../native/pcsc/pcsc-port';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { skipWithout } from '../support/real-parts';
import { insertVirtualCard } from '../support/vpcd-card';

const reads = Number(process.env.BENCH_READS ?? 15);
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

it.skipIf(skipWithout('pcscd met vpcd', inject('pcscd')))('eID read vs raw APDU replay', { timeout: 600_000 }, async () => {
  const events = new MainEvents();
  const service = new EidReaderService({ createPcscContext: createPcscliteContext, trustAnchors: testTrustAnchors(), events, log: console });
  service.start();
  const card = virtualCard();
  const toPrefill: number[] = [];
  const toComplete: number[] = [];
  const apduCounts: number[] = [];
  let sequence: Buffer[] = [];

  for (let index = 0; index < reads; index++) {
    const inserted = waitFor(events, (channel, payload) =>
      channel === 'eid:readers' && (payload as ReaderStatus).readers.find((r) => r.name === reader)?.cardPresent ? performance.now() : undefined,
    );
    const prefill = waitFor(events, (channel, payload) => (channel === 'eid:card' && !(payload as EidCard).complete ? performance.now() : undefined));
    const complete = waitFor(events, (channel, payload) => (channel === 'eid:card' && (payload as EidCard).complete ? performance.now() : undefined));
    const handle = await insertVirtualCard(card, 0);
    const [t0, t1, t2] = await Promise.all([inserted, prefill, complete]);
    toPrefill.push(t1 - t0);
    toComplete.push(t2 - t0);
    apduCounts.push(handle.apdus.length);
    sequence = [...handle.apdus];
    const removed = waitFor(events, (channel) => (channel === 'eid:removed' ? true : undefined));
    await handle.remove();
    await removed;
  }
  service.close();

  const replays = await replay(sequence, card, Math.min(reads, 10));
  const result = {
    reads,
    apdusPerRead: median(apduCounts),
    medianToPrefillMs: Math.round(median(toPrefill)),
    medianToCompleteMs: Math.round(median(toComplete)),
    medianRawReplayMs: Math.round(median(replays)),
    ratio: Number((median(toComplete) / median(replays)).toFixed(3)),
  };
  console.table(result);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-eid.json', JSON.stringify(result, null, 2));
  expect(apduCounts.every((count) => count === apduCounts[0])).toBe(true);
});

/** The same APDUs through bare pcsclite: connect exclusive, transmit each, disconnect. */
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
    const protocol = await new Promise<number>((resolve, reject) =>
      target.connect({ share_mode: target.SCARD_SHARE_EXCLUSIVE, protocol: target.SCARD_PROTOCOL_T0 | target.SCARD_PROTOCOL_T1 }, (error, p) => (error ? reject(toError(error)) : resolve(p))),
    );
    for (const apdu of sequence) {
      await new Promise<Buffer>((resolve, reject) => target.transmit(apdu, 258, protocol, (error, data) => (error ? reject(toError(error)) : resolve(data))));
    }
    await new Promise<void>((resolve) => target.disconnect(target.SCARD_UNPOWER_CARD, () => resolve()));
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

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
