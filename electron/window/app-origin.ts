/**
 * Where the app's own page lives. The packaged app serves the built renderer
 * through the privileged `app://balie/` scheme; IPC is only answered for a
 * top-level frame whose URL is on this origin.
 */
export const appScheme = 'app';
export const appHost = 'balie';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
