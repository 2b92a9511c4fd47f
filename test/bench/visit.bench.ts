/**
 * `npm run bench:visit`: the visit's round trips through main's handlers against the demo simulator over loopback
 * HTTP: "Punten sparen" (the check-in under the write gate and the pending-outcomes file, then the activity re-read,
 * as SX CheckinController does), the activity list of today, and the page's opening look-ups side by side
 * (activities, advantages, coupons) as the page sends them together.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createMainServices } from '../../electron/main-services';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { cardNumber } from '../../electron/simulator/seed';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { dispatching } from '../support/dispatching';
import { FakePcscContext } from '../support/fake-pcsc';
import { memoryCipher } from '../support/memory-cipher';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;

it('the visit: check-in round trip, activities, the page opening', { timeout: 120_000 }, async () => {
  let simulator: Simulator | undefined;
  const services = createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory: mkdtempSync(join(tmpdir(), 'balie-bench-visit-')),
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    startDemoSimulator: async () => (simulator = await startSimulator()),
    log: { warn: () => undefined },
  });
  const { value } = dispatching(services.handlers);
  await value('session:login');
  await value('session:chooseBalie', { balieId: '101' });
  const lotte = cardNumber('09000', 520, true);
  const walk = '7f3d2a10-4c5e-4b8a-9e21-6a0c1d2e3f41';

  const time = async (times: number, work: () => Promise<unknown>, between: () => void = () => undefined) => {
    const durations: number[] = [];
    for (let index = 0; index < times; index++) {
      between();
      const start = performance.now();
      await work();
      durations.push(performance.now() - start);
    }
    return durations;
  };
  // Each check-in is a new one: the simulator forgets the last, as if it were next week.
  const forget = () => simulator?.state.visit.checkins.splice(0);
  await time(50, () => value('visit:checkin', { cdbid: walk, uitpasNumber: lotte }), forget);
  const checkins = await time(300, () => value('visit:checkin', { cdbid: walk, uitpasNumber: lotte }), forget);
  const activities = await time(300, () => value('visit:searchActivities', { uitpasNumber: lotte, datetype: 'today' }));
  const opening = await time(200, () =>
    Promise.all([
      value('visit:searchActivities', { uitpasNumber: lotte, datetype: 'today', max: 5 }),
      value('visit:getAdvantages', { uitpasNumber: lotte }),
      value('visit:getCoupons', { uitpasNumber: lotte }),
    ]),
  );

  const result = {
    checkinMedianMs: Number(median(checkins).toFixed(2)),
    checkinP95Ms: Number(p95(checkins).toFixed(2)),
    activitiesTodayMedianMs: Number(median(activities).toFixed(2)),
    openingTogetherMedianMs: Number(median(opening).toFixed(2)),
    openingTogetherP95Ms: Number(p95(opening).toFixed(2)),
  };
  console.table(result);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-visit.json', JSON.stringify(result, null, 2));
  await services.close();
  expect(checkins).toHaveLength(300);
});
