/**
 * The pass holder's record as the real counter keeps it, through main's handlers against the simulator:
 * opt-ins stored with their own call after register (SX PassHolderService::register) and kept for a retry when
 * that call fails; the eID photo uploaded by main from its own read, never for another person, never unticked;
 * a card blocked; the search with blocked pass holders and paging; `verified` on an update only for the pass
 * holder's own eID; a pending outcome bound to its environment and balie; an unreadable pending list.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EidCard, Passholder } from '../../../electron/ipc/contract';
import { createMainServices } from '../../../electron/main-services';
import { placeholderPhoto } from '../../../native/beid/virtual-card/placeholder-photo';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { readMultipart } from '../../../electron/simulator/multipart';
import { run } from '../../../electron/simulator/operation-core';
import { maxPictureBytes, uploadPicture } from '../../../electron/simulator/passholder-operations';
import { cardNumber, demoEmployee, seedPassholder, seedRecordPassholders } from '../../../electron/simulator/seed';
import { SimulatorState } from '../../../electron/simulator/state';
import { FakePcscContext } from '../../support/fake-pcsc';
import { dispatching } from '../../support/dispatching';
import { memoryCipher } from '../../support/memory-cipher';

const noOptIns = { optInServiceMails: false, optInMilestoneMails: false, optInInfoMails: false, optInSms: false, optInPost: false };
const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);

type Services = ReturnType<typeof createMainServices>;
const open: Services[] = [];
afterEach(async () => {
  for (const services of open.splice(0)) await services.close();
});

async function counter(options: { dir?: string; network?: typeof fetch } = {}) {
  const services = createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory: options.dir ?? mkdtempSync(join(tmpdir(), 'balie-record-')),
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    fetch: options.network,
    log: { warn: () => undefined },
  });
  open.push(services);
  const cards: EidCard[] = [];
  services.events.subscribe((channel, payload) => {
    if (channel === 'eid:card' && (payload as EidCard).complete) cards.push(payload as EidCard);
  });
  const { ask, value } = dispatching(services.handlers);
  await value('session:login');
  await value('session:chooseBalie', { balieId: '101' });
  /** Puts the demo eID of a made-up person through main's read path and gives the complete read. */
  const readEid = async (person: 'jonas' | 'zoe') => {
    const before = cards.length;
    await value('eid:insertDemoCard', { person });
    await vi.waitFor(() => expect(cards.length).toBeGreaterThan(before), { timeout: 10_000 });
    return cards.at(-1) as EidCard;
  };
  const find = async (query: string) => (await value<Passholder[]>('uitpas:findPassholders', { query }))[0];
  return { services, ask, value, readEid, find };
}

/** The person fields of an eID read, exactly as read. */
function identityOf(read: EidCard) {
  const { prefill } = read;
  return {
    name: prefill.name,
    firstName: prefill.firstName,
    ...(prefill.secondName ? { secondName: prefill.secondName } : {}),
    inszNumber: prefill.inszNumber,
    dateOfBirth: prefill.dateOfBirth ?? '',
    ...(prefill.gender ? { gender: prefill.gender } : {}),
    nationality: prefill.nationality,
    placeOfBirth: prefill.placeOfBirth,
    street: prefill.street,
    postalCode: prefill.postalCode,
    city: prefill.city,
  };
}

/** The register payload from an eID read, with a card. */
const fromRead = (read: EidCard, uitpasNumber: string) => ({ ...identityOf(read), uitpasNumber, legalTermsPaper: true, eidReadId: read.readId });

