/**
 * Runs in the page served by the browser host, before the app: defines
 * `window.balie` over the host's WebSocket, exactly as the preload does over
 * Electron's IPC. The run's token comes in the URL fragment once; it moves to
 * sessionStorage (this origin only, this tab only), leaves the address bar, and
 * goes to the host as a WebSocket subprotocol.
 */
import { createBalieApi } from '../ipc/bridge-api';
import { contractError, type Result } from '../ipc/contract';
import { bridgeProtocol, bridgeSocketPath, tokenProtocolPrefix, tokenStorageKey, type WireMessage, type WireRequest } from './wire';

const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromFragment) {
  sessionStorage.setItem(tokenStorageKey, fromFragment);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
const token = sessionStorage.getItem(tokenStorageKey) ?? '';
const socket = new WebSocket(`ws://${location.host}${bridgeSocketPath}`, [bridgeProtocol, `${tokenProtocolPrefix}${token}`]);
// Settles on open or on close, so a request made while connecting never hangs.
const opened = new Promise<void>((resolve) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('close', () => resolve(), { once: true });
});
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (event: MessageEvent<string>) => {
  const message = JSON.parse(event.data) as WireMessage;
  if (message.kind === 'response') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else {
    for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
  }
});

socket.addEventListener('close', () => {
  for (const settle of pending.values()) settle({ ok: false, error: contractError('internal') });
  pending.clear();
});

const api = createBalieApi({
  invoke: async (channel, payload) => {
    await opened;
    if (socket.readyState !== WebSocket.OPEN) return { ok: false, error: contractError('internal') };
    const request: WireRequest = { id: nextId++, channel, payload };
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(request.id, resolve);
      socket.send(JSON.stringify(request));
    });
  },
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set.add(listener));
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'balie', { value: Object.freeze(api), writable: false, configurable: false });
