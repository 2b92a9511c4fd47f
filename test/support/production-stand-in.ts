/**
 * A local HTTP stand-in for a real UiTiD environment (production, in the
 * evidence test): it answers the login and the few UiTPAS calls a registration
 * needs, in the shapes the API documents, and records every request it gets,
 * so a test can read exactly what "production" received. It checks no
 * signature: the simulator does that for the demo environment; this stand-in
 * exists because the client signs for https://www.uitid.be, a URL no local
 * server can verify. Shapes: /work/shared/reference/uitpas-xml-api.md (login
 * §"requestToken/accessToken", balie/list §4.6, passholder/register (a)).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

export interface ProductionStandIn {
  origin: string;
  received: ReceivedRequest[];
  /** A fetch that sends requests for `realPrefix` here instead; anything else (the demo simulator) goes where it was going. */
  fetchFor(realPrefix: string): typeof fetch;
  /** What the login window would end on: UiTiD's redirect to the app's callback. */
  authorize(authorizeUrl: string, callbackUrl: string): Promise<string>;
  close(): Promise<void>;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`;

export async function startProductionStandIn(): Promise<ProductionStandIn> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const path = url.pathname.replace(/^\/uitid\/rest\//, '');
      received.push({ method: request.method ?? 'GET', path, form });
      const answer = (status: number, type: string, body: string) => {
        response.writeHead(status, { 'Content-Type': type });
        response.end(body);
      };
      if (path === 'requestToken') return answer(200, 'application/x-www-form-urlencoded', 'oauth_token=prod-request&oauth_token_secret=prod-request-secret&oauth_callback_confirmed=true');
      if (path === 'accessToken') return answer(200, 'application/x-www-form-urlencoded', 'userId=prod-staff-1&oauth_token=prod-access&oauth_token_secret=prod-access-secret');
      if (path === 'uitpas/balie/list') {
        return answer(200, 'application/xml', xml('<response><balies><balie><id>201</id><consumerKey>prod-balie</consumerKey><name>Balie Productie</name><role>member</role><cardSystems><cardSystem><id>1</id><name>UiTPAS Gent</name><permissions><permission>registratie</permission></permissions><groups/></cardSystem></cardSystems></balie></balies></response>'));
      }
      if (path === 'uitpas/passholder/register') {
        return answer(200, 'application/xml', xml(`<response><message>prod-passholder-1</message><resource>/uitpas/passholder/${form.get('uitpasNumber') ?? ''}</resource></response>`));
      }
      answer(404, 'text/plain', 'not part of the stand-in');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    fetchFor: (realPrefix) => (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const realOrigin = new URL(realPrefix).origin;
      if (!url.startsWith(realOrigin)) return fetch(input, init);
      return fetch(`${origin}${url.slice(realOrigin.length)}`, init);
    },
    authorize: (_authorizeUrl, callbackUrl) => Promise.resolve(`${callbackUrl}?oauth_token=prod-request&oauth_verifier=prod-verifier`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
