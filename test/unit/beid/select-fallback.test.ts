/**
 * SELECT as the official middleware does it: whatever a card answers to the
 * path form, the reader walks 3F00 → DF → EF by file identifier (eid-mw
 * cardlayer/card.cpp SelectByPath), and remembers per card which form worked.
 */
import { describe, expect, it } from 'vitest';
import { SelectMemory } from '../../../native/beid/beid-protocol';
import { readEid } from '../../../native/beid/read-eid';
import type { CardTransport } from '../../../native/beid/transport';
import { isGenuine } from '../../../native/beid/integrity';
import { testTrustAnchors, virtualCard } from '../../support/card-fixtures';

function recording(transport: CardTransport) {
  const sent: Buffer[] = [];
  return { sent, transport: { transmit: (apdu: Buffer) => (sent.push(Buffer.from(apdu)), transport.transmit(apdu)) } };
}
const isPathSelect = (apdu: Buffer) => apdu[1] === 0xa4 && apdu[2] === 0x08;
const isFidSelect = (apdu: Buffer) => apdu[1] === 0xa4 && apdu[2] === 0x02;

describe('SELECT fallback', () => {
  it.each([0x6a80, 0x6700, 0x6a82, 0x6a86, 0x6a87, 0x6d00, 0x6e00, 0x6985].map((sw) => [sw.toString(16).toUpperCase(), sw] as const))(
    'reads a card that answers %s to SELECT by path, trying the path form only once',
    async (_name, sw) => {
      const { sent, transport } = recording(virtualCard({ pathSelectAnswer: sw }).asTransport());
      const read = await readEid(transport, { trustAnchors: testTrustAnchors() });
      expect(isGenuine(read.integrity)).toBe(true);
      expect(sent.filter(isPathSelect)).toHaveLength(1);
      // 3F00 → DF01 → 4031; then 4033, 4032, 4034, 4035 by ID in DF01; 3F00 → DF00 → 503C.
      expect(sent.filter(isFidSelect).map((apdu) => apdu.readUInt16BE(5).toString(16))).toEqual([
        '3f00', 'df01', '4031', '4033', '4032', '4034', '4035', '3f00', 'df00', '503c',
      ]);
    },
  );

  it('remembers the form per card, so a second read of the same card goes straight to the walk', async () => {
    const memory = new SelectMemory();
    const card = virtualCard({ pathSelectAnswer: 0x6a80 });
    await readEid(card.asTransport(), { trustAnchors: testTrustAnchors(), selectMemory: memory });
    const { sent, transport } = recording(card.asTransport());
    await readEid(transport, { trustAnchors: testTrustAnchors(), selectMemory: memory });
    expect(sent.filter(isPathSelect)).toHaveLength(0);
  });

  it('keeps the one-APDU path form for cards that accept it', async () => {
    const { sent, transport } = recording(virtualCard().asTransport());
    await readEid(transport, { trustAnchors: testTrustAnchors() });
    expect(sent.filter(isPathSelect)).toHaveLength(6);
    expect(sent.filter(isFidSelect)).toHaveLength(0);
  });

  it('gives up with a named step only when the walk fails too', async () => {
    const card = virtualCard({ pathSelectAnswer: 0x6a80 });
    const broken: CardTransport = {
      transmit: (apdu) => Promise.resolve(apdu.length === 7 && apdu[2] === 0x02 && apdu.readUInt16BE(5) === 0x4035 ? Buffer.from([0x6a, 0x82]) : card.transmit(apdu)),
    };
    await expect(readEid(broken, { trustAnchors: testTrustAnchors() })).rejects.toMatchObject({ reason: 'unreadable-data', detail: 'select photo: 6A82' });
  });
});
