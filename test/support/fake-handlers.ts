/** A full handler table for tests that care about a few channels: the others fail loudly if called. */
import type { HandlerTable } from '../../electron/ipc/contract';
import { requestChannelNames } from '../../electron/ipc/dispatch';

export function fakeHandlers(overrides: Partial<HandlerTable>): HandlerTable {
  const notHere = Object.fromEntries(
    requestChannelNames.map((channel) => [
      channel,
      () => {
        throw new Error(`${channel} is not part of this test`);
      },
    ]),
  );
  return { ...notHere, ...overrides } as HandlerTable;
}
