import { describe, expect, it } from 'vitest';
import { readEid } from '../../../native/beid/read-eid';
import type { CardTransport } from '../../../native/beid/transport';
import { testTrustAnchors, virtualCard } from '../../support/card-fixtures';

/**
 * The card answers the first READ BINARY of `file` (4031 identity, 4033
 * address) `times` times with `spoil(data)`: a file cut short, or another
 * file's bytes, as a shared reader without transactions gives.
 */
function spoiling(file: '4031' | '4033', times: number, spoil: (data: Buffer) => Buffer): CardTransport & { reads: number } {
  const card = virtualCard();
  let selected = '';
  const transport = {
    reads: 0,
    transmit: (apdu: Buffer) => {
      const response = card.transmit(apdu);
      if (apdu[1] === 0xa4) selected = apdu.subarray(-2).toString('hex');
      const firstChunk = apdu[1] === 0xb0 && apdu[2] === 0 && apdu[3] === 0;
      if (!firstChunk || response.length <= 2 || selected !== file || transport.reads >= times) return Promise.resolve(response);
      transport.reads += 1;
      return Promise.resolve(Buffer.concat([spoil(response.subarray(0, -2)), response.subarray(-2)]));
    },
  };
  return transport;
}

const cutShort = (data: Buffer) => data.subarray(0, 40);
const otherFilesBytes = (data: Buffer) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x6c, 0x75]), data.subarray(6)]);

describe('a read whose bytes do not add up is read again before any field is called unreadable', () => {
  it.each([
    ['the identity file cut short', '4031', cutShort],
    ['the identity file with another file in it', '4031', otherFilesBytes],
    ['the address file cut short', '4033', cutShort],
  ] as const)('%s once: read again, every field right, nothing unreadable, the card verified', async (_case, which, spoil) => {
    const transport = spoiling(which, 1, spoil);
    const result = await readEid(transport, { trustAnchors: testTrustAnchors() });
    expect(transport.reads).toBe(1);
    expect(result.warnings).toEqual([]);
    expect(result.identity.surname).toBe('Vermeulen');
    expect(result.address.municipality).toBe('Gent');
    expect(result.integrity).toMatchObject({ identity: true, address: true });
  });

  it('a file that stays broken after two more reads is decoded as far as it goes, and the rest named unreadable', async () => {
    const transport = spoiling('4031', 3, cutShort);
    const result = await readEid(transport, { trustAnchors: testTrustAnchors() });
    expect(transport.reads).toBe(3);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.integrity.identity).toBe(false);
  });
});
