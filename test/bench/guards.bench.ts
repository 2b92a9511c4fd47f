/**
 * `npm run bench:guards`: how long the payload guards take at their worst, per
 * channel: every string at its maximum length with the one forbidden character
 * at the very end (the longest scan before a refusal), a payload one character
 * over the limit everywhere, and the valid sample; and the old e-mail pattern
 * against the linear rule on the crafted 80 KB address.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { requestChannels } from '../../electron/ipc/contract';
import { requestChannelNames } from '../../electron/ipc/dispatch';
import { isEmailAddress } from '../../electron/rules/fields';
import { maxLength } from '../../electron/rules/limits';
import { stringPaths, validPayloads, withValue } from '../support/hostile-payloads';

const limitOf = (field: string) => (maxLength as Record<string, number>)[field] ?? 64;

function worst(times: number, work: () => void): { worstUs: number; p99Us: number; medianUs: number } {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    work();
    durations.push((performance.now() - start) * 1000);
  }
  durations.sort((a, b) => a - b);
  const at = (share: number) => durations[Math.min(durations.length - 1, Math.floor(durations.length * share))] ?? 0;
  return { worstUs: durations.at(-1) ?? 0, p99Us: at(0.99), medianUs: at(0.5) };
}

it('payload guards: worst case per channel', { timeout: 120_000 }, () => {
  const rows: { channel: string; payload: string; medianUs: number; p99Us: number; worstUs: number }[] = [];
  for (const channel of requestChannelNames) {
    const sample = validPayloads[channel];
    const paths = stringPaths(sample);
    const filled = paths.reduce((payload, path) => withValue(payload, path, `${'a'.repeat(limitOf(path.at(-1) ?? '') - 1)}\u202E`), sample);
    const over = paths.reduce((payload, path) => withValue(payload, path, 'a'.repeat(limitOf(path.at(-1) ?? '') + 1)), sample);
    const validate = requestChannels[channel].validate;
    for (const [name, payload] of [['valid', sample], ['max length, bidi at the end', filled], ['one over the limit', over]] as const) {
      if (name !== 'valid' && paths.length === 0) continue;
      for (let warm = 0; warm < 200; warm++) validate(payload);
      rows.push({ channel, payload: name, ...worst(2000, () => validate(payload)) });
    }
  }
  // The quadratic case: a long run of dots, then something that makes the final `[^\s@]+$` fail.
  const crafted = `a@${'.'.repeat(80_000)}@`;
  const oldRule = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const email = { linearUs: worst(20, () => isEmailAddress(crafted)).worstUs, oldPatternMs: worst(1, () => oldRule.test(crafted)).worstUs / 1000 };
  expect(rows.length).toBeGreaterThan(requestChannelNames.length);

  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-guards.json', `${JSON.stringify({ rows, email }, null, 2)}\n`);
  const slowest = [...rows].sort((a, b) => b.p99Us - a.p99Us).slice(0, 5);
  const line = (row: (typeof rows)[number]) => `  ${row.channel} (${row.payload}): median ${row.medianUs.toFixed(1)}, p99 ${row.p99Us.toFixed(1)}, max ${row.worstUs.toFixed(1)}`;
  console.log(`guards, highest p99 (µs):\n${slowest.map(line).join('\n')}`);
  console.log(`e-mail on ${crafted.length} characters: linear rule worst ${email.linearUs.toFixed(1)} µs, old pattern ${email.oldPatternMs.toFixed(0)} ms`);
});

it('the card number guard on 10 MB: refused by its length before any scan (issue 19)', () => {
  const validate = requestChannels['uitpas:getCard'].validate;
  const payload = { uitpasNumber: '0'.repeat(10_000_000) };
  const timing = worst(50, () => expect(validate(payload)).toBe(false));
  console.log(`card number guard on 10 MB: median ${timing.medianUs.toFixed(1)} µs, max ${timing.worstUs.toFixed(1)} µs`);
});
