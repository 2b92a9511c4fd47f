/**
 * The staff login: OAuth 1.0a three-legged, against {prefix}/requestToken,
 * {prefix}/auth/authorize and {prefix}/accessToken. Showing the authorize page
 * is the caller's (the Electron login window; a headless stand-in in tests).
 */
import { UitpasBadResponseError, UitpasLoginRequiredError } from './errors';
import { authorizationHeader, type Credentials } from './signing';
import { clockOffsetSeconds, readCapped, transportFailure, type HttpTransport } from './transport';

/** Never resolves on any network (RFC 2606): the login window catches the redirect before it is loaded. */
export const loginCallbackUrl = 'https://uitpas-balie.invalid/login-callback';

export class LoginCancelledError extends Error {
  constructor() {
    // For developers only: the page words the contract code login-cancelled.
    super('the staff member closed the login window');
    this.name = 'LoginCancelledError';
  }
}

export interface LoginFlowOptions {
  prefix: string;
  consumer: Credentials;
  /** Shows the authorize page and resolves with the callback URL it was redirected to, or rejects when the employee gives up. */
  showAuthorizePage(authorizeUrl: string, callbackUrl: string): Promise<string>;
  fetch?: HttpTransport;
}

export interface StaffLogin {
  token: Credentials;
  /** The employee's UiTiD uid: balie/list takes it. */
  userId: string;
  /** The UiTiD account as staff know it (e-mail or name, from UiTiD v2's ID token), for the top bar; v1 gives none. */
  account?: string;
}

export async function loginWithUitid(options: LoginFlowOptions): Promise<StaffLogin> {
  const doFetch = options.fetch ?? fetch;
  const postSigned = async (path: string, token: Credentials | null, oauthParams: Record<string, string>) => {
    const url = `${options.prefix}/${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          Authorization: authorizationHeader(options.consumer, token, { method: 'POST', url, oauthParams }),
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      // Nothing the login sends changes anything at UiTPAS: never an unknown outcome.
      throw transportFailure(error, false);
    }
    // A token answer is a few hundred bytes; a redirect is never followed.
    if (response.status >= 300 && response.status < 400) throw new UitpasBadResponseError(response.status, false, 'redirect');
    const text = await readCapped(response, false, 64 * 1024);
    if (response.status === 401) throw new UitpasLoginRequiredError(/oauth_problem=([a-z_]+)/.exec(text)?.[1] ?? 'unauthorized', clockOffsetSeconds(response));
    const values = new URLSearchParams(text);
    if (response.status !== 200 || !values.get('oauth_token') || !values.get('oauth_token_secret')) {
      throw new UitpasBadResponseError(response.status, false);
    }
    return values;
  };

  const request = await postSigned('requestToken', null, { oauth_callback: loginCallbackUrl });
  const requestToken = { key: request.get('oauth_token') ?? '', secret: request.get('oauth_token_secret') ?? '' };
  const authorizeUrl = `${options.prefix}/auth/authorize?${new URLSearchParams({ oauth_token: requestToken.key, lang: 'nl' }).toString()}`;
  const callback = new URL(await options.showAuthorizePage(authorizeUrl, loginCallbackUrl));
  const verifier = callback.searchParams.get('oauth_verifier');
  if (callback.searchParams.get('oauth_token') !== requestToken.key || !verifier) throw new LoginCancelledError();

  const access = await postSigned('accessToken', requestToken, { oauth_verifier: verifier });
  return {
    token: { key: access.get('oauth_token') ?? '', secret: access.get('oauth_token_secret') ?? '' },
    userId: access.get('userId') ?? '',
  };
}
