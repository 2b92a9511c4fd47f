/**
 * What docs/security.md promises about the release workflow, checked on the
 * file itself (actionlint checks its syntax; this checks its shape): actions
 * pinned by commit SHA, a timeout on every job, no secret in a job that runs
 * the project's dependencies, each OS's secrets in its own signing jobs only,
 * npm 11 before npm ci, and the OIDC permission on the last job only.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
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
});
