/**
 * Runs in the page served by the browser host, before the app: defines
 * `window.balie` over the host's WebSocket, exactly as the preload does over
 * Electron's IPC. The run's start-up token comes in the URL fragment once and
 * leaves the address bar at once; the first socket offers it, and the host
 * answers with this tab's secret, kept in sessionStorage (this origin, this
 * tab). Every later socket, after a reload or when one closes, offers that
 * secret: the page reconnects by itself, and a call made meanwhile waits for
 * the socket before it answers `internal`. After a reload the host refuses the
 * new socket until it has seen the old page's socket close (one socket per
 * tab), which a busy machine may take seconds to see: the page retries every
 * second at most, and its first calls wait long enough to get through.
 */
import { createBalieApi } from '../ipc/bridge-api';
import { contractError, type Result } from '../ipc/contract';
import { bridgeProtocol, bridgeSocketPath, tabProtocolPrefix, tabStorageKey, tokenProtocolPrefix, type WireMessage, type WireRequest } from './wire';

/** How long a call waits for a socket before it answers `internal`. */
const waitForSocketMs = 15_000;
const firstRetryMs = 250;
const longestRetryMs = 1000;

let startToken = new URLSearchParams(location.hash.slice(1)).get('token');
if (startToken) history.replaceState(null, '', `${location.pathname}${location.search}`);

const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const waiting = new Set<() => void>();
let socket: WebSocket | undefined;
let retryMs = firstRetryMs;
let nextId = 1;

function connect(): void {
  const secret = sessionStorage.getItem(tabStorageKey);
  const credential = secret ? `${tabProtocolPrefix}${secret}` : startToken ? `${tokenProtocolPrefix}${startToken}` : undefined;
  // Neither a tab secret nor a fresh token (a page not opened from the host's link, or a spent link): nothing to offer.
  if (!credential) {
    socket = undefined;
    for (const wake of waiting) wake();
    return;
  }
  const current = new WebSocket(`ws://${location.host}${bridgeSocketPath}`, [bridgeProtocol, credential]);
  socket = current;
  current.addEventListener('open', () => {
    retryMs = firstRetryMs;
    for (const wake of waiting) wake();
  });
  current.addEventListener('message', (event: MessageEvent<string>) => receive(JSON.parse(event.data) as WireMessage));
  current.addEventListener('close', () => {
    // The token is good for one socket, whether or not it opened.
    if (!secret) startToken = null;
    for (const settle of pending.values()) settle({ ok: false, error: contractError('internal') });
    pending.clear();
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, longestRetryMs);
  });
}

function receive(message: WireMessage): void {
  if (message.kind === 'tab') {
    sessionStorage.setItem(tabStorageKey, message.secret);
  } else if (message.kind === 'response') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else {
    for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
  }
}

/** The open socket, or after a reconnect within waitForSocketMs; undefined when none came. */
const live = (): WebSocket | undefined => (socket?.readyState === WebSocket.OPEN ? socket : undefined);

async function openSocket(): Promise<WebSocket | undefined> {
  if (!socket || live()) return live();
  await new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      waiting.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, waitForSocketMs);
    waiting.add(wake);
  });
  return live();
}

connect();

const api = createBalieApi({
  invoke: async (channel, payload) => {
    const open = await openSocket();
    if (!open) return { ok: false, error: contractError('internal') };
    const request: WireRequest = { id: nextId++, channel, payload };
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(request.id, resolve);
      open.send(JSON.stringify(request));
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
