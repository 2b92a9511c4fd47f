/**
 * Codes travel, words are the page's: whatever goes wrong in a session against
 * the simulator, main answers with codes and parameters. No answer carries a
 * `message`, nor any sentence of the page's catalogues; each error holds only
 * the contract's fields.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BalieError, Result } from '../../../electron/ipc/contract';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createMainServices } from '../../../electron/main-services';
import { authorizeAtSimulator } from '../../../electron/simulator/headless-authorize';
import { cardNumber, seedPassholder } from '../../../electron/simulator/seed';
import { catalogues } from '../../../renderer/texts';
import { FakePcscContext } from '../../support/fake-pcsc';
import { memoryCipher } from '../../support/memory-cipher';

const errorFields: readonly (keyof BalieError)[] = ['code', 'field', 'problem', 'apiCode', 'serverMessage', 'requiredPermission', 'httpStatus', 'outcomeUnknown', 'existingPassholderUid'];

function sentences(tree: object): string[] {
  return Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'string' && value.includes(' ') ? [value] : typeof value === 'object' && value !== null ? sentences(value) : [],
  );
}

describe('main sends codes, not words', () => {
  it('answers every failure with a code and its parameters', async () => {
    const services = createMainServices({
      appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
      createPcscContext: () => new FakePcscContext(),
      trustAnchors: [],
      dataDirectory: mkdtempSync(join(tmpdir(), 'balie-codes-')),
      // No keyring: the session view says why, as a code.
      secretCipher: memoryCipher(false),
      showAuthorizePage: authorizeAtSimulator,
      log: { warn: () => undefined },
    });
    const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
    const answers: Result<unknown>[] = [];
    const ask = async (channel: string, payload?: unknown) => {
      const result = await dispatch(channel, payload);
      answers.push(result);
      return result;
    };
    const failure = async (channel: string, payload?: unknown) => {
      const result = await ask(channel, payload);
      if (result.ok) throw new Error(`${channel} succeeded`);
      return result.error;
    };

    expect(await failure('uitpas:getCard', { uitpasNumber: cardNumber('09000', 2, false) })).toEqual({ code: 'not-logged-in' });
    expect(await failure('uitpas:nothing')).toEqual({ code: 'unknown-channel' });
    expect(await failure('uitpas:getCard', { uitpasNumber: 7 })).toEqual({ code: 'invalid-request' });
    expect(await failure('settings:save', { environment: 'test', consumerKey: 'k', consumerSecret: 's' })).toEqual({ code: 'secret-store-unavailable' });
    expect(await ask('session:get')).toMatchObject({ ok: true, value: { secretStoreProblem: 'no-keyring', environments: ['demo', 'test', 'acceptance', 'production'], language: 'nl' } });
    await ask('settings:save', { environment: 'demo' });
    await ask('session:login');
    await ask('session:chooseBalie', { balieId: '101' });

    expect(await failure('uitpas:findPassholders', { query: 'Peeters' })).toEqual({ code: 'invalid-field', field: 'query', problem: 'search-query' });
    expect(
      await failure('uitpas:registerPassholder', { name: 'Kaya', firstName: 'Aylin', inszNumber: '62000001228', dateOfBirth: '1962-06-01', postalCode: '2140', city: 'Antwerpen', uitpasNumber: cardNumber('09000', 2, false) }),
    ).toEqual({ code: 'invalid-field', field: 'inszNumber', problem: 'insz-check-digits' });
    expect(await failure('uitpas:registerInCardSystem', { uid: seedPassholder.uid })).toEqual({ code: 'invalid-field', field: 'cardSystemId', problem: 'card-system-or-card' });
    expect(await failure('uitpas:getCard', { uitpasNumber: cardNumber('09999', 9, false) })).toMatchObject({ code: 'uitpas-rejected', apiCode: expect.stringMatching(/^[A-Z_]+$/) });
    expect(await ask('uitpas:updatePassholder', { uitpasNumber: cardNumber('09000', seedPassholder.cardSequence, false), fields: { gsm: '0470 00 00 00' } })).toEqual({ ok: true, value: { code: 'ACTION_SUCCEEDED', picture: 'not-sent', optIns: 'stored' } });

    const everything = JSON.stringify(answers);
    expect(everything).not.toContain('"message"');
    const words = [...sentences(catalogues.nl), ...sentences(catalogues.fr)].filter((sentence) => everything.includes(sentence));
    expect(words).toEqual([]);
    for (const answer of answers) if (!answer.ok) expect(errorFields).toEqual(expect.arrayContaining(Object.keys(answer.error)));
    await services.close();
  });
});
