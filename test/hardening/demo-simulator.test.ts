/**
 * The demo simulator (issue 19, item 1): it held whatever was typed or read in
 * demo, answered any request, under any Host, signed with a secret anyone
 * could read in the source, and ran on after the app left demo. Now it
 * answers only under 127.0.0.1:<its port>, its consumer secret is new each
 * run and known to main alone, and it stops, state and all, when the app
 * leaves demo.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { cardNumber, demoConsumerKey } from '../../electron/simulator/seed';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { authorizationHeader } from '../../electron/uitpas/signing';
import { testServices } from '../support/test-services';

/** The secret the seed used to publish: what a hostile page would sign with. */
const publishedSecret = { key: demoConsumerKey, secret: 'demo-consumer-secret' };

/** A GET with the Host header of our choosing (fetch would set its own). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the demo simulator on its own', () => {
  let simulator: Simulator;
  let host: string;
  beforeAll(async () => {
    simulator = await startSimulator();
    host = new URL(simulator.prefix).host;
  });
  afterAll(() => simulator.close());

  const everyone = () => `${simulator.prefix}/uitpas/passholder/search?name=${encodeURIComponent('*')}`;
  const signed = (url: string, consumer = simulator.consumer) => authorizationHeader(consumer, null, { method: 'GET', url });

  it('answers a DNS-rebinding request (a foreign Host) with 421 and no data, even when correctly signed', async () => {
    for (const foreign of ['attacker.example', `attacker.example:${new URL(simulator.prefix).port}`, `localhost:${new URL(simulator.prefix).port}`, '127.0.0.1']) {
      const answer = await get(everyone(), { host: foreign, authorization: signed(everyone()) });
      expect(answer, foreign).toEqual({ status: 421, body: 'Verkeerde host.' });
    }
    const login = await get(`${simulator.prefix}/auth/authorize?oauth_token=x`, { host: 'attacker.example' });
    expect(login.status).toBe(421);
    const oidc = await get(`${simulator.issuer}/.well-known/openid-configuration`, { host: 'attacker.example' });
    expect(oidc.status).toBe(421);
    // The same request under its own name is answered: the Host alone made the difference.
    const own = await get(everyone(), { host, authorization: signed(everyone()) });
    expect(own.status).toBe(200);
    expect(own.body).toContain('<inszNumber>');
  });

  it('refuses requests signed with the secret the seed used to publish', async () => {
    const listing = await get(everyone(), { host, authorization: signed(everyone(), publishedSecret) });
    expect(listing.status).toBe(401);
    // Nor can a staff token be fetched with it: the login's first leg is refused too.
    const url = `${simulator.prefix}/requestToken`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: authorizationHeader(publishedSecret, null, { method: 'POST', url, body: { oauth_callback: 'http://127.0.0.1:1/cb' } }), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_callback: 'http://127.0.0.1:1/cb' }).toString(),
    });
    expect(response.status).toBe(401);
  });

  it('draws a new consumer secret each run', async () => {
    const other = await startSimulator();
    try {
      expect(other.consumer.key).toBe(simulator.consumer.key);
      expect(other.consumer.secret).not.toBe(simulator.consumer.secret);
      expect(simulator.consumer.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(simulator.consumer.secret).not.toBe(publishedSecret.secret);
    } finally {
      await other.close();
    }
  });
});

describe('the demo simulator in the app', () => {
  const demos: Simulator[] = [];
  const services = testServices('demo-life', {
    startDemoSimulator: async () => {
      const simulator = await startSimulator();
      demos.push(simulator);
      return simulator;
    },
  });
  const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
  afterAll(() => services.close());

  const ok = async (channel: string, payload?: unknown) => {
    const result = await dispatch(channel, payload);
    expect(result, channel).toMatchObject({ ok: true });
    return (result as { value: unknown }).value;
  };
  const practice = { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: cardNumber('09000', 3, false) };

  it('stops the simulator when the app leaves demo, and what it held goes with it', async () => {
    await ok('session:get');
    expect(demos).toHaveLength(0);
    await ok('session:login');
    await ok('session:chooseBalie', { balieId: '101' });
    await ok('uitpas:registerPassholder', practice);
    expect(await ok('uitpas:findPassholders', { query: practice.inszNumber })).toHaveLength(1);
    const [first] = demos;
    if (!first) throw new Error('demo started');

    await ok('settings:save', { environment: 'test', consumerKey: 'test-key', consumerSecret: 'test-secret' });
    // Nothing listens there any more.
    await expect(fetch(`${first.prefix}/uitpas/passholder/search?name=*`)).rejects.toThrow();

    await ok('settings:save', { environment: 'demo' });
    await ok('session:login');
    await ok('session:chooseBalie', { balieId: '101' });
    expect(demos).toHaveLength(2);
    expect(demos[1]?.consumer.secret).not.toBe(first.consumer.secret);
    expect(await ok('uitpas:findPassholders', { query: practice.inszNumber })).toEqual([]);
  });
});
