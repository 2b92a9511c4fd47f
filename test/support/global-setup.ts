import type { TestProject } from 'vitest/node';
import { ensurePcscd } from './pcscd';
import './real-parts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pcscd = await ensurePcscd();
  project.provide('pcscd', { available: pcscd.available, reason: pcscd.reason });
  return () => pcscd.stop();
}
