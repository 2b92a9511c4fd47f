/**
 * The Group Policy templates (ADMX, with ADML in nl-NL, fr-FR and en-US) for every key of the one schema,
 * written to build/policy-templates/ and checked against policy.ts by test/unit/settings/policy-templates.test.ts.
 * Each policy writes the value the app reads (machine-sources.ts): text as REG_SZ, a choice as REG_SZ,
 * a boolean as REG_DWORD 0/1, an object as JSON text. Mandatory under the key, recommended under its
 * `Recommended` subkey (Chrome's templates do the same). Format: Microsoft's "ADMX schema" reference.
 */
import { registryPolicyKey, registryRecommendedKey } from './machine-sources';
import { policyKeys, policySchema, recommendableKeys, type PolicyKey } from './policy';

export const templateLanguages = { 'nl-NL': 'Beleid van UiTPAS Balie', 'fr-FR': 'Stratégie de UiTPAS Balie', 'en-US': 'UiTPAS Balie policy' } as const;
type TemplateLanguage = keyof typeof templateLanguages;

const recommendedName: Record<TemplateLanguage, string> = { 'nl-NL': 'aanbevolen', 'fr-FR': 'recommandé', 'en-US': 'recommended' };
const explainLead: Record<TemplateLanguage, string> = {
  'nl-NL': 'Zie docs/it-guide.md voor deze instelling. Waarde:',
  'fr-FR': 'Voir docs/it-guide.md pour ce paramètre. Valeur :',
  'en-US': 'See docs/it-guide.md for this setting. Value:',
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(key: PolicyKey, id: string): string {
  const schema = policySchema[key];
  if (schema.form === 'boolean') return '';
  if (schema.form === 'choice') {
    const items = (schema.choices ?? []).map((choice) => `          <item displayName="$(string.${key}_${choice})"><value><string>${choice}</string></value></item>`).join('\n');
    return `\n      <elements>\n        <enum id="${id}" valueName="${key}" required="true">\n${items}\n        </enum>\n      </elements>`;
  }
  return `\n      <elements>\n        <text id="${id}" valueName="${key}" required="true" maxLength="${schema.form === 'json' ? 2000 : 1000}" />\n      </elements>`;
}

function policy(key: PolicyKey, recommended: boolean): string {
  const name = recommended ? `${key}_recommended` : key;
  const registryKey = recommended ? registryRecommendedKey : registryPolicyKey;
  const boolean = policySchema[key].form === 'boolean';
  const values = boolean ? `\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>` : '';
  return `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_explain)"${boolean ? '' : ` presentation="$(presentation.${name})"`} key="${registryKey}"${boolean ? ` valueName="${key}"` : ''}>
      <parentCategory ref="${recommended ? 'UiTPASBalieRecommended' : 'UiTPASBalie'}" />
      <supportedOn ref="SUPPORTED_UiTPASBalie" />${values}${element(key, name)}
    </policy>`;
}

const entries = (): { key: PolicyKey; recommended: boolean }[] => [
  ...policyKeys.map((key) => ({ key, recommended: false })),
  ...recommendableKeys.map((key) => ({ key, recommended: true })),
];

export function admx(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from electron/settings/policy.ts (policy-templates.ts); do not edit by hand. -->
<policyDefinitions xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions" revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="uitpasbalie" namespace="publiq.Policies.UiTPASBalie" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_UiTPASBalie" displayName="$(string.SUPPORTED_UiTPASBalie)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="UiTPASBalie" displayName="$(string.UiTPASBalie)" />
    <category name="UiTPASBalieRecommended" displayName="$(string.UiTPASBalieRecommended)" />
  </categories>
  <policies>
${entries()
  .map(({ key, recommended }) => policy(key, recommended))
  .join('\n')}
  </policies>
</policyDefinitions>
`;
}

export function adml(language: TemplateLanguage): string {
  const strings: string[] = [
    `<string id="UiTPASBalie">${escape(templateLanguages[language])}</string>`,
    `<string id="UiTPASBalieRecommended">${escape(`${templateLanguages[language]} (${recommendedName[language]})`)}</string>`,
    '<string id="SUPPORTED_UiTPASBalie">UiTPAS Balie 0.1.0</string>',
  ];
  const presentations: string[] = [];
  for (const { key, recommended } of entries()) {
    const name = recommended ? `${key}_recommended` : key;
    const schema = policySchema[key];
    strings.push(`<string id="${name}">${escape(recommended ? `${key} (${recommendedName[language]})` : key)}</string>`);
    strings.push(`<string id="${name}_explain">${escape(`${explainLead[language]} ${schema.means}. Registry: HKLM\\${recommended ? registryRecommendedKey : registryPolicyKey}\\${key}`)}</string>`);
    for (const choice of schema.form === 'choice' ? (schema.choices ?? []) : []) if (!recommended) strings.push(`<string id="${key}_${choice}">${choice}</string>`);
    if (schema.form === 'choice') presentations.push(`<presentation id="${name}"><dropdownList refId="${name}">${key}</dropdownList></presentation>`);
    if (schema.form === 'text' || schema.form === 'json') presentations.push(`<presentation id="${name}"><textBox refId="${name}"><label>${key}</label></textBox></presentation>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from electron/settings/policy.ts (policy-templates.ts); do not edit by hand. -->
<policyDefinitionResources xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions" revision="1.0" schemaVersion="1.0">
  <displayName>${escape(templateLanguages[language])}</displayName>
  <description>${escape(templateLanguages[language])}</description>
  <resources>
    <stringTable>
${strings.map((line) => `      ${line}`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.map((line) => `      ${line}`).join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** The files as they belong in build/policy-templates/ (the layout of C:\Windows\PolicyDefinitions). */
export function policyTemplateFiles(): Record<string, string> {
  const files: Record<string, string> = { 'uitpas-balie.admx': admx() };
  for (const language of Object.keys(templateLanguages) as TemplateLanguage[]) files[`${language}/uitpas-balie.adml`] = adml(language);
  return files;
}
