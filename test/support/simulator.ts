/** The simulator with a logged-in demo employee, and a client for a balie: what the API tests work against. */
import { createUitpasClient, type UitpasClientOptions } from '../../electron/uitpas/client';
import { loginWithUitid, type StaffLogin } from '../../electron/uitpas/login-flow';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/simulator/server';

export async function simulatorWithLogin(options: SimulatorOptions = {}): Promise<{ simulator: Simulator; login: StaffLogin }> {
  const simulator = await startSimulator(options);
  const login = await loginWithUitid({ prefix: simulator.prefix, consumer: simulator.consumer, showAuthorizePage: authorizeAtSimulator });
  return { simulator, login };
}

export function clientFor(simulator: Simulator, login: StaffLogin, balieConsumerKey = 'balie-gent-centrum', extra: Partial<UitpasClientOptions> = {}) {
  return createUitpasClient({ prefix: simulator.prefix, consumer: simulator.consumer, token: login.token, balieConsumerKey, ...extra });
}
