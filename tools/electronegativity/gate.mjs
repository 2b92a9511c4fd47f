// Fails when Electronegativity (its exit code is always 0) reports a finding nobody reviewed.
// A review holds for one rule in one file, named by its exact path from the repository root (the scan
// runs over electron/, so a finding's uri is relative to it); "(global)" is a check about the whole app,
// which the scanner reports without a file. No suffixes, no wildcards: a new file with the same name
// elsewhere (login-window.ts beside window.ts) is a new finding to review.
import { readFileSync } from 'node:fs';

const scanned = 'electron/';

export function repositoryPath(finding) {
  const uri = finding.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  return uri === '' || uri === 'file:///' ? '(global)' : `${scanned}${uri.replace(/^\.?\//, '')}`;
}

export function openFindings(sarif, accepted) {
  const findings = sarif.runs.flatMap((run) => run.results ?? []);
  return { findings, open: findings.filter((finding) => !accepted.some((entry) => entry.rule === finding.ruleId && entry.file === repositoryPath(finding))) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sarif = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const { accepted } = JSON.parse(readFileSync(new URL('./reviewed.json', import.meta.url), 'utf8'));
  const { findings, open } = openFindings(sarif, accepted);
  for (const finding of open) {
    const location = finding.locations?.[0]?.physicalLocation;
    console.log(`${finding.ruleId} ${finding.level} ${repositoryPath(finding)}:${location?.region?.startLine ?? ''}`);
  }
  console.log(`electronegativity: ${findings.length} findings, ${findings.length - open.length} reviewed, ${open.length} open`);
  process.exit(open.length === 0 ? 0 : 1);
}
