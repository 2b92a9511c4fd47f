/**
 * Writes that survive: settings written atomically (0600) and an unreadable
 * file reported instead of silently reset; writes to UiTPAS ordered per pass
 * holder and card, a duplicate in flight refused, and an unknown outcome kept
 * on disk across a restart until a look-up settles it. All against the real
 * services, the simulator, and a network that drops answers on purpose.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createMainServices } from '../../electron/main-services';
import { PendingOutcomes } from '../../electron/uitpas/pending-outcomes';
import { SecretStore } from '../../electron/settings/secret-store';
import { defaultSettings, SettingsStore } from '../../electron/settings/settings-store';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { cardNumber, seedPassholder } from '../../electron/simulator/seed';
import { WriteGate } from '../../electron/uitpas/write-gate';
import { noReaderRoles } from '../../electron/cards/reader-roles';
import { FakePcscContext } from '../support/fake-pcsc';
import { memoryCipher } from '../support/memory-cipher';

const posix = process.platform !== 'win32';

describe('settings file', () => {
  it('is written whole, readable by this user only, with no temporary file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-settings-'));
    const store = new SettingsStore(join(dir, 'settings.json'));
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.save({ environment: 'test', language: 'nl', consumerKey: `key-${index}`, balie: null, readerRoles: noReaderRoles, uitidV2: null })));
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ environment: 'test' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    if (posix) expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['broken JSON', '{"environment": "production", '],
    ['an unknown environment', '{"environment": "prod"}'],
    ['not an object', '"production"'],
  ])('with %s: falls back to demo, says so, and keeps the file aside', async (_name, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-settings-'));
    writeFileSync(join(dir, 'settings.json'), content);
    const store = new SettingsStore(join(dir, 'settings.json'));
    expect(await store.load()).toMatchObject({ environment: 'demo' });
    expect(store.wasUnreadable).toBe(true);
    expect(readFileSync(join(dir, 'settings.json.unreadable'), 'utf8')).toBe(content);
    await store.save({ ...defaultSettings, environment: 'production', consumerKey: 'k' });
    expect(store.wasUnreadable).toBe(false);
  });

  it('a first start (no file) is demo without a warning', async () => {
    const store = new SettingsStore(join(mkdtempSync(join(tmpdir(), 'balie-settings-')), 'settings.json'));
    expect(await store.load()).toMatchObject({ environment: 'demo' });
    expect(store.wasUnreadable).toBe(false);
  });

  it('the page is told through the session view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-settings-'));
    writeFileSync(join(dir, 'settings.json'), '\u0000\u0000');
    const services = servicesIn(dir);
    const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
    expect(await dispatch('session:get', undefined)).toMatchObject({ ok: true, value: { environment: 'demo', settingsUnreadable: true } });
    expect(await dispatch('settings:save', { environment: 'demo' })).toMatchObject({ ok: true, value: { environment: 'demo' } });
    expect(await dispatch('session:get', undefined)).not.toMatchObject({ value: { settingsUnreadable: true } });
    await services.close();
  });
});

describe('write gate', () => {
  const later = () => {
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    return { done, finish };
  };

  it('refuses the very same write while it is on its way, and lets it through afterwards', async () => {
    const gate = new WriteGate();
    const first = later();
    const running = gate.write(['card:1'], 'register 1', () => first.done);
    await expect(gate.write(['card:1'], 'register 1', () => Promise.resolve())).rejects.toMatchObject({ error: { code: 'duplicate-in-flight' } });
    expect(gate.writesInFlight).toBe(1);
    first.finish();
    await running;
    await expect(gate.write(['card:1'], 'register 1', () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('runs writes for the same pass holder or card one after another, others side by side', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const first = later();
    const a = gate.write(['uid:x', 'card:1'], 'a', async () => {
      order.push('a starts');
      await first.done;
      order.push('a ends');
    });
    const b = gate.write(['uid:x'], 'b', () => Promise.resolve(void order.push('b runs')));
    const c = gate.write(['uid:y'], 'c', () => Promise.resolve(void order.push('c runs')));
    await c;
    expect(order).toEqual(['a starts', 'c runs']);
    first.finish();
    await Promise.all([a, b]);
    expect(order).toEqual(['a starts', 'c runs', 'a ends', 'b runs']);
  });

  it('holds writes back while the session changes, and the change waits for writes on their way', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const write = later();
    const w1 = gate.write(['card:1'], 'w1', async () => {
      await write.done;
      order.push('w1');
    });
    const change = gate.changeSession(() => Promise.resolve(void order.push('change')));
    const w2 = gate.write(['card:2'], 'w2', () => Promise.resolve(void order.push('w2')));
    write.finish();
    await Promise.all([w1, change, w2]);
    expect(order).toEqual(['w1', 'change', 'w2']);
  });
});

function servicesIn(dataDirectory: string, fetchImpl?: typeof fetch) {
  return createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory,
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    fetch: fetchImpl,
    log: { warn: () => undefined },
  });
}

describe('two quick submits through the dispatcher', () => {
  it('the same registration twice at once reaches UiTPAS once; another one for the same card waits its turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-double-'));
    const posts: string[] = [];
    const network: typeof fetch = (input, init) => {
      if (init?.method === 'POST') posts.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    };
    const services = servicesIn(dir, network);
    const ask = createDispatcher(services.handlers, { warn: () => undefined });
    await ask('session:login', undefined);
    await ask('session:chooseBalie', { balieId: '101' });
    const card = cardNumber('09000', 8, false);
    const person = { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: card };
    const before = posts.length;
    const [first, second, other] = await Promise.all([
      ask('uitpas:registerPassholder', person),
      ask('uitpas:registerPassholder', person),
      ask('uitpas:registerPassholder', { ...person, city: 'Berchem' }),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'duplicate-in-flight' } });
    // Sent after the first had its answer: UiTPAS refuses it (the card and the INSZ are taken), nothing is doubled.
    expect(other).toMatchObject({ ok: false, error: { code: 'uitpas-rejected' } });
    expect(posts.slice(before).filter((url) => url.endsWith('/uitpas/passholder/register'))).toHaveLength(2);
    await services.close();
  });
});

describe('an unknown outcome survives a restart until it is looked up', () => {
  it('refuses to send again after a lost answer, across a restart, until a look-up; the file holds no personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-outcome-'));
    // The registration reaches the simulator, but its answer is lost on the way back.
    let loseAnswers = false;
    const network: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (loseAnswers && init?.method === 'POST') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    };
    const card = cardNumber('09000', 7, false);
    const person = { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: card };

    const first = servicesIn(dir, network);
    const ask = createDispatcher(first.handlers, { warn: () => undefined });
    await ask('session:login', undefined);
    await ask('session:chooseBalie', { balieId: '101' });
    loseAnswers = true;
    expect(await ask('uitpas:registerPassholder', person)).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    loseAnswers = false;
    await first.close();

    const stored = readFileSync(join(dir, 'pending-outcomes.json'), 'utf8');
    expect(JSON.parse(stored)).toEqual([{ key: `card:${card}`, operation: 'uitpas:registerPassholder', since: expect.any(String), environment: 'demo', balie: 'balie-gent-centrum' }]);
    for (const personal of [person.name, person.firstName, person.inszNumber, person.dateOfBirth, person.city]) expect(stored).not.toContain(personal);
    if (posix) expect(statSync(join(dir, 'pending-outcomes.json')).mode & 0o777).toBe(0o600);

    const second = servicesIn(dir, network);
    const again = createDispatcher(second.handlers, { warn: () => undefined });
    await again('session:login', undefined);
    await again('session:chooseBalie', { balieId: '101' });
    expect(await again('uitpas:registerPassholder', person)).toMatchObject({ ok: false, error: { code: 'outcome-unknown', outcomeUnknown: true } });
    // The look-up settles it (the demo simulator starts afresh with the app, so here it finds nobody); then staff may send again.
    expect(await again('uitpas:findPassholders', { query: card })).toMatchObject({ ok: true, value: [] });
    expect(await new PendingOutcomes(join(dir, 'pending-outcomes.json')).list()).toEqual([]);
    expect(await again('uitpas:registerPassholder', person)).toMatchObject({ ok: true });
    await second.close();
  });

  it('a look-up settles only what was noted before it went out: a write noted while it was on its way stays', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'balie-outcome-')), 'pending-outcomes.json');
    let clock = new Date('2026-12-07T10:00:00Z');
    const pending = new PendingOutcomes(file, () => clock);
    const here = { environment: 'demo', balie: 'key-101' };
    await pending.note(here, ['card:0900000000100'], 'visit:checkin');
    const lookUpSent = new Date('2026-12-07T10:00:05Z');
    clock = new Date('2026-12-07T10:00:06Z');
    await pending.note(here, ['card:0900000000201'], 'visit:buyTicket');
    await pending.settle(here, ['card:0900000000100', 'card:0900000000201'], lookUpSent);
    expect((await pending.list()).map((entry) => entry.key)).toEqual(['card:0900000000201']);
  });

  it('a definite answer strikes the note: nothing is kept after a success or a refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-outcome-'));
    const services = servicesIn(dir);
    const ask = createDispatcher(services.handlers, { warn: () => undefined });
    await ask('session:login', undefined);
    await ask('session:chooseBalie', { balieId: '101' });
    expect(await ask('uitpas:updateCardSystemData', { uid: seedPassholder.uid, cardSystemId: '1', kansenStatuutEndDate: '2099-12-31' })).toMatchObject({ ok: false });
    expect(await new PendingOutcomes(join(dir, 'pending-outcomes.json')).list()).toEqual([]);
    await services.close();
  });
});

describe('secret store', () => {
  it('encrypts a secret again when the OS hints so on reading it, atomically and 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-secrets-'));
    let generation = 1;
    const cipher = {
      unavailableReason: () => Promise.resolve(null),
      encrypt: (plain: string) => Promise.resolve(Buffer.from(`v${generation}:${plain}`)),
      // Data of an older key generation decrypts, with the hint to encrypt it again.
      decrypt: (data: Buffer) => {
        const [version, ...rest] = data.toString().split(':');
        return Promise.resolve({ result: rest.join(':'), shouldReEncrypt: version !== `v${generation}` });
      },
    };
    const store = new SecretStore(join(dir, 'secrets'), cipher);
    await store.write('accessToken', 'token-1');
    generation = 2;
    expect(await store.read('accessToken')).toBe('token-1');
    expect(readFileSync(join(dir, 'secrets', 'accessToken.bin'), 'utf8')).toBe('v2:token-1');
    expect(readdirSync(join(dir, 'secrets'))).toEqual(['accessToken.bin']);
    if (posix) expect(statSync(join(dir, 'secrets', 'accessToken.bin')).mode & 0o777).toBe(0o600);
  });
});
