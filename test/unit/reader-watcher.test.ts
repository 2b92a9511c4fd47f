import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReaderStatus } from '../../native/pcsc/types';
import { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { FakePcscContext } from '../support/fake-pcsc';

const quiet = { warn: vi.fn() };

function watch(createContext: () => FakePcscContext, retryDelaysMs = [100, 200, 400]) {
  const changes: ReaderStatus[] = [];
  const watcher = new ReaderWatcher({ createContext, onChange: (status) => changes.push(status), retryDelaysMs, log: quiet });
  watcher.start();
  return { watcher, changes };
}

describe('ReaderWatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('lists readers sorted by name and follows card insertion and removal', () => {
    const context = new FakePcscContext();
    const { watcher, changes } = watch(() => context);
    const b = context.addReader('Reader B');
    context.addReader('Reader A');
    b.insertCard();
    expect(watcher.status()).toEqual({
      service: 'running',
      readers: [
        { name: 'Reader A', cardPresent: false },
        { name: 'Reader B', cardPresent: true },
      ],
    });
    b.removeCard();
    expect(changes.at(-1)!.readers[1]).toEqual({ name: 'Reader B', cardPresent: false });
    expect(watcher.reader('Reader B')).toBe(b);
    watcher.close();
  });

  it('forgets an unplugged reader', () => {
    const context = new FakePcscContext();
    const { watcher } = watch(() => context);
    context.addReader('Reader A').unplug();
    expect(watcher.status().readers).toEqual([]);
    watcher.close();
  });

  it('reports the service unavailable while pcscd is down, and retries with growing waits until it is back', () => {
    vi.useFakeTimers();
    let attempts = 0;
    const up = new FakePcscContext();
    const { watcher, changes } = watch(() => {
      attempts += 1;
      if (attempts < 4) throw new Error('SCardEstablishContext error: Service not available (0x8010001d)');
      return up;
    });
    expect(watcher.status().service).toBe('unavailable');
    vi.advanceTimersByTime(99);
    expect(attempts).toBe(1);
    vi.advanceTimersByTime(1);
    expect(attempts).toBe(2);
    vi.advanceTimersByTime(200);
    expect(attempts).toBe(3);
    vi.advanceTimersByTime(400);
    expect(attempts).toBe(4);
    expect(changes.at(-1)).toEqual({ service: 'running', readers: [] });
    watcher.close();
  });

  it('drops a context whose service died, without throwing on its late errors, and builds a new one', () => {
    vi.useFakeTimers();
    const contexts: FakePcscContext[] = [];
    const { watcher, changes } = watch(() => {
      const context = new FakePcscContext();
      contexts.push(context);
      return context;
    });
    const reader = contexts[0]!.addReader('Reader A');
    expect(() => contexts[0]!.serviceDied([reader])).not.toThrow();
    expect(contexts[0]!.closed).toBe(true);
    expect(changes.at(-1)).toEqual({ service: 'unavailable', readers: [] });
    vi.advanceTimersByTime(100);
    expect(contexts).toHaveLength(2);
    contexts[1]!.addReader('Reader A');
    expect(watcher.status()).toEqual({ service: 'running', readers: [{ name: 'Reader A', cardPresent: false }] });
    watcher.close();
    expect(contexts[1]!.closed).toBe(true);
  });

  it('stops retrying once closed', () => {
    vi.useFakeTimers();
    const createContext = vi.fn(() => {
      throw new Error('down');
    });
    const { watcher } = watch(createContext);
    watcher.close();
    vi.advanceTimersByTime(10_000);
    expect(createContext).toHaveBeenCalledTimes(1);
  });
});
