/**
 * Serves the built renderer on app://balie/, with the security headers, instead
 * of file:// (which would give the page access to the whole disk's origin).
 */
import { protocol } from 'electron';
import { appHost, appScheme } from './app-origin';
import { securityHeaders } from './csp';
import { readStaticFile } from './static-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost && request.method === 'GET' ? await readStaticFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response(null, { status: 404, headers: securityHeaders });
    return new Response(new Uint8Array(file.body), {
      headers: { ...securityHeaders, 'Content-Type': file.contentType },
    });
  });
}