describe('opt-ins after register', () => {
  it('sends the chosen opt-ins with their own call, and the record shows them', async () => {
    const { value, find } = await counter();
    const registered = await value<{ optIns: string; uid: string }>('uitpas:registerPassholder', {
      name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen',
      uitpasNumber: gent(2), legalTermsPaper: true, email: 'aylin.kaya@example.org', optInInfoMails: true, optInPost: true,
    });
    expect(registered.optIns).toBe('stored');
    expect((await find(gent(2)))?.optInPreferences).toEqual({ ...noOptIns, optInInfoMails: true, optInPost: true });
  });

  it('when that call fails, the registration stands, is not sent again, and the choices are set by a retry', async () => {
    let failOptIns = true;
    const posts: string[] = [];
    const network: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST') posts.push(new URL(url).pathname);
      if (failOptIns && url.endsWith('/optinpreferences')) return new Response('Service Unavailable', { status: 503 });
      return fetch(input, init);
    };
    const { value, find } = await counter({ network });
    const chosen = { ...noOptIns, optInServiceMails: true, optInSms: true };
    const registered = await value<{ optIns: string; uid: string; uitpasNumber: string }>('uitpas:registerPassholder', {
      name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: gent(3), legalTermsPaper: true, email: 'aylin.kaya@example.org', gsm: '0470123456', ...chosen,
    });
    expect(registered.optIns).toBe('failed');
    expect((await find(gent(3)))?.optInPreferences).toEqual(noOptIns);
    failOptIns = false;
    expect(await value('uitpas:setOptInPreferences', { uid: registered.uid, uitpasNumber: registered.uitpasNumber, preferences: chosen })).toEqual(chosen);
    expect((await find(gent(3)))?.optInPreferences).toEqual(chosen);
    expect(posts.filter((path) => path.endsWith('/passholder/register'))).toHaveLength(1);
  });

  it('keeps every opt-in false under 16 by the record\'s birth date, whatever the page sends (issue 27 item 14)', async () => {
    const { value, ask } = await counter();
    const child = await value<{ uid: string; uitpasNumber: string }>('uitpas:registerPassholder', {
      name: 'Janssens', firstName: 'Mila', inszNumber: '12022012357', dateOfBirth: '2012-02-20', postalCode: '9000', city: 'Gent', uitpasNumber: gent(5), parentalConsent: true, legalTermsPaper: true,
    });
    // A page that claims an adult's birth date (the old payload) is refused; the record's date decides.
    expect(await ask('uitpas:setOptInPreferences', { uid: child.uid, dateOfBirth: '1962-06-01', preferences: { ...noOptIns, optInSms: true } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await value('uitpas:setOptInPreferences', { uid: child.uid, uitpasNumber: child.uitpasNumber, preferences: { ...noOptIns, optInSms: true } })).toEqual(noOptIns);
    // The adult's own opt-ins still go through, and a card of somebody else is no key to this record.
    expect(await value('uitpas:setOptInPreferences', { uid: seedPassholder.uid, uitpasNumber: gent(seedPassholder.cardSequence), preferences: { ...noOptIns, optInServiceMails: true } })).toEqual({ ...noOptIns, optInServiceMails: true });
    expect(await ask('uitpas:setOptInPreferences', { uid: seedPassholder.uid, uitpasNumber: child.uitpasNumber, preferences: noOptIns })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('opt-ins again after an update (SX PassHolderService::update)', () => {
  /** Every POST main makes, in order, with its form; optinpreferences fails while failOptIns is set. */
  function watched() {
    const posts: { path: string; form: Record<string, string> }[] = [];
    const state = { failOptIns: false };
    const network: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST') posts.push({ path: new URL(url).pathname, form: Object.fromEntries(new URLSearchParams(typeof init.body === 'string' ? init.body : '')) });
      if (state.failOptIns && url.endsWith('/optinpreferences')) return new Response('Service Unavailable', { status: 503 });
      return fetch(input, init);
    };
    return { posts, state, network };
  }
  const optInForm = (preferences: typeof noOptIns) => Object.fromEntries(Object.entries(preferences).map(([name, on]) => [name, String(on)]));
  // With an e-mail address and a mobile number: the mail and SMS opt-ins can reach her.
  const aylin = { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', email: 'aylin.kaya@example.org', gsm: '0470123400', legalTermsPaper: true };

  it('after the update, the record\'s own opt-ins go to optinpreferences of its uid, and stay as they were', async () => {
    const { posts, network } = watched();
    const { value, find } = await counter({ network });
    const chosen = { ...noOptIns, optInInfoMails: true, optInPost: true };
    const { uid } = await value<{ uid: string }>('uitpas:registerPassholder', { ...aylin, uitpasNumber: gent(2), ...chosen });
    posts.splice(0);
    expect(await value('uitpas:updatePassholder', { uitpasNumber: gent(2), fields: { gsm: '0470123456' } })).toEqual({ code: 'ACTION_SUCCEEDED', picture: 'not-sent', optIns: 'stored' });
    expect(posts.map(({ path }) => path.replace(/^.*\/uitpas\//, ''))).toEqual([`passholder/${gent(2)}`, `passholder/${uid}/optinpreferences`]);
    expect(posts[1]?.form).toMatchObject(optInForm(chosen));
    const record = await find(gent(2));
    expect(record).toMatchObject({ gsm: '0470123456', optInPreferences: chosen });
  });

  it('an update that takes away the e-mail address or the mobile number sends their opt-ins off (issue 27 item 5)', async () => {
    const { posts, network } = watched();
    const { value, find } = await counter({ network });
    await value('uitpas:registerPassholder', { ...aylin, uitpasNumber: gent(6), optInInfoMails: true, optInSms: true, optInPost: true });
    expect((await find(gent(6)))?.optInPreferences).toEqual({ ...noOptIns, optInInfoMails: true, optInSms: true, optInPost: true });
    posts.splice(0);
    expect(await value('uitpas:updatePassholder', { uitpasNumber: gent(6), fields: { email: '', gsm: '' } })).toMatchObject({ optIns: 'stored' });
    expect(posts[1]?.form).toMatchObject(optInForm({ ...noOptIns, optInPost: true }));
    expect((await find(gent(6)))?.optInPreferences).toEqual({ ...noOptIns, optInPost: true });
  });

  it('a page that sends mail or SMS opt-ins for someone who cannot get them gets them off, by the record (issue 27 item 5)', async () => {
    const { value } = await counter();
    const registered = await value<{ uid: string; uitpasNumber: string }>('uitpas:registerPassholder', {
      name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001229', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: gent(7), legalTermsPaper: true,
      optInServiceMails: true, optInSms: true, optInPost: true,
    });
    const all = { optInServiceMails: true, optInMilestoneMails: true, optInInfoMails: true, optInSms: true, optInPost: true };
    expect(await value('uitpas:setOptInPreferences', { uid: registered.uid, uitpasNumber: registered.uitpasNumber, preferences: all })).toEqual({ ...noOptIns, optInPost: true });
  });

  it('a birth date changed to under 16 sends every opt-in false', async () => {
    const { posts, network } = watched();
    const { value, find } = await counter({ network });
    await value('uitpas:registerPassholder', { ...aylin, uitpasNumber: gent(3), optInSms: true, optInServiceMails: true });
    posts.splice(0);
    expect(await value('uitpas:updatePassholder', { uitpasNumber: gent(3), fields: { dateOfBirth: '2015-03-01' } })).toMatchObject({ optIns: 'stored' });
    expect(posts[1]?.form).toMatchObject(optInForm(noOptIns));
    expect((await find(gent(3)))?.optInPreferences).toEqual(noOptIns);
  });

  it('when the follow-up fails, the update stands, is sent once, and the same opt-ins go by one retry', async () => {
    const { posts, state, network } = watched();
    const { value, find } = await counter({ network });
    const chosen = { ...noOptIns, optInMilestoneMails: true };
    const { uid } = await value<{ uid: string }>('uitpas:registerPassholder', { ...aylin, uitpasNumber: gent(4), ...chosen });
    posts.splice(0);
    state.failOptIns = true;
    const updated = await value<{ optIns: string; retry: unknown }>('uitpas:updatePassholder', { uitpasNumber: gent(4), fields: { city: 'Berchem', postalCode: '2600' } });
    expect(updated).toEqual({ code: 'ACTION_SUCCEEDED', picture: 'not-sent', optIns: 'failed', retry: { uid, uitpasNumber: gent(4), preferences: chosen } });
    expect(await find(gent(4))).toMatchObject({ city: 'Berchem', postalCode: '2600' });
    expect(posts.filter(({ path }) => path.endsWith(`/passholder/${gent(4)}`))).toHaveLength(1);
    state.failOptIns = false;
    expect(await value('uitpas:setOptInPreferences', updated.retry)).toEqual(chosen);
    expect(posts.filter(({ path }) => path.endsWith(`/passholder/${gent(4)}`))).toHaveLength(1);
  });
});

describe('the eID photo on the record', () => {
  it('main uploads the photo of its own read: the real JPEG of the test card, stored as read', async () => {
    const { value, readEid, find } = await counter();
    const read = await readEid('jonas');
    const registered = await value<{ picture: string; verified: boolean }>('uitpas:registerPassholder', { ...fromRead(read, gent(4)), storePhoto: true });
    expect(registered).toMatchObject({ picture: 'stored', verified: true });
    const stored = (await find(gent(4)))?.picture;
    expect(Buffer.from(stored ?? '', 'base64').equals(placeholderPhoto)).toBe(true);
  });

  it('not when staff unticked it, not for another person than the eID, not without a read', async () => {
    const { value, readEid, find } = await counter();
    const read = await readEid('jonas');
    expect(await value('uitpas:registerPassholder', { ...fromRead(read, gent(5)), storePhoto: false })).toMatchObject({ picture: 'not-sent' });
    expect((await find(gent(5)))?.picture).toBeUndefined();
    const other = await readEid('zoe');
    const someoneElse = { ...fromRead(other, gent(6)), inszNumber: '62000001229', name: 'Kaya', firstName: 'Aylin', dateOfBirth: '1962-06-01', gender: 'FEMALE', storePhoto: true };
    expect(await value('uitpas:registerPassholder', someoneElse)).toMatchObject({ picture: 'not-sent', verified: false });
    const typed = { ...identityOf(other), uitpasNumber: gent(7), legalTermsPaper: true, storePhoto: true };
    expect(await value('uitpas:registerPassholder', typed)).toMatchObject({ picture: 'not-sent' });
  });

  it('an update with a re-read eID of this pass holder is verified and stores the photo; another eID is neither', async () => {
    const { value, readEid, find } = await counter();
    const read = await readEid('jonas');
    await value('uitpas:registerPassholder', { ...fromRead(read, gent(8)), storePhoto: false });
    const again = await readEid('jonas');
    const fields = identityOf(again);
    expect(await value('uitpas:updatePassholder', { uitpasNumber: gent(8), fields, eidReadId: again.readId, storePhoto: true })).toEqual({ code: 'ACTION_SUCCEEDED', picture: 'stored', optIns: 'stored' });
    expect((await find(gent(8)))?.picture).toBeDefined();
    // Zoë's eID offered for Marie's record: her own fields match the read, but the record is not hers.
    const zoe = await readEid('zoe');
    const marieCard = gent(seedPassholder.cardSequence);
    const result = await value('uitpas:updatePassholder', { uitpasNumber: marieCard, fields: identityOf(zoe), eidReadId: zoe.readId, storePhoto: true }).catch((error: unknown) => error);
    // UiTPAS refuses a changed INSZ; whatever it answers, nothing was vouched for or uploaded.
    expect(result).not.toMatchObject({ picture: 'stored' });
    expect((await find(marieCard))?.picture).toBeUndefined();
  });
});

describe('block a card', () => {
  it('blocks once; a second time is INVALID_CARD_STATUS; the record shows the card blocked', async () => {
    const { ask, find } = await counter();
    const card = gent(seedPassholder.cardSequence);
    // The simulator answers as CF's test data does (block.xml), and main calls it a success.
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toEqual({ ok: true, value: { code: 'BLOCK_UITPAS_SUCCESS' } });
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { code: 'uitpas-rejected', apiCode: 'INVALID_CARD_STATUS' } });
    expect((await find(card))?.cardSystems[0]?.currentCard?.status).toBe('BLOCKED');
  });
});

describe('nothing read away', () => {
  it('the search includes blocked pass holders and pages with start and max', async () => {
    const { value } = await counter();
    const blocked = seedRecordPassholders.find((holder) => holder.card.status === 'BLOCKED');
    const found = await value<{ total: number; passholders: Passholder[] }>('uitpas:searchPassholders', { name: blocked?.name });
    expect(found.passholders.map((holder) => [holder.uid, holder.blocked])).toEqual([[blocked?.uid, true]]);
    const all = await value<{ total: number; passholders: Passholder[] }>('uitpas:searchPassholders', { postalCode: '9000' });
    const second = await value<{ total: number; passholders: Passholder[] }>('uitpas:searchPassholders', { postalCode: '9000', start: 1, max: 1 });
    expect(all.total).toBeGreaterThan(2);
    expect(second).toMatchObject({ total: all.total, passholders: [{ uid: all.passholders[1]?.uid }] });
  });

  it('a kansenstatuut in its grace period, a suspended one, remarks and the card system status reach the page', async () => {
    const { find } = await counter();
    const [grace, , suspended] = seedRecordPassholders;
    const inGrace = await find(grace?.inszNumber ?? '');
    expect(inGrace?.moreInfo).toBe(grace?.moreInfo);
    expect(inGrace?.cardSystems[0]).toMatchObject({ kansenStatuut: true, kansenStatuutExpired: true, kansenStatuutInGracePeriod: true, status: 'ACTIVE' });
    expect((await find(suspended?.inszNumber ?? ''))?.cardSystems[0]?.kansenStatuutSuspendedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('pending outcomes belong to their environment and balie', () => {
  it('a look-up at another balie does not clear it; one at the balie it was sent from does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-scope-'));
    let loseAnswers = false;
    const network: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (loseAnswers && init?.method === 'POST') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    };
    const { ask, value } = await counter({ dir, network });
    const card = gent(seedPassholder.cardSequence);
    loseAnswers = true;
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    loseAnswers = false;
    await value('session:chooseBalie', { balieId: '102' });
    await value('uitpas:findPassholders', { query: card });
    await value('session:chooseBalie', { balieId: '101' });
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    await value('uitpas:findPassholders', { query: card });
    // Settled here: the block had reached UiTPAS, so a second one is refused by UiTPAS itself, not by the app.
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { code: 'uitpas-rejected', apiCode: 'INVALID_CARD_STATUS' } });
  });

  it('a slow look-up sent at another balie does not clear the note after staff switched back (issue 27 item 10)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-slow-scope-'));
    let loseAnswers = false;
    let holdLookUps = false;
    const held: (() => void)[] = [];
    const network: typeof fetch = async (input, init) => {
      const looksUp = String(input instanceof Request ? input.url : input).includes('/uitpas/retrieve');
      if (holdLookUps && looksUp) await new Promise<void>((release) => held.push(release));
      const response = await fetch(input, init);
      if (loseAnswers && init?.method === 'POST') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    };
    const { ask, value } = await counter({ dir, network });
    const card = gent(seedPassholder.cardSequence);
    loseAnswers = true;
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { outcomeUnknown: true } });
    loseAnswers = false;
    await value('session:chooseBalie', { balieId: '102' });
    holdLookUps = true;
    const slow = ask('uitpas:findPassholders', { query: card });
    await expect.poll(() => held.length).toBe(1);
    holdLookUps = false;
    await value('session:chooseBalie', { balieId: '101' });
    for (const release of held) release();
    expect(await slow).toMatchObject({ ok: true });
    // The look-up was sent at balie 102: balie 101's note stays.
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
  });

  it('an unreadable list is moved aside and blocks every write with its own code; look-ups still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balie-unreadable-'));
    writeFileSync(join(dir, 'pending-outcomes.json'), '[{"key": "card:0900');
    const { ask, find } = await counter({ dir });
    const card = gent(seedPassholder.cardSequence);
    expect(await ask('uitpas:blockCard', { uitpasNumber: card })).toMatchObject({ ok: false, error: { code: 'pending-outcomes-unreadable' } });
    expect(readFileSync(join(dir, 'pending-outcomes.json.unreadable'), 'utf8')).toBe('[{"key": "card:0900');
    expect(existsSync(join(dir, 'pending-outcomes.json'))).toBe(false);
    expect((await find(card))?.uid).toBe(seedPassholder.uid);
    // After a restart it still blocks, until IT removes the file.
    const again = await counter({ dir });
    expect(await again.ask('uitpas:updateCardSystemData', { uid: seedPassholder.uid, cardSystemId: '1', kansenStatuutEndDate: '2099-12-31' })).toMatchObject({ ok: false, error: { code: 'pending-outcomes-unreadable' } });
  });
});

