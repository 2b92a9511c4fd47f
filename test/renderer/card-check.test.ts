import { describe, expect, it } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { CardInfo, Result, UitpasPrice } from '../../electron/ipc/contract';
import { withLuhnDigit } from '../../electron/rules/uitpas-number';
import { checkCard, checkHolds, priceText } from '../../renderer/flows/card-check';
import { texts } from '../../renderer/texts';

const number = withLuhnDigit('090000000011');
const card = (status: string): CardInfo => ({ uitpasNumber: number, cardSystem: { id: '1', name: 'UiTPAS Gent' }, cardType: 'CARD', kansenpas: false, status });
const price: UitpasPrice = { id: '1', reason: 'FIRST_CARD', cardType: 'CARD', kansenstatuut: false, price: '5.00', cardSystem: { id: '1', name: 'UiTPAS Gent' } };

/** The bridge over a transport that answers from a table, and notes what was asked. */
function api(answers: Partial<Record<string, Result<unknown>>>) {
  const asked: string[] = [];
  return {
    asked,
    api: createBalieApi({
      invoke: (channel) => {
        asked.push(channel);
        return Promise.resolve(answers[channel] ?? { ok: false, error: { code: 'internal' } });
      },
      subscribe: () => () => undefined,
    }),
  };
}

describe('the card check before anything is registered', () => {
  const input = { number: ` ${number} `, voucher: '', reason: 'FIRST_CARD' as const };

  it('a card in stock here: its system, and the price in euro the Belgian way', async () => {
    const { api: balie } = api({ 'uitpas:getCard': { ok: true, value: card('LOCAL_STOCK') }, 'uitpas:getPrice': { ok: true, value: price } });
    const check = await checkCard(balie, input);
    expect(check).toMatchObject({ state: 'ok', number, message: 'Kaart van UiTPAS Gent, beschikbaar aan deze balie.' });
    expect(priceText(check)).toBe('€ 5,00');
    expect(checkHolds(check, input)).toBe(true);
    // Another number, voucher or reason: the check no longer holds.
    expect(checkHolds(check, { ...input, voucher: 'GENT-2026-0001' })).toBe(false);
    expect(checkHolds(check, { ...input, reason: 'LOSS_THEFT' })).toBe(false);
  });

  it('asks the price with the birth date and postal code, and a new birth date needs a new check', async () => {
    const prices: unknown[] = [];
    const balie = createBalieApi({
      invoke: (channel, payload) => {
        if (channel === 'uitpas:getPrice') prices.push(payload);
        return Promise.resolve(channel === 'uitpas:getCard' ? { ok: true, value: card('LOCAL_STOCK') } : { ok: true, value: price });
      },
      subscribe: () => () => undefined,
    });
    const withPerson = { ...input, dateOfBirth: '2012-05-01', postalCode: '9000' };
    const check = await checkCard(balie, withPerson);
    expect(prices).toEqual([{ uitpasNumber: number, reason: 'FIRST_CARD', dateOfBirth: '2012-05-01', postalCode: '9000' }]);
    expect(checkHolds(check, withPerson)).toBe(true);
    expect(checkHolds(check, { ...withPerson, dateOfBirth: '1985-07-30' })).toBe(false);
    // A birth date still being typed is not sent, and does not count as a change.
    expect(checkHolds(await checkCard(balie, { ...input, dateOfBirth: '2012-05' }), input)).toBe(true);
  });

  it("a card in another balie's stock: the price call says so (BALIE_NOT_AUTHORIZED), as the real counter learns it", async () => {
    const { api: balie } = api({
      'uitpas:getCard': { ok: true, value: card('LOCAL_STOCK') },
      'uitpas:getPrice': { ok: false, error: { code: 'uitpas-rejected', apiCode: 'BALIE_NOT_AUTHORIZED', field: 'uitpasNumber' } },
    });
    expect(await checkCard(balie, input)).toMatchObject({ state: 'refused', field: 'uitpasNumber', message: texts.register.otherBalie });
  });

  it.each(['BLOCKED', 'STOCK', 'SENT_TO_BALIE', 'ACTIVE'])('a %s card is refused with what to do, and no price is asked', async (status) => {
    const { api: balie, asked } = api({ 'uitpas:getCard': { ok: true, value: card(status) } });
    const check = await checkCard(balie, input);
    expect(check).toMatchObject({ state: 'refused', field: 'uitpasNumber', message: texts.register.cardStatus[status] });
    expect(asked).toEqual(['uitpas:getCard']);
  });

  it("the pass holder's own current card, typed into a new-card form, is named as theirs before UiTPAS is asked (issue 26 item 14)", async () => {
    const { api: balie, asked } = api({ 'uitpas:getCard': { ok: true, value: card('ACTIVE') } });
    const check = await checkCard(balie, { ...input, reason: 'LOSS_THEFT', heldCards: [number] });
    expect(check).toMatchObject({ state: 'refused', field: 'uitpasNumber', message: 'Dit is de kaart die de pashouder nu heeft. Scan of typ de nieuwe kaart.' });
    expect(asked).toEqual([]);
    // Someone else's card in use is not called the pass holder's own, and may be a group's.
    expect(await checkCard(balie, { ...input, reason: 'LOSS_THEFT', heldCards: [withLuhnDigit('090000000012')] })).toMatchObject({
      state: 'refused',
      message: expect.stringContaining('door een pashouder of een groep'),
    });
  });

  it('a mistyped number is refused on the spot, with the check digit named, before asking UiTPAS', async () => {
    const { api: balie, asked } = api({});
    expect(await checkCard(balie, { ...input, number: '0900000099991' })).toMatchObject({ state: 'refused', field: 'uitpasNumber', message: expect.stringContaining('controlecijfer') });
    expect(asked).toEqual([]);
  });

  it("a voucher UiTPAS refuses lands on the voucher's field", async () => {
    const { api: balie } = api({
      'uitpas:getCard': { ok: true, value: card('LOCAL_STOCK') },
      'uitpas:getPrice': { ok: false, error: { code: 'uitpas-rejected', apiCode: 'INVALID_VOUCHER_STATUS', field: 'voucherNumber' } },
    });
    expect(await checkCard(balie, { ...input, voucher: 'GENT-2026-0099' })).toMatchObject({ state: 'refused', field: 'voucherNumber', message: 'Deze voucher is al gebruikt.' });
  });
});
