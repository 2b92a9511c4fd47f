/**
 * `npm run bench:api`: the client's own cost per call (OAuth signing, XML
 * parsing) in process, and round trips per second against the simulator over
 * loopback HTTP.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cardNumber, seedPassholder } from '../../electron/simulator/seed';
import { parsePassholder } from '../../electron/uitpas/model';
import { authorizationHeader } from '../../electron/uitpas/signing';
import { child, parseXml } from '../../electron/uitpas/xml';
import { clientFor, simulatorWithLogin } from '../support/simulator';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeEach(times: number, work: () => void): number[] {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  }
  return durations;
}

it('UiTPAS client: signing, parsing, round trips', { timeout: 120_000 }, async () => {
  const { simulator, login } = await simulatorWithLogin();
  const client = clientFor(simulator, login);
  const body = { name: 'Vermeulen', firstName: 'Jonas', inszNumber: '85073003328', dateOfBirth: '1985-07-30', postalCode: '9000', city: 'Gent', uitpasNumber: '0900000000100', balieConsumerKey: 'balie-gent-centrum' };
  const url = `${simulator.prefix}/uitpas/passholder/register`;
  timeEach(2000, () => authorizationHeader(simulator.consumer, login.token, { method: 'POST', url, body }));
  const signing = timeEach(5000, () => authorizationHeader(simulator.consumer, login.token, { method: 'POST', url, body }));

  const existing = cardNumber('09000', seedPassholder.cardSequence, false);
  const xml = await (await fetch(`${simulator.prefix}/uitpas/passholder/${existing}`, {
    headers: { Authorization: authorizationHeader(simulator.consumer, login.token, { method: 'GET', url: `${simulator.prefix}/uitpas/passholder/${existing}` }) },
  })).text();
  timeEach(2000, () => parsePassholder(child(parseXml(xml), 'passHolder')!));
  const parsing = timeEach(5000, () => parsePassholder(child(parseXml(xml), 'passHolder')!));

  // The same document with its text written as character references, as production writes free text.
  const referenced = xml.replace(/>([^<]*[^<\s][^<]*)</g, (_whole, content: string) => `>${Array.from(content, (c) => `&#${c.codePointAt(0) ?? 0};`).join('')}<`);
  timeEach(2000, () => parsePassholder(child(parseXml(referenced), 'passHolder')!));
  const parsingReferenced = timeEach(5000, () => parsePassholder(child(parseXml(referenced), 'passHolder')!));

  const lookups = 1000;
  const started = performance.now();
  for (let index = 0; index < lookups; index++) await client.getPassholder(existing);
  const seconds = (performance.now() - started) / 1000;
  // The counter's look-up today: uitpas/retrieve by INSZ (capped streaming read, strict answer check).
  const retrieveStarted = performance.now();
  for (let index = 0; index < lookups; index++) await client.retrieve(seedPassholder.inszNumber);
  const retrieveSeconds = (performance.now() - retrieveStarted) / 1000;

  const result = {
    signingMedianMs: Number(median(signing).toFixed(4)),
    parsingMedianMs: Number(median(parsing).toFixed(4)),
    parsingAllReferencesMedianMs: Number(median(parsingReferenced).toFixed(4)),
    passholderXmlBytes: xml.length,
    referencedXmlBytes: referenced.length,
    sequentialLookups: lookups,
    roundTripsPerSecond: Math.round(lookups / seconds),
    retrieveRoundTripsPerSecond: Math.round(lookups / retrieveSeconds),
  };
  console.table(result);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-api.json', JSON.stringify(result, null, 2));
  await simulator.close();
  expect(result.roundTripsPerSecond).toBeGreaterThan(0);
});