describe('the simulator takes a picture as production documents it', () => {
  const upload = (files: Map<string, Uint8Array>) => {
    const state = new SimulatorState();
    const context = { state, params: new Map([['balieConsumerKey', 'balie-gent-centrum']]), all: [], employeeUid: demoEmployee.uid, today: new Date(), files };
    return { reply: run((c) => uploadPicture(c, seedPassholder.uid), context), state };
  };
  it('a JPEG, as a file part or as CF posts it (a plain part holding the bytes), is stored byte for byte', () => {
    const body = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="picture"\r\n\r\n'),
      placeholderPhoto,
      Buffer.from('\r\n--b\r\nContent-Disposition: form-data; name="balieConsumerKey"\r\n\r\nbalie-gent-centrum\r\n--b--\r\n'),
    ]);
    const parts = readMultipart(body, 'multipart/form-data; boundary=b');
    expect(parts.fields.find(([name]) => name === 'balieConsumerKey')).toEqual(['balieConsumerKey', 'balie-gent-centrum']);
    const { reply, state } = upload(parts.files);
    expect(reply.status).toBe(200);
    expect(Buffer.from(state.passholders.get(seedPassholder.uid)?.picture ?? '', 'base64').equals(placeholderPhoto)).toBe(true);
  });
  it('refuses what is not a JPEG, is too large, or is missing', () => {
    expect(upload(new Map([['picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47])]])).reply.body).toContain('<code>ACTION_FAILED</code>');
    const huge = new Uint8Array(maxPictureBytes + 1);
    huge.set([0xff, 0xd8]);
    expect(upload(new Map([['picture', huge]])).reply.body).toContain('<code>ACTION_FAILED</code>');
    expect(upload(new Map()).reply.body).toContain('<code>MISSING_REQUIRED_FIELDS</code>');
  });
});
