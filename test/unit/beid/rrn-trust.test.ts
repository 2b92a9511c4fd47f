/**
 * Trust as the National Register means it: the RRN certificate chains to a
 * Belgian root and is valid at the card's validity begin OR now (the address
 * file is re-signed with a newer certificate after an address change), it is
 * the Register's own certificate (CN=RRN, signing key usage, not a CA), and an
 * expired card is prefilled but never verified.
 */
import { describe, expect, it } from 'vitest';
import { completeCardView } from '../../../electron/cards/card-view';
import { isGenuine } from '../../../native/beid/integrity';
import { readEid } from '../../../native/beid/read-eid';
import { createCardPki, KeyUsage, type CardPkiOptions } from '../../../native/beid/virtual-card/pki';
import { virtualCard } from '../../support/card-fixtures';

// Jonas's card is valid from 15.03.2021 to 15.03.2031.
const today = new Date('2026-06-01T10:00:00Z');

async function readWith(options: Partial<CardPkiOptions>, now = today) {
  const pki = createCardPki({ keyType: 'ec', ...options });
  return readEid(virtualCard({ pki, appletVersion: '1.8' }).asTransport(), { trustAnchors: [pki.root], now: () => now });
}

describe('the RRN certificate', () => {
  it('is trusted when renewed after the card was issued (not valid at validity begin, valid now)', async () => {
    const result = await readWith({ rrnValidFrom: new Date('2024-01-01T00:00:00Z') });
    expect(result.integrity.certificate).toBe('trusted');
    expect(isGenuine(result.integrity)).toBe(true);
  });

  it('is trusted when it has expired since the card was issued (valid at validity begin)', async () => {
    const result = await readWith({ rrnValidTo: new Date('2023-01-01T00:00:00Z') });
    expect(result.integrity.certificate).toBe('trusted');
  });

  it('is not trusted when valid neither at validity begin nor now', async () => {
    const result = await readWith({ rrnValidFrom: new Date('2022-01-01T00:00:00Z'), rrnValidTo: new Date('2023-01-01T00:00:00Z') });
    expect(result.integrity).toMatchObject({ certificate: 'untrusted', identity: false, address: false });
  });

  it.each([
    ['another subject than the National Register', { rrnCommonName: 'Citizen CA' }],
    ['a key usage for certificates, not for signing', { rrnKeyUsage: KeyUsage.keyCertSign }],
    ['signing and certificate key usage at once', { rrnKeyUsage: KeyUsage.digitalSignature | KeyUsage.keyCertSign }],
  ])('is refused with %s, even under a Belgian root', async (_name, options) => {
    const result = await readWith(options);
    expect(result.integrity).toMatchObject({ certificate: 'not-rrn', identity: false, address: false, photo: false });
  });
});

describe('the card validity end', () => {
  it('an expired card still prefills, is marked expired, and is not verified', async () => {
    const result = await readWith({}, new Date('2031-03-16T08:00:00'));
    expect(result.expired).toBe(true);
    expect(isGenuine(result.integrity)).toBe(true);
    const view = completeCardView('R', 'read-1', result);
    expect(view.card.expired).toBe(true);
    expect(view.prefill).toMatchObject({ name: 'Vermeulen', verified: false });
  });

  it('a card on its last day is still valid', async () => {
    const result = await readWith({}, new Date('2031-03-15T20:00:00'));
    expect(result.expired).toBe(false);
    expect(completeCardView('R', 'read-1', result).prefill.verified).toBe(true);
  });
});
