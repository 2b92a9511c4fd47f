/**
 * The message catalogues (renderer/messages/): every code main can send has
 * exactly one text in every language, every language has every text of the
 * Dutch reference, and no text sits there unused.
 *
 * "Used" is decided by reading the sources that show texts (renderer/, and the
 * `eid` command): a text is used when its path is written out (`texts.home.search`),
 * or when one of its parents is taken as a whole (`texts.fields[name]`,
 * `options={texts.gender}`). Tables looked up by a code (errors.codes,
 * uitpasCodes, fieldProblems, eidCauses, ...) are checked against the code
 * lists instead, key for key, so a text for a code that no longer exists fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balieErrorCodes, type EidReadCause, type SecretStoreProblem } from '../../electron/ipc/contract';
import { fieldProblems } from '../../electron/rules/passholder-rules';
import { environmentNames } from '../../electron/settings/environments';
import { languages } from '../../electron/settings/languages';
import { updateNotices } from '../../electron/update/update-plan';
import { documentedErrorCodes } from '../../electron/uitpas/error-codes';
import { catalogues } from '../../renderer/texts';

const root = resolve(import.meta.dirname, '../..');

// `satisfies Record<…, true>` fails the typecheck when a cause is added to or removed from the union.
const eidReadCauses = Object.keys({
  'not-eid': true,
  'unknown-card': true,
  'card-removed': true,
  'reader-in-use': true,
  'reader-gone': true,
  'pcsc-unavailable': true,
  'unreadable-data': true,
} satisfies Record<EidReadCause, true>);
const secretStoreProblems = Object.keys({ 'no-encryption': true, 'no-keyring': true, 'browser-host': true } satisfies Record<SecretStoreProblem, true>);

/** Each table of texts looked up by a code, with every code it must word. */
const codeTables: Record<string, readonly string[]> = {
  'errors.codes': balieErrorCodes,
  uitpasCodes: documentedErrorCodes,
  fieldProblems,
  eidCauses: eidReadCauses,
  'settings.secretStoreProblem': secretStoreProblems,
  environments: environmentNames,
  languageNames: languages,
  'update.notices': updateNotices,
};

type Tree = { readonly [key: string]: unknown };

function at(tree: Tree, path: string): Tree {
  return path.split('.').reduce<Tree>((node, key) => node[key] as Tree, tree);
}

/** Every text's path, e.g. `home.search`, `errors.codes.internal`. */
function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafPaths(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return path.endsWith(join('renderer', 'messages')) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const nl = catalogues.nl as unknown as Tree;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('message catalogues', () => {
  it.each(Object.entries(codeTables))('word every code of %s, and only those, in every language', (table, codes) => {
    for (const language of languages) {
      expect(Object.keys(at(catalogues[language] as unknown as Tree, table)).sort(), `${language}: ${table}`).toEqual([...codes].sort());
    }
  });

  it.each(languages.filter((language) => language !== 'nl'))('%s has every text of the Dutch catalogue, and no other', (language) => {
    expect(leafPaths(catalogues[language] as unknown as Tree).sort()).toEqual(leafPaths(nl).sort());
  });

  it.each(languages)('%s: every text is words, and a text with parameters shows the same parameters as the Dutch one', (language) => {
    const catalogue = catalogues[language] as unknown as Tree;
    for (const path of leafPaths(nl)) {
      const dutch = at(nl, path) as unknown;
      const text = at(catalogue, path) as unknown;
      if (typeof dutch === 'function') {
        expect(typeof text, path).toBe('function');
        const args = Array.from({ length: dutch.length }, (_, index) => `PARAM${index}`);
        const [dutchOut, out] = [(dutch as (...a: string[]) => string)(...args), (text as (...a: string[]) => string)(...args)];
        expect(out.trim(), path).not.toBe('');
        for (const arg of args.filter((candidate) => dutchOut.includes(candidate))) expect(out, `${language}: ${path}`).toContain(arg);
      } else {
        expect(typeof text, path).toBe('string');
        // The placeholder '—' of an empty choice is a text too.
        expect((text as string).trim(), `${language}: ${path}`).not.toBe('');
      }
    }
  });

  it('has no text that no screen (or the eid command) uses', () => {
    const sources = [...sourceFiles(join(root, 'renderer')), join(root, 'electron/cards/cli.ts')].map((file) => readFileSync(file, 'utf8')).join('\n');
    const tables = Object.keys(codeTables);
    const usedAsWhole = (path: string) => new RegExp(`\\btexts\\.${escape(path)}(?![\\w$.])`).test(sources);
    const unused = leafPaths(nl).filter((path) => {
      if (tables.some((table) => path.startsWith(`${table}.`))) return false;
      const parts = path.split('.');
      return !parts.some((_, index) => usedAsWhole(parts.slice(0, index + 1).join('.')));
    });
    expect(unused).toEqual([]);
  });

  it('the code tables themselves are read somewhere', () => {
    const texts = readFileSync(join(root, 'renderer/texts.ts'), 'utf8') + readFileSync(join(root, 'renderer/screens/SessionScreens.tsx'), 'utf8');
    for (const table of Object.keys(codeTables)) expect(texts, table).toMatch(new RegExp(`texts\\.${escape(table)}\\b`));
  });
});
