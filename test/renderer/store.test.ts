import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, BalieApi, EidCard, ReaderStatus, Result } from '../../electron/contract';
import { createAppStore } from '../../renderer/store';

const info: AppInfo = { name: 'UiTPAS Balie', version: '0.1.0', platform: 'linux', host: 'browser' };

function fakeApi(readers: Result<ReaderStatus>) {
  let push: (status: ReaderStatus) => void = () => undefined;
  const api: BalieApi = {
    getAppInfo: vi.fn(() => Promise.resolve<Result<AppInfo>>({ ok: true, value: info })),
    getReaders: vi.fn(() => Promise.resolve(readers)),
    getCards: vi.fn(() => Promise.resolve<Result<EidCard[]>>({ ok: true, value: [] })),
    onReaders: (listener) => {
      push = listener;
      return () => (push = () => undefined);
    },
    onReading: () => () => undefined,
    onCard: () => () => undefined,
    onCardRemoved: () => () => undefined,
    onReadFailed: () => () => undefined,
  };
  return { api, push: (status: ReaderStatus) => push(status) };
}

describe('app store', () => {
  it('loads the app info and readers, then follows reader events', async () => {
    const { api, push } = fakeApi({ ok: true, value: { service: 'running', readers: [] } });
    const store = createAppStore(api);
    await vi.waitFor(() => expect(store.getState().info).toEqual(info));
    push({ service: 'running', readers: [{ name: 'R', cardPresent: true }] });
    expect(store.getState().readers?.readers).toEqual([{ name: 'R', cardPresent: true }]);
  });

  it('keeps an event that arrived before the first answer', async () => {
    const { api, push } = fakeApi({ ok: true, value: { service: 'unavailable', readers: [] } });
    const store = createAppStore(api);
    push({ service: 'running', readers: [] });
    await vi.waitFor(() => expect(store.getState().info).toBeDefined());
    expect(store.getState().readers?.service).toBe('running');
  });

  it('shows a failed request as the error the main process gave', async () => {
    const error = { code: 'internal' as const, message: 'Er ging intern iets mis.' };
    const { api } = fakeApi({ ok: false, error });
    const store = createAppStore(api);
    await vi.waitFor(() => expect(store.getState().error).toEqual(error));
  });
});
