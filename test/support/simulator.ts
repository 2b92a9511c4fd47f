/** The simulator with a logged-in demo employee, and a client for a balie: what the API tests work against. */
import { createUitpasClient, type UitpasClientOptions } from '../../electron/uitpas/client';
import { loginWithUitid, type StaffLogin } from '../../electron/uitpas/login-flow';
import { demoConsumer } from '../../electron/simulator/seed';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/simulator/server';

/** Clicks the simulator's authorize button over plain HTTP, as the login window would. */
export async function headlessAuthorize(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`authorize page: HTTP ${page.status}`);
  const token = /name="oauth_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const answer = await fetch(new URL('auth/authorize', `${authorizeUrl.split('/auth/authorize')[0]}/`), {
    method: 'POST',
    body: new URLSearchParams({ oauth_token: token }),
    redirect: 'manual',
  });
  return answer.headers.get('location') ?? '';
}

export async function simulatorWithLogin(options: SimulatorOptions = {}): Promise<{ simulator: Simulator; login: StaffLogin }> {
  const simulator = await startSimulator(options);
  const login = await loginWithUitid({ prefix: simulator.prefix, consumer: demoConsumer, showAuthorizePage: headlessAuthorize });
  return { simulator, login };
}

export function clientFor(simulator: Simulator, login: StaffLogin, balieConsumerKey = 'balie-gent-centrum', extra: Partial<UitpasClientOptions> = {}) {
  return createUitpasClient({ prefix: simulator.prefix, consumer: demoConsumer, token: login.token, balieConsumerKey, ...extra });
}
