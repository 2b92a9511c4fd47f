/**
 * What main remembers of a genuine eID read so it can vouch for a form later:
 * `verified` goes to UiTPAS as true only when every field the card gave is
 * submitted unchanged and the card's signatures checked out. Staff usually hand
 * the card back before they submit, so the prefill, and the photo when its
 * hash matched the signed identity, are kept in memory (never on disk, never
 * logged) for a short while after removal: the photo is what main uploads to
 * the pass holder's record, so the page never has to send photo bytes. Kept until it is used, 15 minutes pass (a
 * timer drops it, whether or not anything asks), the environment changes, or the
 * staff member logs in or out.
 *
 * Each read is bound to where it came from: its reader and the environment the
 * app was in. A read vouches only in that same environment, and a read of the
 * demo eID (whose made-up National Register is trusted for demo reads) vouches
 * in the demo environment only, whatever happens in between.
 */
import type { EidCard, PassholderPrefill } from '../ipc/contract';
import { normaliseInsz } from '../rules/insz';
import type { EnvironmentName } from '../settings/environments';
import { demoReaderName } from './demo-card';

const defaultKeepForMs = 15 * 60 * 1000;

type ComparedField = Exclude<keyof PassholderPrefill, 'verified' | 'gender' | 'inszNumber'>;
const comparedFields: readonly ComparedField[] = ['name', 'firstName', 'secondName', 'dateOfBirth', 'nationality', 'placeOfBirth', 'street', 'postalCode', 'city'];

export interface SubmittedIdentity {
  name?: string;
  firstName?: string;
  secondName?: string;
  inszNumber?: string;
  dateOfBirth?: string;
  gender?: string;
  nationality?: string;
  placeOfBirth?: string;
  street?: string;
  postalCode?: string;
  city?: string;
}

interface RecordedRead {
  prefill: PassholderPrefill;
  /** The JPEG, only when its hash matched the National Register's signed identity. */
  photo?: Uint8Array;
  at: number;
  reader: string;
  environment: EnvironmentName;
}

export interface EidEvidenceOptions {
  now?: () => number;
  keepForMs?: number;
}

const genders: Readonly<Record<string, string>> = { M: 'MALE', MALE: 'MALE', V: 'FEMALE', F: 'FEMALE', FEMALE: 'FEMALE' };

export class EidEvidence {
  private readonly reads = new Map<string, RecordedRead>();
  /** Where the app is now; null until main knows (a read then is never vouched for). */
  private environment: EnvironmentName | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly keepForMs: number;

  constructor(options: EidEvidenceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.keepForMs = options.keepForMs ?? defaultKeepForMs;
  }

  /** Main says which environment the app is in; any other environment than before drops every read. */
  enter(environment: EnvironmentName): void {
    if (environment !== this.environment) this.clear();
    this.environment = environment;
  }

  /** Remembers complete reads whose signatures checked out, with their reader and environment; anything else can never be vouched for. */
  record(card: EidCard): void {
    this.expire();
    const environment = this.environment;
    if (!card.complete || !card.prefill.verified || environment === null) return;
    if (isDemoRead(card.reader) && environment !== 'demo') return;
    const photo = card.photo?.hashMatches && card.integrity?.photo ? Buffer.from(card.photo.jpegBase64, 'base64') : undefined;
    this.reads.set(card.readId, { prefill: card.prefill, photo, at: this.now(), reader: card.reader, environment });
    this.schedule();
  }

  /** The read when it is known, genuine, recent and of this environment. */
  private usable(readId: string | undefined): RecordedRead | undefined {
    this.expire();
    const read = readId ? this.reads.get(readId) : undefined;
    if (!read || read.environment !== this.environment) return undefined;
    if (isDemoRead(read.reader) && read.environment !== 'demo') return undefined;
    return read;
  }

  /** The national number of a usable read: main compares it with the pass holder's before vouching for an update. */
  inszOf(readId: string | undefined): string | undefined {
    return this.usable(readId)?.prefill.inszNumber || undefined;
  }

  /** The photo of a usable read, only for the person it belongs to (the same national number). */
  photoFor(readId: string | undefined, inszNumber: string | undefined): Uint8Array | undefined {
    const read = this.usable(readId);
    if (!read?.photo || !read.prefill.inszNumber || normaliseInsz(inszNumber ?? '') !== read.prefill.inszNumber) return undefined;
    return read.photo;
  }

  /** True when the read is known, genuine, recent, of this environment, and every field it gave is submitted as read. */
  vouchesFor(readId: string | undefined, submitted: SubmittedIdentity): boolean {
    const read = this.usable(readId);
    if (!read) return false;
    const { prefill } = read;
    const same = (a: string | undefined, b: string) => (a ?? '').trim() === b;
    if (comparedFields.some((field) => prefill[field] !== null && !same(submitted[field], prefill[field] ?? ''))) return false;
    if (normaliseInsz(submitted.inszNumber ?? '') !== prefill.inszNumber) return false;
    if (prefill.gender !== null && genders[(submitted.gender ?? '').toUpperCase()] !== prefill.gender) return false;
    return true;
  }

  /** Once UiTPAS has the data, the read has served its purpose. */
  forget(readId: string | undefined): void {
    if (readId) this.reads.delete(readId);
    this.schedule();
  }

  /** Drops every read: on login, logout and any change of environment. */
  clear(): void {
    this.reads.clear();
    this.schedule();
  }

  /** How many reads are held (for tests: nothing may linger). */
  get size(): number {
    return this.reads.size;
  }

  private expire(): void {
    const oldest = this.now() - this.keepForMs;
    for (const [readId, read] of this.reads) if (read.at <= oldest) this.reads.delete(readId);
  }

  /** One timer, for the oldest read: evidence leaves memory on time even when nothing touches it again. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    let oldest = Infinity;
    for (const read of this.reads.values()) oldest = Math.min(oldest, read.at);
    if (oldest === Infinity) return;
    this.timer = setTimeout(() => {
      this.expire();
      this.schedule();
    }, Math.max(0, oldest + this.keepForMs - this.now()));
    // Never the reason the process stays alive.
    this.timer.unref();
  }
}

/** The demo eID reports from its own reader; a PC/SC reader of that name would count as demo too, the safe way round. */
function isDemoRead(reader: string): boolean {
  return reader === demoReaderName;
}
