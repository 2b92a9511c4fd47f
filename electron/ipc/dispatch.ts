/**
 * The transport-independent half of IPC: checks the channel and the payload
 * against the contract, runs the handler, and turns every outcome into a Result.
 * Electron's ipc-main.ts and the browser host both call this after their own sender check.
 */
import {
  contractError,
  isRequestChannel,
  requestChannels,
  type BalieError,
  type HandlerTable,
  type RequestChannel,
  type Result,
} from './contract';

/** Thrown by a handler for an outcome the page must show; anything else becomes `internal`. */
export class BalieFailure extends Error {
  constructor(readonly error: BalieError) {
    super(error.code);
    this.name = 'BalieFailure';
  }
}

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: HandlerTable, log: Pick<Console, 'warn'> = console): Dispatch {
  return async (channel, payload) => {
    if (!isRequestChannel(channel)) {
      log.warn('[ipc] onbekend kanaal geweigerd');
      return { ok: false, error: contractError('unknown-channel') };
    }
    if (!requestChannels[channel].validate(payload)) {
      // The payload itself is never logged: it may hold personal data.
      log.warn(`[ipc] ongeldig verzoek op ${channel} geweigerd`);
      return { ok: false, error: contractError('invalid-request') };
    }
    try {
      const handler = handlers[channel] as (payload: unknown) => unknown;
      return { ok: true, value: await handler(payload) };
    } catch (error) {
      if (error instanceof BalieFailure) return { ok: false, error: error.error };
      log.warn(`[ipc] ${channel} faalde: ${error instanceof Error ? error.name : typeof error}`);
      return { ok: false, error: contractError('internal') };
    }
  };
}

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
