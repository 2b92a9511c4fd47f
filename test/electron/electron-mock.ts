/**
 * A hand-written stand-in for the `electron` module (Electron Fiddle's style):
 * just enough of each API to record what the main process asks of it. Tests
 * call `vi.mock('electron', () => electronMock())`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { netRequestStandIn } from '../support/chromium-net-stand-in';

type Listener = (...args: unknown[]) => unknown;

export class MockWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly session = createMockSession();
  readonly closeDevTools = vi.fn();
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
  /** Emits an event whose details are the event itself (will-frame-navigate's style). */
  fireDetails(name: string, details: Record<string, unknown>): { defaultPrevented: boolean } {
    const event = { ...details, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit(name, event);
    return event;
  }
}

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  /** Like Electron: 'close' first, which a listener may prevent; then 'closed'. */
  close = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (!event.defaultPrevented) this.emit('closed');
  });
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
    setProxy: vi.fn(() => Promise.resolve()),
    closeAllConnections: vi.fn(() => Promise.resolve()),
    resolveProxy: vi.fn(() => Promise.resolve('DIRECT')),
  };
}

/** Sessions by partition, as Electron keeps them: the same partition gives the same session. */
const partitions = new Map<string, ReturnType<typeof createMockSession>>();

/** The switches the mocked app was started with (Chromium's parsed command line). */
export const startSwitches = new Set<string>();

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
    exit: vi.fn(),
    isPackaged: true,
  });
  return {
    app: Object.assign(app, { commandLine: { appendSwitch: vi.fn(), hasSwitch: vi.fn((name: string) => startSwitches.has(name)) } }),
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    BrowserWindow: MockBrowserWindow,
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn() }),
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: createMockSession(),
      fromPartition: vi.fn((partition: string) => {
        const existing = partitions.get(partition) ?? createMockSession();
        partitions.set(partition, existing);
        return existing;
      }),
    },
    net: { request: vi.fn(netRequestStandIn) },
    powerMonitor: new EventEmitter(),
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    clipboard: { writeText: vi.fn(() => Promise.resolve()) },
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.from(plain).reverse())),
      decryptStringAsync: vi.fn((data: Buffer) => Promise.resolve({ result: Buffer.from(data).reverse().toString(), shouldReEncrypt: false })),
    },
  };
}
