/**
 * The "demo eID" of the demo environment: a virtual card (made-up people)
 * handed to the reader service after the PC/SC layer, so the whole read path,
 * prefill and verification run as with a real card. Its National Register is
 * made up too; only demo reads trust it, never a card in a real reader.
 */
import { createCardPki, type CardPki } from '../../native/beid/virtual-card/pki';
import { virtualPeople } from '../../native/beid/virtual-card/people';
import { VirtualBeidCard } from '../../native/beid/virtual-card/virtual-beid-card';
import type { CardService } from './card-service';

export const demoReaderName = 'Demo-eID (oefenkaart)';
export const demoPeople = Object.keys(virtualPeople) as (keyof typeof virtualPeople)[];
export type DemoPerson = keyof typeof virtualPeople;

export class DemoCard {
  private pki: CardPki | undefined;
  private forgerPki: CardPki | undefined;

  constructor(private readonly reader: CardService) {}

  /** Reads the person's card; `forged` signs it with another root, to show what an untrusted card looks like. */
  insert(person: DemoPerson, forged = false): Promise<void> {
    this.pki ??= createCardPki({ keyType: 'rsa', rootName: 'Demo Rijksregister (oefening)' });
    const signer = forged ? (this.forgerPki ??= createCardPki({ keyType: 'rsa', rootName: 'Vervalser' })) : this.pki;
    const card = new VirtualBeidCard({ person: virtualPeople[person], pki: signer });
    return this.reader.read(demoReaderName, card.asTransport(), [this.pki.root]);
  }

  remove(): void {
    this.reader.remove(demoReaderName);
  }
}
