/**
 * The UiTPAS XML API client: one typed method per counter operation and
 * look-up, grouped by what they talk about (pass holder, card, balie; the visit's under `visit`) over one
 * shared signed request (client-core.ts). Logging in is not the client's job:
 * login-flow.ts, uitid-v2-login.ts and session.ts do it.
 */
import { balieCalls } from './balie-calls';
import { cardCalls } from './card-calls';
import { createUitpasCore, type UitpasClientOptions } from './client-core';
import { passholderCalls } from './passholder-calls';
import { visitCalls } from './visit-calls';

export { pathSegment, type UitpasClientOptions } from './client-core';

export type UitpasClient = ReturnType<typeof createUitpasClient>;

export function createUitpasClient(options: UitpasClientOptions) {
  const core = createUitpasCore(options);
  const passholders = passholderCalls(core);
  return { ...passholders, ...cardCalls(core), ...balieCalls(core), visit: visitCalls(core, passholders.getPassholder) };
}
