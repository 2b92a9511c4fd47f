/** Virtual cards for tests: one made-up PKI per key type, generated once per test file. */
import { createCardPki, type CardKeyType, type CardPki } from '../../native/beid/virtual-card/pki';
import { virtualPeople, type VirtualPerson } from '../../native/beid/virtual-card/people';
import { VirtualBeidCard, type VirtualCardOptions } from '../../native/beid/virtual-card/virtual-beid-card';

const pkis = new Map<string, CardPki>();

/** The trusted test PKI of a key type; `name` gives a separate, untrusted one (a forger's). */
export function testPki(keyType: CardKeyType, name = 'trusted'): CardPki {
  const key = `${keyType}:${name}`;
  let pki = pkis.get(key);
  if (!pki) {
    pki = createCardPki({ keyType, rootName: `Test Root ${name} ${keyType}` });
    pkis.set(key, pki);
  }
  return pki;
}

export const testTrustAnchors = () => [testPki('rsa').root, testPki('ec').root];

export function virtualCard(
  options: Partial<Omit<VirtualCardOptions, 'person'>> & { person?: VirtualPerson } = {},
): VirtualBeidCard {
  const keyType = options.appletVersion === '1.8' ? 'ec' : 'rsa';
  return new VirtualBeidCard({ person: virtualPeople.jonas, pki: testPki(keyType), ...options });
}
