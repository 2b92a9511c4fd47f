import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../electron/ipc/dispatch';
import { FakePcscContext } from '../support/fake-pcsc';
import type { MockBrowserWindow } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());
vi.mock('../../native/pcsc/pcsclite-context', () => ({ createPcscliteContext: () => new FakePcscContext() }));

// Packaged, the Belgian roots sit in the resources folder; electron-builder copies build/belgium-root-ca there.
Object.defineProperty(process, 'resourcesPath', { value: join(process.cwd(), 'build'), configurable: true });

describe('main process start-up', async () => {
  await import('../../electron/main');
  await vi.waitFor(() => expect((BrowserWindow as unknown as typeof MockBrowserWindow).instances).toHaveLength(1));
  const window = (BrowserWindow as unknown as typeof MockBrowserWindow).instances[0]!;

  it('registers the app scheme and enables the sandbox for every renderer', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('loads the app page over app://, never a dev server or file://', () => {
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://balie/index.html');
  });

  it('binds every contract channel', () => {
    expect(vi.mocked(ipcMain.handle).mock.calls.map(([channel]) => channel).sort()).toEqual([...requestChannelNames].sort());
  });

  it('sends UiTPAS and UiTiD calls through a network session of its own, with the system proxy when no policy sets one', () => {
    expect(session.fromPartition).toHaveBeenCalledWith('uitpas-network');
    expect(vi.mocked(session.fromPartition).mock.results[0]?.value).toMatchObject({ setProxy: expect.any(Function) });
    const network = vi.mocked(session.fromPartition).mock.results[0]?.value as { setProxy: ReturnType<typeof vi.fn> };
    expect(network.setProxy).toHaveBeenCalledWith({ mode: 'system' });
  });

  it("answers a proxy's question for credentials through the app's dialog (window/network.ts), not Chromium's default cancel", () => {
    expect(app.listenerCount('login')).toBe(1);
  });

  it('packaged: no DevTools in the window, the minimal menu', () => {
    expect(window.options.webPreferences).toMatchObject({ devTools: false });
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('asks the page before the window closes', () => {
    const asked = vi.fn();
    window.webContents.send.mockImplementation(asked);
    window.close();
    expect(asked).toHaveBeenCalledWith('app:closeRequested', { requestInFlight: false });
  });
});
