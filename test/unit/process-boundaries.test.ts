/** The linter keeps the processes apart; these cases prove the rules bite. */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: resolve(import.meta.dirname, '../..'),
  // Only the import rules matter here; type information is not needed for them.
  overrideConfig: [tseslint.configs.disableTypeChecked, { rules: { '@typescript-eslint/no-unused-vars': 'off' } }],
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries', () => {
  it.each([
    ['renderer/screens/X.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/screens/X.tsx', "import { readFile } from 'node:fs';"],
    ['renderer/screens/X.tsx', "import path from 'path';"],
    ['renderer/screens/X.tsx', "import { ReaderWatcher } from '../../native/pcsc/reader-watcher';"],
    ['renderer/screens/X.tsx', "import { createMainServices } from '../../electron/main-services';"],
    ['native/beid/x.ts', "import { contractError } from '../../electron/ipc/contract';"],
    ['native/beid/x.ts', "import { texts } from '../../renderer/texts';"],
    ['native/beid/x.ts', "import { app } from 'electron';"],
    ['electron/cards/card-service.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/ipc/dispatch.ts', "import { ipcMain } from 'electron';"],
    ['electron/uitpas/failures.ts', "import { nl } from '../../renderer/messages/nl';"],
    ['electron/cards/cli.ts', "import { texts } from '../../renderer/texts';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/screens/X.tsx', "import type { BalieApi } from '../../electron/ipc/contract';"],
    ['electron/window/window.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/ipc/preload.ts', "import { contextBridge } from 'electron';"],
    ['electron/cards/card-service.ts', "import { ReaderWatcher } from '../../native/pcsc/reader-watcher';"],
    ['native/beid/x.ts', "import { createHash } from 'node:crypto';"],
    ['electron/cards/cli.ts', "import { fr } from '../../renderer/messages/fr';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
