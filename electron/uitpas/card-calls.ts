/** The UiTPAS calls about a card: a new card, the card's own data, its price, and the retrieve by number, chip or INSZ. */
import { pathSegment as path, registered, succeeded, type UitpasCore } from './client-core';
import { refusalOnField, UitpasBadResponseError, UitpasError } from './errors';
import { parseCardInfo, parseIdentification, parsePrice, type CardInfo, type Identification, type UitpasPrice } from './model';
import type { NewCardRequest, PriceQuery, Registered } from './types';
import { child, list } from './xml';

const blockSucceeded = ['ACTION_SUCCEEDED', 'BLOCK_UITPAS_SUCCESS'] as const;

export function cardCalls({ options, post, get, request }: UitpasCore) {
  return {
    registerNewCard: async (card: NewCardRequest): Promise<Registered> => {
      const reason = card.reason === 'DEFECT' || card.reason === 'REMOVAL' ? (options.defectReason ?? 'DEFECT') : card.reason;
      return registered(await post('uitpas/passholder/newCard', { ...card, reason }));
    },

    /**
     * Blocks a lost, stolen or defective card (DOC pashouders/block-uitpas.md; CF Uitpas/Default.php::blockUitpas).
     * The docs answer ACTION_SUCCEEDED; CF's own test data (CultureFeed/test/uitpas/data/passholder/block.xml, asserted
     * in CultureFeed_Uitpas_PasHoudersAPITest.php::testBlockUitpas) answers BLOCK_UITPAS_SUCCESS: both are a success.
     */
    blockCard: async (uitpasNumber: string) => succeeded(await request('POST', `uitpas/passholder/block/${path(uitpasNumber)}`, {}, { acceptCodes: blockSucceeded }), blockSucceeded),

    /**
     * A pass holder, card or group pass by UiTPAS number, chip number, INSZ or INSZ barcode, as the real counter
     * looks them up (DOC uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md;
     * CF Uitpas/Default.php::identify). A 200 may carry INVALID_CARD_STATUS_BLOCKED or KANSENSTATUUT_EXPIRED
     * next to what it found: a notice, not a refusal. UNKNOWN_IDENTIFICATION means nothing was found.
     */
    retrieve: async (identification: string): Promise<Identification | null> => {
      try {
        const xml = await request('GET', 'uitpas/retrieve', { identification }, { acceptCodes: ['INVALID_CARD_STATUS_BLOCKED', 'KANSENSTATUUT_EXPIRED'] });
        return parseIdentification(child(xml, 'response'));
      } catch (error) {
        if (error instanceof UitpasError && error.code === 'UNKNOWN_IDENTIFICATION') return null;
        throw error;
      }
    },

    getCard: async (uitpasNumber: string): Promise<CardInfo> => parseCardInfo(child(await get('uitpas/card', { uitpasNumber }), 'response') ?? {}),

    /** With dateOfBirth and postalCode the price is the holder's age band's (DOC uitpas-prijzen/ophalen-uitpas-prijs.md). */
    getPrice: async (query: PriceQuery): Promise<UitpasPrice> => {
      // The only date the price takes is the birth date.
      const response = child(await get('uitpas/price', { ...query }).catch(refusalOnField({ PARSE_INVALID_DATE: 'dateOfBirth' })), 'response');
      const price = list(response, 'uitpasPrice')[0];
      if (!price) throw new UitpasBadResponseError(200, false, 'incomplete');
      return parsePrice(price);
    },
  };
}
