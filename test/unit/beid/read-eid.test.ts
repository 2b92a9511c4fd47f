import { describe, expect, it } from 'vitest';
import { Apdu } from '../../../native/beid/apdu';
import { readEid, type EidIdentityRead } from '../../../native/beid/read-eid';
import { virtualPeople } from '../../../native/beid/virtual-card/people';
import type { CardTransport } from '../../../native/beid/transport';
import { testPki, testTrustAnchors, virtualCard } from '../../support/card-fixtures';

/** A transport that counts APDUs by instruction. */
function counting(transport: CardTransport) {
  const sent: Buffer[] = [];
  return {
    sent,
    transport: { transmit: (apdu: Buffer) => (sent.push(apdu), transport.transmit(apdu)) },
  };
}

const read = (card: ReturnType<typeof virtualCard>, onIdentityAndAddress?: (read: EidIdentityRead) => void) =>
  readEid(card.asTransport(), { trustAnchors: testTrustAnchors(), onIdentityAndAddress });

describe('readEid over a virtual card', () => {
  it('reads a 1.7 card: identity, address, photo, and finds it genuine', async () => {
    const result = await read(virtualCard());
    expect(result.card.appletVersion).toBe('1.7');
    expect(result.identity).toMatchObject({
      surname: 'Vermeulen',
      firstNames: 'Jonas Pieter',
      thirdNameInitial: 'M',
      nationalNumber: '85073003328',
      sex: 'male',
      validityBegin: '2021-03-15',
      documentType: 1,
    });
    expect(result.identity.dateOfBirth?.iso).toBe('1985-07-30');
    expect(result.address).toEqual({ streetAndNumber: 'Kortrijksesteenweg 112', postalCode: '9000', municipality: 'Gent' });
    expect(result.photo.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(result.integrity).toEqual({
      identity: true,
      address: true,
      photo: true,
      photoHashMatches: true,
      photoHashAlgorithm: 'sha256',
      certificate: 'trusted',
    });
  });

  it('reads a 1.8 card (ECDSA P-384, SHA-384 photo hash, tag 00 first)', async () => {
    const result = await read(virtualCard({ appletVersion: '1.8', person: virtualPeople.lukas }));
    expect(result.card.appletVersion).toBe('1.8');
    expect(result.identity.dateOfBirth?.iso).toBe('2005-03-12');
    expect(result.address.streetAndNumber).toBe('Kirchstraße 7');
    expect(result.integrity).toMatchObject({ identity: true, address: true, photo: true, photoHashAlgorithm: 'sha384' });
  });

  it('reads an applet 1.1 card (with the pause before a 6Cxx re-send)', async () => {
    const result = await read(virtualCard({ appletVersion: '1.1', endOfFile: 'wrong-length', photoHash: 'sha1' }));
    expect(result.card.appletVersion).toBe('1.1');
    expect(result.integrity).toMatchObject({ photo: true, photoHashAlgorithm: 'sha1' });
  });

  it.each(['sha1', 'sha256', 'sha384'] as const)('checks a %s photo hash', async (photoHash) => {
    const result = await read(virtualCard({ photoHash }));
    expect(result.integrity).toMatchObject({ photoHashAlgorithm: photoHash, photoHashMatches: true, photo: true });
  });

  it.each(['short-read', 'wrong-length', 'end-of-file-warning'] as const)('reads the same files when the card ends a file by %s', async (endOfFile) => {
    const card = virtualCard({ endOfFile });
    const result = await read(card);
    expect(result.photo).toEqual(card.files.get('photo'));
    expect(result.integrity.identity && result.integrity.address && result.integrity.photo).toBe(true);
  });

  it('ends a file whose size is a multiple of 252 on 6B00', async () => {
    const card = virtualCard({ photo: Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(252 * 3 - 2, 0x20)]) });
    const { sent, transport } = counting(card.asTransport());
    const result = await readEid(transport, { trustAnchors: testTrustAnchors() });
    expect(result.photo.length).toBe(756);
    const afterSelect = sent.slice(sent.findIndex((apdu) => apdu.equals(Apdu.selectPath([0xdf01, 0x4035]))) + 1);
    const photoReads = afterSelect.slice(0, afterSelect.findIndex((apdu) => apdu[1] === 0xa4));
    expect(photoReads).toHaveLength(4);
  });

  it('reads an identity file longer than one chunk (an unknown 300-byte tag with an FF-run length)', async () => {
    const card = virtualCard({ extraIdentityFields: [[0x7e, Buffer.alloc(300, 0x41)]] });
    expect(card.files.get('identity')!.length).toBeGreaterThan(252);
    const result = await read(card);
    expect(result.identity.surname).toBe('Vermeulen');
    expect(result.integrity.identity).toBe(true);
  });

  it('selects the applet by AID when it is not the default, walks FIDs when path select is refused, and follows 61xx', async () => {
    const result = await read(virtualCard({ appletNotDefault: true, pathSelectAnswer: 0x6a86, answerWithGetResponse: true }));
    expect(result.identity.surname).toBe('Vermeulen');
    expect(result.integrity.identity).toBe(true);
  });

  it('hands over identity and address before reading signatures and photo', async () => {
    const card = virtualCard();
    const { sent, transport } = counting(card.asTransport());
    let apdusAtPrefill = 0;
    await readEid(transport, {
      trustAnchors: testTrustAnchors(),
      onIdentityAndAddress: () => (apdusAtPrefill = sent.length),
    });
    const afterPrefill = sent.slice(apdusAtPrefill);
    expect(afterPrefill[0]).toEqual(Apdu.selectPath([0xdf01, 0x4032]));
    expect(sent.slice(0, apdusAtPrefill).some((apdu) => apdu.equals(Apdu.selectPath([0xdf01, 0x4035])))).toBe(false);
  });

  it('sends per file no more than 1 SELECT + ceil(size/252) READs + 1', async () => {
    for (const endOfFile of ['short-read', 'wrong-length', 'end-of-file-warning'] as const) {
      const card = virtualCard({ endOfFile });
      const result = await read(card);
      const budget = [...card.files.values()].reduce((sum, file) => sum + 1 + Math.ceil(file.length / 252) + 1, 1);
      expect(result.apduCount).toBeLessThanOrEqual(budget);
    }
  });

  it('parses partial birth dates and female codes', async () => {
    const result = await read(virtualCard({ person: virtualPeople.aylin }));
    expect(result.identity.dateOfBirth).toEqual({ raw: '        1962', year: 1962, month: null, day: null, iso: null });
    expect(result.identity.sex).toBe('female');
  });
});

describe('readEid integrity', () => {
  it('does not trust a card signed by another root, however valid its signatures look', async () => {
    const forged = virtualCard({ pki: testPki('rsa', 'forger') });
    const result = await read(forged);
    expect(result.identity.surname).toBe('Vermeulen');
    expect(result.integrity).toMatchObject({ certificate: 'untrusted', identity: false, address: false, photo: false, photoHashMatches: true });
  });

  it.each([
    ['identity', { identity: false, address: true, photo: false }],
    ['address', { identity: true, address: false, photo: true }],
    ['photo', { identity: true, address: true, photo: false }],
  ] as const)('finds a card whose %s was changed after signing not genuine', async (tamper, expected) => {
    const result = await read(virtualCard({ tamper }));
    expect(result.integrity).toMatchObject({ certificate: 'trusted', ...expected });
  });
});

describe('readEid failures', () => {
  it('says "not an eID" for a card that knows no BEID applet', async () => {
    const notEid: CardTransport = { transmit: () => Promise.resolve(Buffer.from([0x6d, 0x00])) };
    await expect(readEid(notEid, { trustAnchors: [] })).rejects.toMatchObject({ reason: 'not-eid' });
  });
});
