import { ipcMain, type WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, requestChannelNames } from '../../electron/ipc/dispatch';
import { bindIpc, forwardEvents } from '../../electron/ipc/ipc-main';
import { MainEvents } from '../../electron/ipc/main-events';
import { fakeHandlers } from '../support/fake-handlers';
import { MockWebContents } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

const handlers = fakeHandlers({
  'app:getInfo': vi.fn(() => ({ name: 'UiTPAS Balie', version: '0.1.0', platform: 'linux', host: 'electron' as const })),
  'eid:getReaders': vi.fn(() => ({ service: 'running' as const, readers: [] })),
});
const quiet = { warn: vi.fn() };
const registered = (ipcMain as unknown as { handlers: Map<string, (...args: unknown[]) => Promise<unknown>> }).handlers;

function frame(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } };
}

describe('bindIpc', () => {
  const unbind = bindIpc(ipcMain, createDispatcher(handlers, quiet), quiet);

  it('binds every request channel of the contract, from one table', () => {
    expect([...registered.keys()].sort()).toEqual([...requestChannelNames].sort());
  });

  it('answers the app page', async () => {
    const result = await registered.get('app:getInfo')!(frame('app://balie/index.html'), undefined);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ version: '0.1.0' }) });
  });

  it.each([
    ['another origin', frame('https://evil.example/')],
    ['a file URL', frame('file:///app/out/renderer/index.html')],
    ['a look-alike host', frame('app://balie.evil/index.html')],
    ['an iframe inside the app page', frame('app://balie/index.html', { url: 'app://balie/index.html' })],
    ['a destroyed frame', { senderFrame: null }],
  ])('drops a request from %s without running the handler', async (_name, event) => {
    vi.mocked(handlers['eid:getReaders']).mockClear();
    const result = await registered.get('eid:getReaders')!(event, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers['eid:getReaders']).not.toHaveBeenCalled();
  });

  it('answers a payload that fails its guard with a typed error, without running the handler', async () => {
    vi.mocked(handlers['app:getInfo']).mockClear();
    const result = await registered.get('app:getInfo')!(frame('app://balie/'), { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers['app:getInfo']).not.toHaveBeenCalled();
  });

  it('removes its handlers again', () => {
    unbind();
    expect(registered.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends main events to the window until stopped, and not to a destroyed one', () => {
    const events = new MainEvents();
    const contents = new MockWebContents();
    const stop = forwardEvents(events, contents as unknown as WebContents);
    const status = { service: 'running' as const, readers: [{ name: 'R', cardPresent: true }] };
    events.emit('eid:readers', status);
    expect(contents.send).toHaveBeenCalledWith('eid:readers', status);
    contents.isDestroyed.mockReturnValue(true);
    events.emit('eid:readers', status);
    stop();
    contents.isDestroyed.mockReturnValue(false);
    events.emit('eid:readers', status);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
