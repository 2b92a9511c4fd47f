import { describe, expect, it, vi } from 'vitest';
import { demoReaderName } from '../../../electron/cards/demo-card';
import type { EidCard } from '../../../electron/ipc/contract';
import { EidEvidence } from '../../../electron/cards/eid-evidence';

const prefill = {
  name: 'Vermeulen',
  firstName: 'Jonas',
  secondName: 'Pieter M',
  inszNumber: '85073003328',
  dateOfBirth: '1985-07-30',
  gender: 'MALE' as const,
  nationality: 'Belg',
  placeOfBirth: 'Gent',
  street: 'Kortrijksesteenweg 112',
  postalCode: '9000',
  city: 'Gent',
  verified: true,
};
const card = (overrides: Partial<EidCard> = {}): EidCard => ({
  reader: 'R',
  readId: 'read-1',
  complete: true,
  card: { appletVersion: '1.7', cardNumber: '1', documentType: 1, validityBegin: '', validityEnd: '', expired: false },
  prefill,
  dateOfBirthRaw: '30 JUL 1985',
  photo: null,
  integrity: { identity: true, address: true, photo: true, certificate: 'trusted' },
  warnings: [],
  ...overrides,
});
const submitted = Object.fromEntries(Object.entries(prefill).filter(([name]) => name !== 'verified'));

describe('EidEvidence: main decides verified', () => {
  it('vouches for a genuine read submitted unchanged (gender and INSZ as typed)', () => {
    const evidence = new EidEvidence();
    evidence.enter('production');
    evidence.record(card());
    expect(evidence.vouchesFor('read-1', { ...submitted, gender: 'M', inszNumber: '85.07.30-033.28' })).toBe(true);
  });

  it.each([
    ['a changed name', { name: 'Vermeule' }],
    ['a changed street', { street: 'Andere straat 1' }],
    ['another INSZ', { inszNumber: '92021514689' }],
    ['another gender', { gender: 'FEMALE' }],
    ['a missing first name', { firstName: undefined }],
  ])('does not vouch for %s', (_name, change) => {
    const evidence = new EidEvidence();
    evidence.enter('production');
    evidence.record(card());
    expect(evidence.vouchesFor('read-1', { ...submitted, ...change })).toBe(false);
  });

  it('never vouches for a card that did not verify, a partial read, an unknown read or an old one', () => {
    let now = 0;
    const evidence = new EidEvidence({ now: () => now });
    evidence.enter('production');
    evidence.record(card({ readId: 'forged', prefill: { ...prefill, verified: false } }));
    evidence.record(card({ readId: 'partial', complete: false }));
    evidence.record(card({ readId: 'old' }));
    expect(evidence.vouchesFor('forged', submitted)).toBe(false);
    expect(evidence.vouchesFor('partial', submitted)).toBe(false);
    expect(evidence.vouchesFor('never-read', submitted)).toBe(false);
    expect(evidence.vouchesFor(undefined, submitted)).toBe(false);
    now = 16 * 60 * 1000;
    expect(evidence.vouchesFor('old', submitted)).toBe(false);
  });

  it('lets staff add a birth date the card leaves blank', () => {
    const evidence = new EidEvidence();
    evidence.enter('production');
    evidence.record(card({ prefill: { ...prefill, dateOfBirth: null } }));
    expect(evidence.vouchesFor('read-1', { ...submitted, dateOfBirth: '1985-06-01' })).toBe(true);
  });

  it('forgets a read once used, and everything on logout', () => {
    const evidence = new EidEvidence();
    evidence.enter('production');
    evidence.record(card());
    evidence.forget('read-1');
    expect(evidence.vouchesFor('read-1', submitted)).toBe(false);
    evidence.record(card());
    evidence.clear();
    expect(evidence.vouchesFor('read-1', submitted)).toBe(false);
  });

  it('binds a read to its environment: another environment, or any change of it, ends it', () => {
    const evidence = new EidEvidence();
    evidence.enter('demo');
    evidence.record(card());
    evidence.enter('demo');
    expect(evidence.vouchesFor('read-1', submitted)).toBe(true);
    evidence.enter('production');
    expect(evidence.vouchesFor('read-1', submitted)).toBe(false);
    evidence.enter('demo');
    expect(evidence.vouchesFor('read-1', submitted)).toBe(false);
  });

  it('a demo eID read vouches in demo only, and is never recorded elsewhere', () => {
    const evidence = new EidEvidence();
    evidence.enter('production');
    evidence.record(card({ reader: demoReaderName }));
    expect(evidence.size).toBe(0);
    evidence.enter('demo');
    evidence.record(card({ reader: demoReaderName }));
    expect(evidence.vouchesFor('read-1', submitted)).toBe(true);
  });

  it('records nothing before main knows the environment', () => {
    const evidence = new EidEvidence();
    evidence.record(card());
    expect(evidence.size).toBe(0);
  });

  it('drops a read on a timer, without being asked again', () => {
    vi.useFakeTimers();
    try {
      const evidence = new EidEvidence({ keepForMs: 1000 });
      evidence.enter('production');
      evidence.record(card());
      vi.advanceTimersByTime(999);
      expect(evidence.size).toBe(1);
      vi.advanceTimersByTime(1);
      expect(evidence.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
