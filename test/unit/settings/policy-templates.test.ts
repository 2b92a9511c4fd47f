/**
 * The ADMX/ADML templates IT imports into Group Policy or Intune: in the repository
 * (build/policy-templates/), the same as generated from the one schema, one policy per key (and per
 * recommendable key under Recommended), each naming the registry key and value the app reads.
 * `UPDATE_POLICY_TEMPLATES=1 npx vitest run test/unit/settings/policy-templates.test.ts` writes them anew.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { registryPolicyKey, registryRecommendedKey } from '../../../electron/settings/machine-sources';
import { policyKeys, recommendableKeys } from '../../../electron/settings/policy';
import { policyTemplateFiles } from '../../../electron/settings/policy-templates';

const folder = join(__dirname, '../../../build/policy-templates');
const files = policyTemplateFiles();
if (process.env.UPDATE_POLICY_TEMPLATES === '1') {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
}

describe('Group Policy templates', () => {
  it.each(Object.keys(files))('%s in the repository is the one generated from the schema', (name) => {
    expect(readFileSync(join(folder, name), 'utf8')).toBe(files[name]);
  });

  it('has a policy for every key, in the registry key the app reads, and a recommended one for what staff may change', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(join(folder, 'uitpas-balie.admx'), 'utf8')) as { policyDefinitions: { policies: { policy: unknown } } };
    const policies = parsed.policyDefinitions.policies.policy as { name: string; key: string; valueName?: string; elements?: Record<string, { valueName: string }> }[];
    const valueOf = (policy: (typeof policies)[number]) => policy.valueName ?? Object.values(policy.elements ?? {})[0]?.valueName;
    for (const key of policyKeys) expect(policies.find((policy) => policy.name === key && policy.key === registryPolicyKey && valueOf(policy) === key), key).toBeDefined();
    for (const key of recommendableKeys) expect(policies.find((policy) => policy.name === `${key}_recommended` && policy.key === registryRecommendedKey && valueOf(policy) === key), key).toBeDefined();
    expect(policies).toHaveLength(policyKeys.length + recommendableKeys.length);
  });

  it.each(['nl-NL', 'fr-FR', 'en-US'])('%s has every string and presentation the ADMX refers to', (language) => {
    const admx = readFileSync(join(folder, 'uitpas-balie.admx'), 'utf8');
    const adml = readFileSync(join(folder, language, 'uitpas-balie.adml'), 'utf8');
    for (const [, id] of admx.matchAll(/\$\(string\.([\w-]+)\)/g)) expect(adml, id).toContain(`<string id="${id}">`);
    for (const [, id] of admx.matchAll(/\$\(presentation\.([\w-]+)\)/g)) expect(adml, id).toContain(`<presentation id="${id}">`);
  });
});
