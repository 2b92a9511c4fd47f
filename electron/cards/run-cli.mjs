// `npm run eid -- …`: runs the built eID command (out-dev/eid-cli.js), building it
// first only when it is missing or a source under native/ or electron/ is newer,
// so a support call costs the card's time, not a build's.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'out-dev', 'eid-cli.js');

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(built) || Math.max(newestSource(join(root, 'native')), newestSource(join(root, 'electron'))) > statSync(built).mtimeMs;
if (stale) {
  // The build's own output goes to stderr: stdout is the command's JSON.
  const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'electron/vite.dev-tools.config.mts'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
createRequire(import.meta.url)(built);
