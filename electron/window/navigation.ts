/**
 * Where the app may send the user. The main window never navigates away from
 * the app; links to these hosts open in the system browser, anything else is
 * dropped. UiTiD's login pages are not here: they only ever open in the
 * dedicated login window.
 */
const externalLinkHosts: ReadonlySet<string> = new Set(['www.uitpas.be', 'help.uitpas.be', 'www.uitinvlaanderen.be']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && externalLinkHosts.has(parsed.host) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * The login window shows UiTiD's pages only: the authorize page's own origin
 * (the simulator's, in demo) and UiTiD's https hosts it may pass through.
 */
export function isLoginPageUrl(url: string, authorizeUrl: string): boolean {
  try {
    const target = new URL(url);
    if (target.username || target.password) return false;
    if (target.origin === new URL(authorizeUrl).origin) return true;
    return target.protocol === 'https:' && (target.hostname === 'uitid.be' || target.hostname.endsWith('.uitid.be'));
  } catch {
    return false;
  }
}
