/**
 * What docs/security.md promises about the release workflow, checked on the
 * file itself (actionlint checks its syntax; this checks its shape): actions
 * pinned by commit SHA, a timeout on every job, no secret in a job that runs
 * the project's dependencies, each OS's secrets in its own signing jobs only,
 * npm 11 before npm ci, and the OIDC permission on the last job only; and
 * (issue 19) nothing published after a failed or cancelled job, signing for a
 * v* tag only, no install script in the job between the Windows signings, and
 * the installer signed only after the app inside it is checked; (issue 21)
 * the MSI too.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  outputs?: Record<string, string>;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
}

const text = readFileSync('.github/workflows/release.yml', 'utf8');
const workflow = load(text) as { permissions: Record<string, string>; jobs: Record<string, Job> };
const jobs = Object.entries(workflow.jobs);
const secretsOf = (job: Job) => [...JSON.stringify(job).matchAll(/secrets\.([A-Z_]+)/g)].map((match) => match[1]);
const runsDependencies = (job: Job) => job.steps.some((step) => /\bnpm (ci|install|test|run)\b|\bnpx\b/.test(step.run ?? ''));

describe('release workflow', () => {
  it('pins every action by commit SHA (local actions aside)', () => {
    const uses = jobs.flatMap(([, job]) => job.steps.flatMap((step) => step.uses ?? []));
    expect(uses.length).toBeGreaterThan(10);
    for (const action of uses.filter((use) => !use.startsWith('./'))) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('has a timeout on every job', () => {
    for (const [, job] of jobs) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('gives no secret to a job that installs or runs the dependencies', () => {
    const withDependencies = jobs.filter(([, job]) => runsDependencies(job));
    expect(withDependencies.map(([name]) => name).sort()).toEqual(['build', 'package-windows']);
    for (const [, job] of withDependencies) expect(secretsOf(job)).toEqual([]);
  });

  it("gives each OS's signing secrets to its own signing jobs only", () => {
    for (const [name, job] of jobs) {
      for (const secret of secretsOf(job)) {
        if (/^(MAC_|APPLE_)/.test(secret ?? '')) expect(name).toBe('sign-macos');
        else if (/^WIN_/.test(secret ?? '')) expect(['sign-windows-app', 'sign-windows']).toContain(name);
        else throw new Error(`unexpected secret ${secret ?? ''} in ${name}`);
      }
    }
  });

  it('installs npm 11 before npm ci, so allowScripts holds', () => {
    for (const [, job] of jobs.filter(([, job]) => runsDependencies(job))) {
      const runs = job.steps.map((step) => step.run ?? '');
      const npm11 = runs.findIndex((run) => /npm install -g npm@11\./.test(run));
      expect(npm11).toBeGreaterThanOrEqual(0);
      expect(npm11).toBeLessThan(runs.findIndex((run) => /^npm ci\b/.test(run)));
    }
  });

  it('reads contents only, and lets only the last job mint an OIDC token and write attestations', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of jobs) {
      if (name === 'checksums-and-provenance') expect(job.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write', contents: 'read' });
      else expect(job.permissions).toBeUndefined();
    }
  });

  it('checks out without keeping the token, and caches no dependencies', () => {
    for (const [, job] of jobs) {
      for (const step of job.steps.filter((candidate) => candidate.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
      for (const step of job.steps.filter((candidate) => candidate.uses?.startsWith('actions/setup-node@'))) expect(step.with?.cache).toBeUndefined();
    }
    expect(text).not.toMatch(/actions\/cache@/);
  });

  it('publishes only when every job before it succeeded or was skipped: never after a failure or a cancellation', () => {
    const publish = workflow.jobs['checksums-and-provenance'];
    const condition = (publish?.if ?? '').replace(/\s+/g, ' ');
    expect(condition).toContain('!cancelled()');
    expect(condition).not.toMatch(/always\(\)|!= 'failure'/);
    const needs = [publish?.needs ?? []].flat();
    expect(needs).toContain('build');
    expect(condition).toContain("needs.build.result == 'success'");
    for (const job of needs.filter((name) => name !== 'build')) {
      expect(condition).toContain(`(needs.${job}.result == 'success' || needs.${job}.result == 'skipped')`);
    }
  });

  it('signs only for a v* tag, in every job behind the signing environment', () => {
    const signing = jobs.filter(([, job]) => job.environment === 'release-signing');
    expect(signing.map(([name]) => name).sort()).toEqual(['sign-macos', 'sign-windows', 'sign-windows-app']);
    for (const [, job] of signing) expect(job.if).toContain("startsWith(github.ref, 'refs/tags/v')");
  });

  it('runs no install script in the job that builds the Windows installer between the two signings', () => {
    const runs = (workflow.jobs['package-windows']?.steps ?? []).map((step) => step.run ?? '').filter((run) => /\bnpm (ci|install)\b/.test(run) && !/-g npm@/.test(run));
    expect(runs).toEqual(['npm ci --ignore-scripts']);
  });

  it('signs the Windows installer only after checking that the app inside is the app that was signed', () => {
    const appJob = workflow.jobs['sign-windows-app'];
    const hashStep = appJob?.steps.find((step) => /Get-FileHash/.test(step.run ?? ''));
    expect(hashStep).toBeDefined();
    expect(appJob?.outputs?.['app-hashes']).toBe('${{ steps.hashes.outputs.sha256 }}');
    const signInstaller = workflow.jobs['sign-windows'];
    expect([signInstaller?.needs ?? []].flat()).toContain('sign-windows-app');
    const steps = signInstaller?.steps ?? [];
    const check = steps.findIndex((step) => /Get-AuthenticodeSignature/.test(step.run ?? '') && /Compare-Object/.test(step.run ?? ''));
    const sign = steps.findIndex((step) => step.uses === './.github/actions/signtool');
    expect(check).toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(sign);
    expect(steps[check]?.env?.APP_HASHES).toBe('${{ needs.sign-windows-app.outputs.app-hashes }}');
  });

  it('checks the app inside the MSI the same way, and signs and publishes the MSI only after that check', () => {
    const steps = workflow.jobs['sign-windows']?.steps ?? [];
    const check = steps.findIndex((step) => /Compare-Object/.test(step.run ?? ''));
    const checkRun = steps[check]?.run ?? '';
    expect(checkRun).toMatch(/Get-ChildItem signed\\\*\.msi/);
    expect(checkRun).toMatch(/msiexec -ArgumentList '\/a'/);
    // Both installer kinds go through the one hash-and-signature check.
    expect(checkRun.match(/^\s*Assert-SignedApp \$/gm)).toHaveLength(2);
    const signings = steps.flatMap((step, index) => (step.uses === './.github/actions/signtool' ? [{ index, files: step.with?.files }] : []));
    expect(signings.map((signing) => signing.files).sort()).toEqual(['signed\\*.exe', 'signed\\*.msi']);
    for (const signing of signings) expect(signing.index).toBeGreaterThan(check);
    const upload = steps.find((step) => step.with?.name === 'signed-installers-Windows');
    expect(String(upload?.with?.path)).toContain('signed/*.msi');
  });

  it('says in the IT guide which repository settings the signing relies on', () => {
    const readme = readFileSync('docs/it-guide.md', 'utf8');
    expect(readme).toMatch(/release-signing/);
    expect(readme).toMatch(/Deployment branches and tags/);
    expect(readme).toMatch(/`v\*`/);
  });
});
