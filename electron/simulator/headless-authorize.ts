/**
 * Presses the simulator's "log in" button over HTTP: the demo login where no
 * login window can be shown (the browser host, tests). Only ever pointed at
 * the simulator, which asks for no password.
 */
export async function authorizeAtSimulator(authorizeUrl: string): Promise<string> {
  if (new URL(authorizeUrl).hostname !== '127.0.0.1') throw new Error('only the local simulator is authorized without a login window');
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`authorize page: HTTP ${page.status}`);
  const token = /name="oauth_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const prefix = authorizeUrl.slice(0, authorizeUrl.indexOf('/auth/authorize'));
  const answer = await fetch(`${prefix}/auth/authorize`, {
    method: 'POST',
    body: new URLSearchParams({ oauth_token: token }),
    redirect: 'manual',
  });
  return answer.headers.get('location') ?? '';
}
