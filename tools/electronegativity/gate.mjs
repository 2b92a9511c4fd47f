// Fails when Electronegativity (its exit code is always 0) reports a finding nobody reviewed.
import { readFileSync } from 'node:fs';

const sarif = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { accepted } = JSON.parse(readFileSync(new URL('./reviewed.json', import.meta.url), 'utf8'));
const findings = sarif.runs.flatMap((run) => run.results ?? []);
const open = findings.filter((finding) => {
  const file = finding.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  return !accepted.some((entry) => entry.rule === finding.ruleId && (entry.file === '*' || file.endsWith(entry.file)));
});
for (const finding of open) {
  const location = finding.locations?.[0]?.physicalLocation;
  console.log(`${finding.ruleId} ${finding.level} ${location?.artifactLocation?.uri ?? ''}:${location?.region?.startLine ?? ''}`);
}
console.log(`electronegativity: ${findings.length} findings, ${findings.length - open.length} reviewed, ${open.length} open`);
process.exit(open.length === 0 ? 0 : 1);
