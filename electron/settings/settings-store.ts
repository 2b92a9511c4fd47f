/** The counter's settings that are not secret, as JSON in the app's folder. Demo is the default. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { environmentNames, type EnvironmentName } from './environments';
import { defaultLanguage, isLanguage, type Language } from './languages';

export interface ChosenBalie {
  id: string;
  name: string;
  consumerKey: string;
}

export interface Settings {
  environment: EnvironmentName;
  /** The language of this workstation's page. */
  language: Language;
  /** The Service Consumer key of the app for the environment (not needed for demo). */
  consumerKey: string;
  balie: ChosenBalie | null;
}

export const defaultSettings: Settings = { environment: 'demo', language: defaultLanguage, consumerKey: '', balie: null };

export class SettingsStore {
  constructor(private readonly file: string) {}

  async load(): Promise<Settings> {
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Settings>;
      return {
        environment: environmentNames.includes(stored.environment as EnvironmentName) ? (stored.environment as EnvironmentName) : 'demo',
        language: isLanguage(stored.language) ? stored.language : defaultSettings.language,
        consumerKey: typeof stored.consumerKey === 'string' ? stored.consumerKey : '',
        balie: stored.balie && typeof stored.balie.id === 'string' ? stored.balie : null,
      };
    } catch {
      return { ...defaultSettings };
    }
  }

  async save(settings: Settings): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}
