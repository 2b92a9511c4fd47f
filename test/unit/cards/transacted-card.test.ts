/**
 * The bound on reader calls (native/pcsc/transacted-card.ts) with an addon whose answers come when the test says:
 * what happens to an answer that arrives after the call gave up. The real addon beside a program holding the card
 * is in test/integration/pcsc-transactions-addon.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { timeoutCode, transactedCards } from '../../../native/pcsc/transacted-card';

type Addon = NonNullable<Parameters<typeof transactedCards>[1]>;
type Card = Awaited<ReturnType<Addon['connect']>>;

describe('bounded reader calls', () => {
  it('a connect that answers after its bound rejects with SCARD_E_TIMEOUT, and its late handle is disconnected', async () => {
    let answer: (card: Card) => void = () => undefined;
    const disconnected: unknown[] = [];
    const late = { late: true } as unknown as Card;
    const calls = {
      connect: () => new Promise<Card>((resolve) => (answer = resolve)),
      disconnect: (card: Card) => {
        disconnected.push(card);
        return Promise.resolve();
      },
    } as unknown as Addon;
    await expect(transactedCards(20, calls)('Lezer', 2, 3)).rejects.toMatchObject({ pcscCode: timeoutCode });
    expect(disconnected).toEqual([]);
    answer(late);
    await expect.poll(() => disconnected).toEqual([late]);
  });
});
