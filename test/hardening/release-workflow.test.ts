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
    const hashStep = appJob?.steps.find((step) => step.name === 'SHA-256 of every file of the signed app');
    expect(hashStep?.run).toContain('tools/release/app-manifest.ps1 win-unpacked');
    expect(appJob?.outputs?.['app-hashes']).toBe('${{ steps.hashes.outputs.sha256 }}');
    expect(appJob?.outputs?.['app-manifest-sha256']).toBe('${{ steps.hashes.outputs.manifest-sha256 }}');
    const signInstaller = workflow.jobs['sign-windows'];
    expect([signInstaller?.needs ?? []].flat()).toEqual(expect.arrayContaining(['sign-windows-app', 'unpack-windows-installers']));
    const steps = signInstaller?.steps ?? [];
    const check = steps.findIndex((step) => /is not the app that was signed/.test(step.run ?? ''));
    const signings = steps.flatMap((step, index) => (step.uses === './.github/actions/signtool' ? [{ index, files: step.with?.files }] : []));
    expect(check).toBeGreaterThanOrEqual(0);
    expect(signings.map((signing) => signing.files).sort()).toEqual(['signed\\*.exe', 'signed\\*.msi']);
    for (const signing of signings) expect(signing.index).toBeGreaterThan(check);
    expect(steps[check]?.env).toEqual({
      APP_MANIFEST_SHA256: '${{ needs.sign-windows-app.outputs.app-manifest-sha256 }}',
      INSTALLERS: '${{ needs.unpack-windows-installers.outputs.installers }}',
    });
    // Every installer it signs is one that was opened: the same SHA-256, and as many as were checked.
    expect(steps[check]?.run).toMatch(/Get-FileHash -Algorithm SHA256 \$file\.FullName/);
    expect(steps[check]?.run).toMatch(/is not an installer that was checked/);
    const upload = steps.find((step) => step.with?.name === 'signed-installers-Windows');
    expect(String(upload?.with?.path)).toContain('signed/*.msi');
  });

  it('(issue 25) compares every file of the app, recursively, not only the top-level executables', () => {
    const script = readFileSync('tools/release/app-manifest.ps1', 'utf8');
    expect(script).toMatch(/Get-ChildItem -LiteralPath \$root -Recurse -File -Force/);
    expect(script).toMatch(/Get-FileHash -Algorithm SHA256/);
    // Both sides use the one script: the signed app, and the app inside the NSIS installer and the MSI.
    const unpack = workflow.jobs['unpack-windows-installers']?.steps.find((step) => step.name === 'Unpack each installer and list every file of the app inside')?.run ?? '';
    expect(unpack).toContain('tools/release/app-manifest.ps1');
    expect(unpack.match(/Manifest-Sha \$/g)).toHaveLength(2);
    expect(text).not.toMatch(/Get-ChildItem[^\n]*\\\*\.exe \| Sort-Object Name/);
  });

  it('(issue 25) signs the native .node addons and the DLLs of the app too, in every folder', () => {
    const signing = workflow.jobs['sign-windows-app']?.steps.find((step) => step.uses === './.github/actions/signtool');
    expect(String(signing?.with?.files).trim().split('\n').sort()).toEqual(['win-unpacked\\*.dll', 'win-unpacked\\*.exe', 'win-unpacked\\*.node']);
    expect(signing?.with?.recurse).toBe('true');
    const action = readFileSync('.github/actions/signtool/action.yml', 'utf8');
    expect(action).toMatch(/-Recurse:\$recurse/);
  });

  it('(issue 25) unpacks the installers with tools that run nothing (7-Zip, lessmsi), in a job without secrets', () => {
    expect(text).not.toMatch(/msiexec[^\n]*'\/a'/);
    const unpack = workflow.jobs['unpack-windows-installers'];
    expect(unpack?.environment).toBeUndefined();
    expect(secretsOf(unpack as Job)).toEqual([]);
    expect(runsDependencies(unpack as Job)).toBe(false);
    const run = unpack?.steps.map((step) => step.run ?? '').join('\n') ?? '';
    expect(run).toMatch(/& 7z x -y/);
    expect(run).toMatch(/& lessmsi x \$msi\.FullName/);
    expect(unpack?.outputs?.installers).toBe('${{ steps.unpack.outputs.installers }}');
  });

  it('(issue 25) keeps the certificate in jobs that only sign and compare hashes', () => {
    for (const name of ['sign-windows-app', 'sign-windows']) {
      const job = workflow.jobs[name] as Job;
      const runs = job.steps.map((step) => step.run ?? '').join('\n');
      expect(runs, name).not.toMatch(/\b7z\b|lessmsi|msiexec|\bnpm\b|\bnpx\b|\bnode\b/);
      const uses = job.steps.flatMap((step) => step.uses ?? []).map((use) => use.replace(/@.*/, ''));
      expect(new Set(uses), name).toEqual(new Set(['actions/checkout', 'actions/download-artifact', './.github/actions/signtool', 'actions/upload-artifact']));
      // Only the repository's signing action and manifest script are checked out.
      const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
      expect(String(checkout?.with?.['sparse-checkout']).trim().split('\n').every((path) => ['.github/actions/signtool', 'tools/release/app-manifest.ps1'].includes(path)), name).toBe(true);
    }
  });

  it('(issue 25) downloads every artifact by its exact name, from a job it waits for', () => {
    const madeBy = new Map<string, string[]>();
    for (const [name, job] of jobs) {
      for (const step of job.steps.filter((candidate) => candidate.uses?.startsWith('actions/upload-artifact@'))) {
        const artifact = String(step.with?.name).replace('${{ runner.os }}', '');
        madeBy.set(artifact, [...(madeBy.get(artifact) ?? []), name]);
      }
    }
    for (const [name, job] of jobs) {
      for (const step of job.steps.filter((candidate) => candidate.uses?.startsWith('actions/download-artifact@'))) {
        expect(step.with?.pattern, name).toBeUndefined();
        const artifact = String(step.with?.name);
        expect(artifact, name).toMatch(/^[\w-]+$/);
        const makers = madeBy.get(artifact) ?? madeBy.get(artifact.replace(/(Windows|macOS|Linux)$/, '')) ?? [];
        expect(makers.length, `${name} downloads ${artifact}`).toBeGreaterThan(0);
        for (const maker of makers) expect([job.needs ?? []].flat(), `${name} waits for ${maker}`).toContain(maker);
      }
    }
  });

  it('(issue 25) tries the MSI as IT runs it: silent install without a desktop shortcut, silent repair, silent removal', () => {
    const step = workflow.jobs.build?.steps.find((candidate) => /msiexec -ArgumentList '\/i'/.test(candidate.run ?? ''))?.run ?? '';
    expect(step).toMatch(/'\/fa'.*'\/qn'/);
    expect(step).toMatch(/the MSI made a desktop shortcut/);
    expect(step).toMatch(/'\/x'.*'\/qn'/);
  });

  it('says in the IT guide which repository settings the signing relies on', () => {
    const readme = readFileSync('docs/it-guide.md', 'utf8');
    expect(readme).toMatch(/release-signing/);
    expect(readme).toMatch(/Deployment branches and tags/);
    expect(readme).toMatch(/`v\*`/);
  });

  it('(issue 25) writes the update feed after signing, from the files it publishes, with the minimum version from the repository', () => {
    const publish = workflow.jobs['checksums-and-provenance'];
    const steps = publish?.steps ?? [];
    const feed = steps.findIndex((step) => /write-feed\.mjs release/.test(step.run ?? ''));
    expect(feed).toBeGreaterThanOrEqual(0);
    const run = steps[feed]?.run ?? '';
    // The feed is written from release/ once the signed installers are in it, and before the checksums.
    expect(run.indexOf('cp "$from"/* release/')).toBeLessThan(run.indexOf('write-feed.mjs'));
    expect(run.indexOf('write-feed.mjs')).toBeLessThan(run.indexOf('sha256sum'));
    expect(run).toContain('build/minimum-version.txt');
    for (const job of ['sign-macos', 'sign-windows']) expect([publish?.needs ?? []].flat()).toContain(job);
    expect(runsDependencies(publish as Job)).toBe(false);
  });

  it('(issue 25) attests provenance only for a v* tag, and fails a v* tag without signing secrets', () => {
    const attest = (workflow.jobs['checksums-and-provenance']?.steps ?? []).find((step) => step.uses?.startsWith('actions/attest-build-provenance@'));
    expect((attest as Step & { if?: string }).if).toBe("startsWith(github.ref, 'refs/tags/v')");
    for (const name of ['sign-macos', 'sign-windows-app']) {
      const check = workflow.jobs[name]?.steps.find((step) => step.name === 'Signing secrets present?');
      expect(check?.run, name).toMatch(/if \[ -z "\$(MAC|WIN)_CSC_LINK" \]; then .*exit 1; fi/);
    }
  });
});
