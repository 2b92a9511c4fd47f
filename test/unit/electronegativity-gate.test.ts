/** The Electronegativity gate: a review holds for one rule in one exact file, never for a file that merely ends the same way. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without types
import { openFindings, repositoryPath } from '../../tools/electronegativity/gate.mjs';

const { accepted } = JSON.parse(readFileSync(join(__dirname, '../../tools/electronegativity/reviewed.json'), 'utf8')) as { accepted: { rule: string; file: string }[] };
const finding = (ruleId: string, uri: string) => ({ ruleId, level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }] });
const sarif = (...results: ReturnType<typeof finding>[]) => ({ runs: [{ results }] });
const check = openFindings as (report: ReturnType<typeof sarif>, reviews: typeof accepted) => { open: ReturnType<typeof finding>[] };

describe('the Electronegativity gate', () => {
  it('accepts the reviewed findings where they are (the scan of electron/ today)', () => {
    const today = sarif(finding('CSP_GLOBAL_CHECK', 'file:///'), finding('OPEN_EXTERNAL_JS_CHECK', 'window/login-window.ts'), finding('PRELOAD_JS_CHECK', 'window/window.ts'), finding('OPEN_EXTERNAL_JS_CHECK', 'window/window.ts'));
    expect(check(today, accepted).open).toEqual([]);
  });

  it.each([
    ['a file that ends like a reviewed one', finding('OPEN_EXTERNAL_JS_CHECK', 'uitpas/other-window.ts')],
    ['the same name in another folder', finding('PRELOAD_JS_CHECK', 'ipc/window.ts')],
    ['a reviewed file with another rule', finding('NODE_INTEGRATION_JS_CHECK', 'window/window.ts')],
    ['a global check nobody reviewed', finding('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'file:///')],
  ])('fails on %s', (_name, unreviewed) => {
    expect(check(sarif(unreviewed), accepted).open).toEqual([unreviewed]);
  });

  it('names files from the repository root', () => {
    expect((repositoryPath as (f: unknown) => string)(finding('X', 'window/window.ts'))).toBe('electron/window/window.ts');
  });
});
