// Writes electron-updater's feed files (latest.yml, latest-mac.yml, latest-linux.yml) from the installers
// as they will be published: after signing, so the sha512 is that of the signed file (electron-builder
// writes it before signing, which would make every signed download fail its check). Format: electron-builder's
// UpdateInfo (version, files[{url, sha512 base64, size}], path, sha512, releaseDate) plus our minimumVersion,
// read from build/minimum-version.txt. Plain Node, no dependency: it runs in the publishing job.
// Usage: node tools/release/write-feed.mjs <release folder> <version> <minimum-version file>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const feeds = [
  { file: 'latest.yml', pattern: /Setup .*\.exe$/ },
  { file: 'latest-mac.yml', pattern: /-mac\.zip$/ },
  { file: 'latest-linux.yml', pattern: /\.AppImage$/ },
];

export function feedText(version, minimumVersion, files, releaseDate) {
  const lines = [`version: ${version}`, 'files:'];
  for (const file of files) lines.push(`  - url: ${JSON.stringify(file.name)}`, `    sha512: ${file.sha512}`, `    size: ${file.size}`);
  lines.push(`path: ${JSON.stringify(files[0].name)}`, `sha512: ${files[0].sha512}`, `releaseDate: '${releaseDate}'`, `minimumVersion: ${minimumVersion}`);
  return `${lines.join('\n')}\n`;
}

export function writeFeeds(folder, version, minimumVersion, releaseDate = new Date().toISOString()) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version) || !/^\d+\.\d+\.\d+$/.test(minimumVersion)) throw new Error('not a version');
  const names = readdirSync(folder);
  const written = [];
  for (const feed of feeds) {
    const files = names
      .filter((name) => feed.pattern.test(name))
      .sort()
      .map((name) => {
        const bytes = readFileSync(join(folder, name));
        return { name, sha512: createHash('sha512').update(bytes).digest('base64'), size: statSync(join(folder, name)).size };
      });
    // An OS without its updatable file (an unsigned macOS build has no zip) gets no feed: its apps check nothing.
    if (files.length === 0) continue;
    writeFileSync(join(folder, feed.file), feedText(version, minimumVersion, files, releaseDate));
    written.push(feed.file);
  }
  if (written.length === 0) throw new Error('no installer to write a feed for');
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, version, minimumFile] = process.argv.slice(2);
  console.log(writeFeeds(folder, version, readFileSync(minimumFile, 'utf8').trim()).join('\n'));
}
