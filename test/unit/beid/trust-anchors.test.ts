import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEid } from '../../../native/beid/read-eid';
import { loadTrustAnchors } from '../../../native/beid/trust-anchors';
import { der } from '../../../native/beid/virtual-card/der';
import { virtualCard } from '../../support/card-fixtures';

const bundled = join(import.meta.dirname, '../../../build/belgium-root-ca');

describe('bundled trust anchors', () => {
  it('are exactly the Belgian root CAs, by SHA-256 fingerprint', () => {
    expect(loadTrustAnchors(bundled).map((certificate) => [certificate.subject.split('\n').at(-1), certificate.fingerprint256])).toEqual([
      ['CN=Belgium Root CA', '7C:7E:D4:24:0B:B2:53:BB:35:C3:76:E1:2E:00:B0:27:F1:65:9D:F9:D8:26:74:22:A9:3E:ED:75:ED:C7:AD:FB'],
      ['CN=Belgium Root CA2', '9F:97:44:46:3B:E1:37:14:75:4E:1A:3B:EC:F9:8C:08:CC:20:5E:4A:B3:20:28:F4:E2:83:0C:4A:1B:27:75:B8'],
      ['CN=Belgium Root CA3', 'A8:D1:4E:94:5E:3E:51:56:BC:AE:5E:39:73:7C:F6:A1:B1:F5:10:28:BB:BF:98:2F:50:CE:5F:4C:05:56:8B:4D'],
      ['CN=Belgium Root CA4', 'C3:FB:F3:72:59:AF:09:54:EE:EA:42:82:DD:1C:72:26:A5:4E:71:50:F7:C2:9A:2C:49:5B:A3:4D:BF:E0:9C:A0'],
      ['CN=Belgium Root CA4', '70:2D:D5:C1:A0:93:CF:0A:9D:71:FA:DD:9B:F9:A7:C5:85:7D:89:FB:73:B7:16:E8:67:22:8B:3C:2B:EB:96:8F'],
      ['CN=Belgium Root CA6', '9C:87:2B:C9:79:A7:C0:9A:58:D4:A2:74:C1:99:E5:CB:16:CF:A9:B9:61:8D:98:BC:9A:99:88:E9:84:B8:49:5C'],
    ]);
  });

  it('never vouch for a virtual card', async () => {
    const result = await readEid(virtualCard().asTransport(), { trustAnchors: loadTrustAnchors(bundled) });
    expect(result.integrity).toMatchObject({ certificate: 'untrusted', identity: false, address: false, photo: false });
  });
});

describe('DER integers for virtual card certificates', () => {
  it.each([
    ['00 00 7f 01', '02 02 7f 01'],
    ['00 80', '02 02 00 80'],
    ['80 01', '02 03 00 80 01'],
    ['00 00', '02 01 00'],
    ['05', '02 01 05'],
  ])('encodes %s in the shortest form', (input, expected) => {
    const hex = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');
    expect(der.integer(hex(input))).toEqual(hex(expected));
  });
});
