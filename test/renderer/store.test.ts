import { describe, expect, it, vi } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { AppInfo, BalieApi, EidCard, ReaderStatus, Result, SessionView } from '../../electron/ipc/contract';
import { createAppStore, hasUnsavedWork, isHalfRead } from '../../renderer/store';
import { language, setLanguage, texts } from '../../renderer/texts';

const info: AppInfo = { name: 'UiTPAS Balie', version: '0.1.0', platform: 'linux', host: 'browser' };

function fakeApi(readers: Result<ReaderStatus>, session?: SessionView) {
  let push: (status: unknown) => void = () => undefined;
  const answers: Partial<Record<string, Result<unknown>>> = { 'app:getInfo': { ok: true, value: info }, 'eid:getReaders': readers };
  if (session) answers['session:get'] = { ok: true, value: session };
  const api: BalieApi = createBalieApi({
    invoke: (channel) => Promise.resolve(answers[channel] ?? { ok: false, error: { code: 'internal' } }),
    subscribe: (channel, listener) => {
      if (channel === 'eid:readers') push = listener;
      return () => undefined;
    },
  });
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
    const error = { code: 'internal' as const };
    const { api } = fakeApi({ ok: false, error });
    const store = createAppStore(api);
    await vi.waitFor(() => expect(store.getState().error).toEqual(error));
  });

  it("switches the catalogue to the workstation's language as soon as the session says it", async () => {
    const session: SessionView = {
      environment: 'demo',
      environments: ['demo'],
      consumerKey: 'k',
      hasConsumerSecret: true,
      secretStoreProblem: null,
      language: 'fr',
      loggedIn: false,
      account: null,
      balies: [],
      balie: null,
      sources: { environment: 'default', consumerKey: 'default', consumerSecret: 'default', uitidV2: 'default', balie: 'default', language: 'user', readerRoles: 'default', proxy: 'default', updates: 'default', logLevel: 'default', storeEidPhoto: 'default', channel: 'default', targetVersion: 'default', logFolder: 'default' },
      uitidV2: null,
      readerRoles: { eidreader: [], nfcreader: [] },
    };
    const { api } = fakeApi({ ok: true, value: { service: 'running', readers: [] } }, session);
    const store = createAppStore(api);
    try {
      await vi.waitFor(() => expect(language).toBe('fr'));
      expect(texts.session.login).toBe('Se connecter avec UiTiD');
      store.setState({ session: { ...session, language: 'nl' } });
      expect(texts.session.login).toBe('Aanmelden bij UiTiD');
    } finally {
      setLanguage('nl');
    }
  });
});

describe('protecting typed work', () => {
  const { api } = fakeApi({ ok: true, value: { service: 'running', readers: [] } });

  it('opens another screen at once when nothing would be lost', async () => {
    const store = createAppStore(api);
    expect(hasUnsavedWork(store.getState())).toBe(false);
    expect(await store.go({ name: 'settings' })).toBe(true);
    expect(store.getState().screen).toEqual({ name: 'settings' });
  });

  it('asks in the app dialog over a half-filled form, and stays on "Nee"', async () => {
    const store = createAppStore(api);
    store.setState({ screen: { name: 'register' }, unsavedWork: true });
    const going = store.go({ name: 'home' });
    const question = store.getState().question;
    expect(question?.text).toBe(texts.leave.unsaved);
    question?.answer(false);
    expect(await going).toBe(false);
    expect(store.getState().screen).toEqual({ name: 'register' });
    expect(store.getState().question).toBeUndefined();
  });

  it('leaves on "Ja", and the typed work no longer counts', async () => {
    const store = createAppStore(api);
    store.setState({ screen: { name: 'register' }, unsavedWork: true });
    const going = store.go({ name: 'home' });
    store.getState().question?.answer(true);
    expect(await going).toBe(true);
    expect(store.getState()).toMatchObject({ screen: { name: 'home' }, unsavedWork: false });
  });

  it('counts a request in flight as work to protect, until it answers', async () => {
    const store = createAppStore(api);
    let answer: (value: string) => void = () => undefined;
    const request = store.track(new Promise<string>((resolve) => (answer = resolve)));
    expect(hasUnsavedWork(store.getState())).toBe(true);
    const leaving = store.mayLeave();
    expect(store.getState().question?.text).toBe(texts.leave.inFlight);
    store.getState().question?.answer(false);
    expect(await leaving).toBe(false);
    answer('done');
    expect(await request).toBe('done');
    expect(hasUnsavedWork(store.getState())).toBe(false);
  });
});

describe('the update notice', () => {
  it('takes the notice main already has when the page loads, and a newer one from the event', async () => {
    let push: (notice: unknown) => void = () => undefined;
    const api = createBalieApi({
      invoke: (channel) =>
        Promise.resolve(
          channel === 'update:getNotice' ? { ok: true, value: { notice: 'too-old', version: '1.3.0', minimumVersion: '1.2.5' } } : { ok: false, error: { code: 'internal' } },
        ),
      subscribe: (channel, listener) => {
        if (channel === 'update:notice') push = listener;
        return () => undefined;
      },
    });
    const store = createAppStore(api);
    await vi.waitFor(() => expect(store.getState().updateNotice?.notice).toBe('too-old'));
    push({ notice: 'too-old-on-quit', version: '1.3.0', minimumVersion: '1.2.5' });
    expect(store.getState().updateNotice).toEqual({ notice: 'too-old-on-quit', version: '1.3.0', minimumVersion: '1.2.5' });
  });
});

describe('a half-read card', () => {
  const card = (warnings: EidCard['warnings']) => ({ warnings }) as EidCard;

  it('is a card with a file cut off, or without a field every card has', () => {
    expect(isHalfRead(card([{ file: 'identity', field: 'file', code: 'file-cut-off' }]))).toBe(true);
    expect(isHalfRead(card([{ file: 'identity', field: 'dateOfBirth', code: 'missing' }]))).toBe(true);
  });

  it('is not a card with one field that could not be decoded: the rest is used, and the field named', () => {
    expect(isHalfRead(card([{ file: 'identity', field: 'placeOfBirth', code: 'not-utf8' }]))).toBe(false);
    expect(isHalfRead(card(undefined))).toBe(false);
  });
});
