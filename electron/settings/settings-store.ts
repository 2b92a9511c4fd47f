/**
 * The counter's settings that are not secret, as JSON in the app's folder. Demo
 * is the default for a first start (no file). A file that exists but cannot be
 * read or understood is not silently replaced: it is moved aside (for IT to
 * look at) and the store reports it, so the page can warn that the app fell
 * back to demo instead of letting staff believe they work in production.
 */
import { readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file';
import { isLanguage, type Language } from './languages';
import { environmentNames, type EnvironmentName } from './environments';
import { noReaderRoles, type ReaderRoles } from '../cards/reader-roles';
import { validatePolicy, type UitidV2ClientSetting } from './policy';

export interface ChosenBalie {
  id: string;
  name: string;
  consumerKey: string;
}

export interface Settings {
  environment: EnvironmentName;
  /** The language of this workstation's page, once staff (or the policy) chose it; absent, the page follows the PC's language. */
  language?: Language;
  /** The Service Consumer key of the app for the environment (not needed for demo). */
  consumerKey: string;
  balie: ChosenBalie | null;
  /** Readers IT pinned to eIDs or to UiTPAS cards, by name (electron/cards/reader-roles.ts); empty lists: the card decides. */
  readerRoles: ReaderRoles;
  /** The UiTiD v2 native client for the environment; null: the v1 login. */
  uitidV2: UitidV2ClientSetting | null;
  /** Whether a registration or an update with a re-read eID stores the eID photo, unless staff untick it (absent: on). */
  storeEidPhoto?: boolean;
}

export const defaultSettings: Settings = {
  environment: 'demo',
  consumerKey: '',
  balie: null,
  readerRoles: noReaderRoles,
  uitidV2: null,
};

export class SettingsStore {
  private unreadable = false;

  constructor(private readonly file: string) {}

  /** True when the last load found a settings file it could not use (until settings are saved again). */
  get wasUnreadable(): boolean {
    return this.unreadable;
  }

  async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaultSettings };
      return this.fallBack(false);
    }
    const stored = parseSettings(text);
    return stored ?? this.fallBack(true);
  }

  async save(settings: Settings): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
    this.unreadable = false;
  }

  /** Keeps the unusable file beside the new one, so nothing is lost and IT can see what was there. */
  private async fallBack(moveAside: boolean): Promise<Settings> {
    this.unreadable = true;
    if (moveAside) await rename(this.file, `${this.file}.unreadable`).catch(() => undefined);
    return { ...defaultSettings };
  }
}

function parseSettings(text: string): Settings | null {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const { environment, language, consumerKey, balie, readerRoles, uitidV2, storeEidPhoto } = stored as Record<string, unknown>;
  if (!environmentNames.includes(environment as EnvironmentName)) return null;
  // The user's file takes the policy's shape for the v2 client: one check, in policy.ts.
  const client = validatePolicy({ uitidV2 });
  return {
    environment: environment as EnvironmentName,
    ...(isLanguage(language) ? { language } : {}),
    consumerKey: typeof consumerKey === 'string' ? consumerKey : '',
    balie: isChosenBalie(balie) ? balie : null,
    readerRoles: asReaderRoles(readerRoles),
    uitidV2: uitidV2 !== undefined && uitidV2 !== null && 'policy' in client && client.policy.uitidV2 ? client.policy.uitidV2 : null,
    ...(typeof storeEidPhoto === 'boolean' ? { storeEidPhoto } : {}),
  };
}

/** Each list kept if it is a list of names; anything else is no pinning for that kind. */
function asReaderRoles(value: unknown): ReaderRoles {
  const names = (list: unknown) => (Array.isArray(list) && list.every((name) => typeof name === 'string') ? list : []);
  const { eidreader, nfcreader } = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { eidreader: names(eidreader), nfcreader: names(nfcreader) };
}

function isChosenBalie(value: unknown): value is ChosenBalie {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, consumerKey } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof consumerKey === 'string';
}
