/**
 * The support report over the real services: readers with their roles, the reader test (card kind, APDU
 * count, time), UiTPAS and UiTiD tried through the transport (latency, proxy, clock), the last failures as
 * codes. And nothing personal: after an eID read, a demo card, a UiTiD v2 login and a failed look-up, the
 * report (as data and as the text "Copy report" and --diagnose give) holds no national number, name,
 * address, photo, card number or account.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EidCard, SupportReport } from '../../electron/ipc/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createMainServices } from '../../electron/main-services';
import { PolicySource } from '../../electron/settings/policy-source';
import { demoEmployee } from '../../electron/simulator/seed';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { testTrustAnchors, virtualCard } from '../support/card-fixtures';
import { FakePcscContext, fakeConnectCard } from '../support/fake-pcsc';
import { memoryCipher } from '../support/memory-cipher';

/** A system browser that loads the authorize page and follows its redirect back to the loopback listener. */
async function browser(url: string): Promise<void> {
  const page = await fetch(url, { redirect: 'manual' });
  const location = page.headers.get('location');
  if (location) await fetch(location);
}

describe('the support report', () => {
  it('says what support needs, and nothing about the citizen or the staff member', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balie-support-'));
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc', 'policy.json'), JSON.stringify({ readerRoles: { eidreader: ['Reader A'], nfcreader: ['Reader B'] }, logLevel: 'info' }));
    const policy = new PolicySource(join(root, 'etc', 'policy.json'));
    await policy.load();
    const context = new FakePcscContext();
    const copied: string[] = [];
    const services = createMainServices({
      appInfo: { name: 'UiTPAS Balie', version: '1.2.3', platform: 'linux', host: 'browser' },
      createPcscContext: () => context,
      connectCard: fakeConnectCard(() => [context]),
      trustAnchors: testTrustAnchors(),
      dataDirectory: join(root, 'data'),
      policy,
      secretCipher: memoryCipher(),
      showAuthorizePage: () => Promise.reject(new Error('v2 only')),
      openInSystemBrowser: browser,
      copyText: (text) => {
        copied.push(text);
        return Promise.resolve();
      },
      logFile: join(root, 'logs', 'support.log'),
      log: { warn: () => undefined },
    });
    const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
    const cards: EidCard[] = [];
    services.events.subscribe((channel, payload) => {
      if (channel === 'eid:card' && (payload as EidCard).complete) cards.push(payload as EidCard);
    });

    const reader = context.addReader('Reader A');
    context.addReader('Reader B');
    reader.insertCard(virtualCard());
    await expect.poll(() => cards.length, { timeout: 10_000 }).toBe(1);
    expect(await dispatch('session:login', undefined)).toMatchObject({ ok: true, value: { account: demoEmployee.email } });
    expect(await dispatch('eid:insertDemoCard', { person: 'zoe' })).toEqual({ ok: true, value: null });
    await expect.poll(() => cards.length, { timeout: 10_000 }).toBe(2);
    expect(await dispatch('uitpas:getCard', { uitpasNumber: '0900000000017' })).toMatchObject({ ok: false, error: { code: 'no-balie' } });

    const answer = await dispatch('support:getReport', { probe: true, copy: true });
    if (!answer.ok) throw new Error(answer.error.code);
    const { report, text, copied: wasCopied } = answer.value as { report: SupportReport; text: string; copied: boolean };

    expect(report).toMatchObject({ app: { version: '1.2.3', host: 'browser' }, environment: 'demo', login: 'uitid-v2', loggedIn: true, readerService: 'running' });
    expect(report.versions.node).toBe(process.versions.node);
    expect(report.sources).toMatchObject({ readerRoles: 'policy', logLevel: 'policy', environment: 'default' });
    expect(report.readers).toEqual([
      { name: 'Reader A', role: 'eidreader', cardPresent: true },
      { name: 'Reader B', role: 'nfcreader', cardPresent: false },
    ]);
    const [demoRead, pcscRead] = report.reads;
    expect(pcscRead).toMatchObject({ reader: 'Reader A', cardKind: 'eid', outcome: 'read' });
    expect(pcscRead?.apdus).toBeGreaterThan(10);
    expect(pcscRead?.ms).toBeGreaterThanOrEqual(0);
    expect(demoRead).toMatchObject({ reader: 'Demo-eID (oefenkaart)', cardKind: 'eid', apdus: null, outcome: 'read' });
    expect(report.network.map(({ target, reachable, proxy }) => ({ target, reachable, proxy }))).toEqual([
      { target: 'uitpas', reachable: true, proxy: 'DIRECT (Node fetch)' },
      { target: 'uitid', reachable: true, proxy: 'DIRECT (Node fetch)' },
    ]);
    expect(Math.abs(report.network[0]?.clockOffsetSeconds ?? 99)).toBeLessThan(5);
    expect(report.failures[0]).toMatchObject({ channel: 'uitpas:getCard', code: 'no-balie' });
    expect(wasCopied).toBe(true);
    expect(copied).toEqual([text]);
    expect(text).toContain('reader: Reader A [eidreader] card present');
    expect(text).toMatch(/uitpas: http:\/\/127\.0\.0\.1:\d+ reachable, HTTP \d+ in \d+ ms, proxy DIRECT/);

    const jonas = virtualPeople.jonas;
    const zoe = virtualPeople.zoe;
    const photo = cards[0]?.photo?.jpegBase64.slice(100, 140) ?? 'no photo';
    const personal = [
      ...[jonas, zoe].flatMap((person) => [
        person.nationalNumber,
        person.nationalNumber.slice(0, 6),
        person.surname,
        ...person.firstNames.split(' '),
        person.street,
        person.municipality,
        person.cardNumber,
        person.birthDate,
      ]),
      photo,
      '0900000000017',
      demoEmployee.email,
      demoEmployee.name,
      demoEmployee.uid,
      demoEmployee.nick,
    ];
    await services.close();
    // The support log at the policy's level (info): the start, the reads, the failure; codes and timings only.
    const log = readFileSync(join(root, 'logs', 'support.log'), 'utf8');
    expect(log).toMatch(/ info app-start version=1\.2\.3 host=browser policy=valid\n/);
    expect(log).toMatch(/ info read kind=eid apdus=\d+ ms=\d+\n/);
    expect(log).toMatch(/ warn failure channel=uitpas:getCard code=no-balie ms=\d+\n/);
    for (const shown of [JSON.stringify(report), text, log]) {
      for (const secret of personal) expect(shown.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
  });

  it('with a broken policy: still answers, names the problem, and tries no network', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balie-support-'));
    writeFileSync(join(root, 'policy.json'), '{"environment": "always"}');
    const policy = new PolicySource(join(root, 'policy.json'));
    await policy.load();
    const services = createMainServices({
      appInfo: { name: 'UiTPAS Balie', version: '1.2.3', platform: 'linux', host: 'browser' },
      createPcscContext: () => new FakePcscContext(),
      trustAnchors: [],
      dataDirectory: join(root, 'data'),
      policy,
      secretCipher: memoryCipher(),
      showAuthorizePage: () => Promise.reject(new Error('no login')),
      fetch: () => Promise.reject(new Error('nothing may be sent')),
      log: { warn: () => undefined },
    });
    const answer = await createDispatcher(services.handlers)('support:getReport', { probe: true });
    expect(answer).toMatchObject({ ok: true, value: { report: { policy: { status: 'broken', problem: { key: 'environment', problem: 'wrong-value' } }, network: [] }, copied: false } });
    expect((answer as { value: { text: string } }).value.text).toContain('network: not tried');
    await services.close();
  });
});
