/**
 * What main remembers of a genuine eID read so it can vouch for a form later:
 * `verified` goes to UiTPAS as true only when every field the card gave is
 * submitted unchanged and the card's signatures checked out. Staff usually hand
 * the card back before they submit, so the prefill (never the photo) is kept in
 * memory for a short while after removal: until it is used, 15 minutes pass,
 * or the staff member logs out.
 */
import type { EidCard, PassholderPrefill } from '../ipc/contract';
import { normaliseInsz } from '../rules/insz';

const keepForMs = 15 * 60 * 1000;

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

const genders: Readonly<Record<string, string>> = { M: 'MALE', MALE: 'MALE', V: 'FEMALE', F: 'FEMALE', FEMALE: 'FEMALE' };

export class EidEvidence {
  private readonly reads = new Map<string, { prefill: PassholderPrefill; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers complete reads whose signatures checked out; anything else can never be vouched for. */
  record(card: EidCard): void {
    this.expire();
    if (card.complete && card.prefill.verified) this.reads.set(card.readId, { prefill: card.prefill, at: this.now() });
  }

  /** True when the read is known, genuine, recent, and every field it gave is submitted as read. */
  vouchesFor(readId: string | undefined, submitted: SubmittedIdentity): boolean {
    this.expire();
    const read = readId ? this.reads.get(readId) : undefined;
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
  }

  clear(): void {
    this.reads.clear();
  }

  private expire(): void {
    const oldest = this.now() - keepForMs;
    for (const [readId, read] of this.reads) if (read.at < oldest) this.reads.delete(readId);
  }
}
