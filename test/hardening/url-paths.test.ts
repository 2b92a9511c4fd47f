/**
 * No value reaches a URL path as anything but one segment: the client refuses
 * "." and ".." (URL parsing would resolve them and re-route a signed POST) and
 * percent-encodes the rest, checked against a server that records every path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUitpasClient, pathSegment } from '../../electron/uitpas/client';

describe('URL path segments', () => {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'application/xml' });
    response.end('<?xml version="1.0"?><response><code>ACTION_SUCCEEDED</code><message>ok</message></response>');
  });
  let prefix = '';
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    prefix = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uitid/rest`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const client = () => createUitpasClient({ prefix, consumer: { key: 'k', secret: 's' }, token: { key: 't', secret: 'u' }, balieConsumerKey: 'b' });

  it.each(['..', '.', ''])('refuses %j as a segment, before anything is sent', async (value) => {
    expect(() => pathSegment(value)).toThrow(RangeError);
    await expect(client().updateCardSystemData(value, '1', { kansenStatuutEndDate: '2027-04-30' })).rejects.toThrow(RangeError);
    await expect(client().updatePassholder(value, {})).rejects.toThrow(RangeError);
    expect(paths).toEqual([]);
  });

  it('keeps "/", "?" and encoded dots inside their segment', async () => {
    await client().updateCardSystemData('a/../b?x=1', '%2e%2e', { kansenStatuutEndDate: '2027-04-30' });
    expect(paths.at(-1)).toBe('/uitid/rest/uitpas/passholder/a%2F..%2Fb%3Fx%3D1/%252e%252e');
  });
});
