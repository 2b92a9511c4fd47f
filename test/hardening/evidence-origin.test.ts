/**
 * The hole of issue 13, driven end to end through the dispatcher with the real
 * services: a demo eID read (its made-up National Register is trusted for demo
 * reads, so it reads as verified), then Settings → production, log in,
 * register with the prefill. Production must receive verified=false. The
 * production server is a local stand-in that records what it receives; the
 * demo environment is the real simulator.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EidCard } from '../../electron/ipc/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createMainServices, type MainServices } from '../../electron/main-services';
import { environments } from '../../electron/settings/environments';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { cardNumber } from '../../electron/simulator/seed';
import { FakePcscContext } from '../support/fake-pcsc';
import { memoryCipher } from '../support/memory-cipher';
import { startProductionStandIn, type ProductionStandIn } from '../support/production-stand-in';

const productionPrefix = environments.production.prefix ?? '';

describe('eID evidence is bound to where it was read', () => {
  let production: ProductionStandIn;
  let services: MainServices;
  let ask: (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

  beforeAll(async () => {
    production = await startProductionStandIn();
    services = createMainServices({
      appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
      createPcscContext: () => new FakePcscContext(),
      trustAnchors: [],
      dataDirectory: mkdtempSync(join(tmpdir(), 'balie-evidence-')),
      secretCipher: memoryCipher(),
      showAuthorizePage: (url, callback) => (new URL(url).hostname === '127.0.0.1' ? authorizeAtSimulator(url) : production.authorize(url, callback)),
      fetch: production.fetchFor(productionPrefix),
      log: { warn: () => undefined },
    });
    const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
    ask = (channel, payload) => dispatch(channel, payload);
  });
  afterAll(async () => {
    await services.close();
    await production.close();
  });

  const readDemoCard = async (): Promise<EidCard> => {
    const complete = new Promise<EidCard>((resolve) => {
      const stop = services.events.subscribe((channel, payload) => {
        if (channel === 'eid:card' && (payload as EidCard).complete) {
          stop();
          resolve(payload as EidCard);
        }
      });
    });
    expect(await ask('eid:insertDemoCard', { person: 'jonas' })).toMatchObject({ ok: true });
    return complete;
  };

  const registration = (card: EidCard, uitpasNumber: string) => {
    const { name, firstName, secondName, inszNumber, dateOfBirth, gender, nationality, placeOfBirth, street, postalCode, city } = card.prefill;
    return { name, firstName, secondName, inszNumber, dateOfBirth: dateOfBirth ?? '', gender: gender ?? undefined, nationality, placeOfBirth, street, postalCode, city, uitpasNumber, eidReadId: card.readId };
  };

  it('in demo, a demo read vouches for its own prefill (the control: the path works)', async () => {
    expect(await ask('session:login')).toMatchObject({ ok: true });
    await ask('session:chooseBalie', { balieId: '101' });
    const card = await readDemoCard();
    expect(card.prefill.verified).toBe(true);
    expect(await ask('uitpas:registerPassholder', registration(card, cardNumber('09000', 5, false)))).toMatchObject({ ok: true, value: { verified: true } });
  });

  it('demo read → production → log in → register with the prefill: production receives verified=false', async () => {
    await ask('eid:removeDemoCard');
    const card = await readDemoCard();
    expect(card.prefill.verified).toBe(true);

    expect(await ask('settings:save', { environment: 'production', consumerKey: 'prod-key', consumerSecret: 'prod-secret' })).toMatchObject({
      ok: true,
      value: { environment: 'production', loggedIn: false },
    });
    expect(await ask('session:login')).toMatchObject({ ok: true, value: { loggedIn: true, balie: { id: '201' } } });
    const number = cardNumber('09000', 77, false);
    expect(await ask('uitpas:registerPassholder', registration(card, number))).toMatchObject({ ok: true, value: { verified: false } });

    const sent = production.received.filter((request) => request.path === 'uitpas/passholder/register');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.form.get('verified')).toBe('false');
    expect(sent[0]?.form.get('inszNumber')).toBe(card.prefill.inszNumber);
  });

  it('outside demo the demo eID cannot even be read', async () => {
    expect(await ask('eid:insertDemoCard', { person: 'zoe' })).toMatchObject({ ok: false, error: { code: 'demo-only' } });
  });
});
