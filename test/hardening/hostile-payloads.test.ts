/**
 * Hostile payloads at every request channel, through the real dispatcher and
 * the real services (demo environment, fake card readers): every bent payload
 * is refused with invalid-request, and quickly. The time bound is generous on
 * purpose (a refusal takes microseconds, see docs/benchmarks.md): it is there
 * to catch the super-linear kind of bug (the old e-mail rule took 5 s on 80 KB),
 * not to measure.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { requestChannels, type RequestChannel } from '../../electron/ipc/contract';
import { createDispatcher, requestChannelNames } from '../../electron/ipc/dispatch';
import { isEmailAddress } from '../../electron/rules/fields';
import {
  hostileString,
  keyPaths,
  notStrings,
  ownKeys,
  pathTricks,
  stringPaths,
  validPayloads,
  withOwnKey,
  withValue,
} from '../support/hostile-payloads';
import { testServices } from '../support/test-services';

const boundMs = 250;
const identifierFields = new Set(['uid', 'balieId', 'cardSystemId', 'uitpasNumber', 'schoolConsumerKey', 'eidReadId', 'cdbid', 'chipNumber', 'ticketSaleId', 'ticketSaleCouponId', 'welcomeAdvantageId', 'pointsPromotionId']);

const services = testServices('hostile');
const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
let slowest = 0;

async function expectRefused(channel: RequestChannel, payload: unknown): Promise<void> {
  const start = performance.now();
  const result = await dispatch(channel, payload);
  const took = performance.now() - start;
  slowest = Math.max(slowest, took);
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(took).toBeLessThan(boundMs);
}

describe('hostile payloads at every channel', () => {
  afterAll(() => services.close());

  it.each(requestChannelNames)('%s: its valid sample passes the guard (so each refusal below is the bend, not the sample)', (channel) => {
    expect(requestChannels[channel].validate(validPayloads[channel])).toBe(true);
  });

  it.each(requestChannelNames)('%s: a payload of the wrong kind altogether', async (channel) => {
    const wholes: unknown[] = [null, 0, 'x', [], [validPayloads[channel]], new (class Posing { readonly close = false; })(), Object.create({ inherited: 1 }) as unknown];
    for (const whole of validPayloads[channel] === undefined ? [...wholes, {}] : wholes) await expectRefused(channel, whole);
  });

  const withStrings = requestChannelNames.filter((channel) => stringPaths(validPayloads[channel]).length > 0);

  it.each(withStrings)('%s: any string too long, or with a control, bidi or line-break character', async (channel) => {
    const paths = stringPaths(validPayloads[channel]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths).chain((path) => hostileString(path.at(-1) ?? '', path.at(-1) === 'moreInfo').map((bad) => ({ path, bad }))),
        async ({ path, bad }) => expectRefused(channel, withValue(validPayloads[channel], path, bad)),
      ),
      { numRuns: 60 },
    );
  });

  it.each(withStrings)('%s: any string field given something that is not a string', async (channel) => {
    const paths = stringPaths(validPayloads[channel]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom(...notStrings), async (path, bad) => expectRefused(channel, withValue(validPayloads[channel], path, bad))),
      { numRuns: 40 },
    );
  });

  const withIdentifiers = requestChannelNames.filter((channel) => stringPaths(validPayloads[channel]).some((path) => identifierFields.has(path.at(-1) ?? '')));

  it.each(withIdentifiers)('%s: ".." or "/" in an identifier (they would reach a URL path)', async (channel) => {
    const paths = stringPaths(validPayloads[channel]).filter((path) => identifierFields.has(path.at(-1) ?? ''));
    for (const path of paths) for (const trick of pathTricks) await expectRefused(channel, withValue(validPayloads[channel], path, trick));
  });

  const withObjects = requestChannelNames.filter((channel) => typeof validPayloads[channel] === 'object' && validPayloads[channel] !== null);

  it.each(withObjects)('%s: an own __proto__, constructor, toString… key, at the top or nested', async (channel) => {
    const objects = [[], ...keyPaths(validPayloads[channel]).filter((path) => typeof path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], validPayloads[channel]) === 'object')];
    for (const path of objects) for (const key of ownKeys) await expectRefused(channel, withOwnKey(validPayloads[channel], path, key));
  });

  it('the e-mail rule stays linear on the crafted addresses that took seconds', () => {
    const crafted = ['a@' + '.'.repeat(80_000), 'a@b' + '.b'.repeat(40_000) + ' ', '@'.repeat(80_000), 'a@' + 'b.'.repeat(40_000) + '@'];
    for (const address of crafted) {
      const start = performance.now();
      expect(isEmailAddress(address)).toBe(false);
      expect(performance.now() - start).toBeLessThan(boundMs);
    }
  });

  it('the e-mail rule says what the API rule said on every short address', () => {
    const apiRule = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z@. ]{0,12}$/), (address) => isEmailAddress(address) === apiRule.test(address.trim())),
      { numRuns: 2000 },
    );
  });

  it('recorded the slowest refusal', () => {
    expect(slowest).toBeGreaterThan(0);
  });
});
