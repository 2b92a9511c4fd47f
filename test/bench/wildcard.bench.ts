/**
 * `npm run bench:wildcard`: the simulator's name search on the review's crafted
 * searches (issue 19): the old `*` → `.*` pattern against the linear matcher,
 * on a 100-character name. Each pattern is compiled and run twice first, so
 * the old pattern runs as V8's native code, as it does in a running simulator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { matchesWildcard } from '../../electron/simulator/wildcard';

/** What lookups.ts did before issue 19. */
const oldPattern = (pattern: string) => new RegExp(`^${pattern.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'iu');

function median(times: number, work: () => void): number {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)] ?? 0;
}

it('name search: old pattern against the linear matcher', { timeout: 300_000 }, () => {
  const name = 'a'.repeat(100);
  const rows: { stars: number; pattern: string; oldMs: number; linearUs: number }[] = [];
  for (const pairs of [3, 4, 5]) {
    const pattern = `${'*a'.repeat(pairs)}*b`;
    oldPattern(pattern).test('aab');
    oldPattern(pattern).test('aab');
    const oldMs = median(pairs < 5 ? 5 : 3, () => oldPattern(pattern).test(name));
    const linearUs = median(2000, () => matchesWildcard(pattern, name)) * 1000;
    expect(matchesWildcard(pattern, name)).toBe(false);
    rows.push({ stars: pairs + 1, pattern, oldMs, linearUs });
  }
  // The matcher's own worst cases at the channel's limits (200 characters): every piece walked, and a piece that almost fits everywhere.
  const everyPieceUs = median(2000, () => matchesWildcard(`${'*a'.repeat(99)}*`, 'a'.repeat(200))) * 1000;
  const almostFitsUs = median(2000, () => matchesWildcard(`*${'a'.repeat(99)}b*`, 'a'.repeat(200))) * 1000;
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-wildcard.json', `${JSON.stringify({ rows, everyPieceUs, almostFitsUs }, null, 2)}\n`);
  for (const row of rows) console.log(`${row.pattern} (${row.stars} stars) on 100 a's: old pattern ${row.oldMs.toFixed(1)} ms, linear ${row.linearUs.toFixed(2)} µs`);
  console.log(`linear, 100 stars on 200 a's: ${everyPieceUs.toFixed(2)} µs; a 100-character piece that almost fits, on 200 a's: ${almostFitsUs.toFixed(2)} µs`);
});
