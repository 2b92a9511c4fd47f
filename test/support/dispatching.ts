/** Main's handlers as the page reaches them (through the dispatcher): `ask` gives the Result, `value` the value or throws. */
import type { HandlerTable } from '../../electron/ipc/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';

export function dispatching(handlers: HandlerTable) {
  const dispatch = createDispatcher(handlers, { warn: () => undefined });
  const ask = (channel: string, payload?: unknown) => dispatch(channel, payload);
  const value = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await ask(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { ask, value };
}
