/**
 * A hand-written stand-in for the `electron` module (Electron Fiddle's style):
 * just enough of each API to record what the main process asks of it. Tests
 * call `vi.mock('electron', () => electronMock())`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class MockWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly send = vi.fn();
  readonly isDestroyed = vi.fn(() => false);
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: the first argument is an event whose preventDefault is recorded. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit(name, event, ...args);
    return event;
  }
}

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  close = vi.fn(() => this.emit('closed'));
  constructor(readonly options: Record<string, unknown>) {
    super();
    MockBrowserWindow.instances.push(this);
  }
  isMinimized = () => false;
  restore = vi.fn();
  focus = vi.fn();
}

export function createMockSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
}

export function electronMock() {
  const handlers = new Map<string, Listener>();
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    getName: vi.fn(() => 'UiTPAS Balie'),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => process.cwd()),
    getPath: vi.fn(() => join(tmpdir(), 'uitpas-balie-test-userdata')),
    quit: vi.fn(),
    isPackaged: true,
  });
  return {
    app: Object.assign(app, { commandLine: { appendSwitch: vi.fn() } }),
    BrowserWindow: MockBrowserWindow,
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn() }),
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: createMockSession() },
    powerMonitor: new EventEmitter(),
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.from(plain).reverse())),
      decryptStringAsync: vi.fn((data: Buffer) => Promise.resolve({ result: Buffer.from(data).reverse().toString(), shouldReEncrypt: false })),
    },
  };
}
