/**
 * What an activity offers, derived as SX does (reference counter-day.md §1.5; SX
 * src/Activity/SalesInformation/*.php, Specifications/*.php) and NG shows (activity.factory.js getTariff,
 * getCheckinState), and the reading of amounts and points.
 */
import { describe, expect, it } from 'vitest';
import { cents, checkinState, priceOffer, salesInformation, type TicketSaleOpportunity } from '../../../electron/uitpas/visit-offer';
import { wholeNumber } from '../../../electron/uitpas/xml';
import { dayBounds, shiftDays, w3cInBrussels } from '../../../electron/uitpas/visit-time';

const kansentarief = (classes: [string, number, number][], buyConstraintReason?: string): TicketSaleOpportunity => ({
  type: 'DEFAULT',
  buyConstraintReason,
  priceClasses: classes.map(([name, priceCents, tariffCents]) => ({ name, priceCents, tariffCents })),
});
const coupon = (id: string, name: string, classes: [string, number, number][], buyConstraintReason?: string): TicketSaleOpportunity => ({
  ...kansentarief(classes, buyConstraintReason),
  type: 'COUPON',
  coupon: { id, name },
});

describe('the sales block (SX SalesInformation)', () => {
  it('no ticketSale: one class "Basisprijs" at the event price, so a paying event is not free', () => {
    const sales = salesInformation([], 900);
    expect(sales.base).toEqual([{ priceClass: 'Basisprijs', cents: 900 }]);
    expect(priceOffer(sales)).toEqual({ kind: 'no-tariff', baseCents: 900 });
    expect(priceOffer(salesInformation([], 0))).toEqual({ kind: 'free' });
    expect(priceOffer(salesInformation([], undefined))).toEqual({ kind: 'free' });
  });

  it('a ticketSale with a reason other than MAXIMUM_REACHED is no tariff; MAXIMUM_REACHED is one, flagged', () => {
    const sales = salesInformation([kansentarief([['A', 1000, 200]], 'INVALID_CARD'), coupon('18', 'Bon', [['A', 1000, 500]], 'MAXIMUM_REACHED')], 1000);
    expect(sales.tariffs).toEqual([{ type: 'COUPON', name: 'Bon', ticketSaleCouponId: '18', maximumReached: true, prices: [{ priceClass: 'A', cents: 500 }] }]);
    expect(sales).toMatchObject({ maximumReached: true, kansentariefAvailable: false, couponAvailable: false });
    expect(sales.lowestAvailableCents).toBeUndefined();
    expect(priceOffer(sales)).toEqual({ kind: 'maximum-reached' });
  });

  // The cases SX HasDifferentiation lists.
  it.each([
    [1, 1, false],
    [2, 1, true],
    [1, 2, true],
    [2, 2, true],
  ])('%i class(es) and %i open tariff(s): differentiation %s', (classes, tariffs, expected) => {
    const names = ['A', 'B'].slice(0, classes).map((name): [string, number, number] => [name, 1000, 300]);
    const opportunities = [kansentarief(names), coupon('9', 'Bon', names)].slice(0, tariffs);
    expect(salesInformation(opportunities, 1000).differentiation).toBe(expected);
  });

  it('two classes but no open tariff: no differentiation, and none at all is not "maximum reached"', () => {
    const sales = salesInformation([kansentarief([['A', 1000, 300], ['B', 800, 200]], 'INVALID_DATE_CONSTRAINTS')], 1000);
    expect(sales).toMatchObject({ differentiation: false, maximumReached: false });
    expect(sales.base).toEqual([{ priceClass: 'A', cents: 1000 }, { priceClass: 'B', cents: 800 }]);
    expect(priceOffer(sales)).toEqual({ kind: 'no-tariff', baseCents: 1000 });
  });

  it('kansentarief first, then by name regardless of case; lowest of the open ones only', () => {
    const sales = salesInformation([coupon('2', 'zomerbon', [['A', 1000, 100]], 'MAXIMUM_REACHED'), coupon('1', 'Avondbon', [['A', 1000, 400]]), kansentarief([['A', 1000, 250]])], 1000);
    expect(sales.tariffs.map((tariff) => tariff.name)).toEqual(['Kansentarief', 'Avondbon', 'zomerbon']);
    expect(sales.lowestAvailableCents).toBe(250);
    expect(priceOffer(sales)).toEqual({ kind: 'choose', lowestAvailableCents: 250 });
  });

  it('one class, one open tariff: sold in one step with exactly what the buy call sends', () => {
    expect(priceOffer(salesInformation([kansentarief([['Default prijsklasse', 800, 160]])], 800))).toEqual({ kind: 'kansentarief', priceClass: 'Default prijsklasse', cents: 160 });
    expect(priceOffer(salesInformation([coupon('18', 'Bon', [['Default prijsklasse', 2700, 1350]]), kansentarief([], 'INVALID_DATE_CONSTRAINTS')], 2700))).toEqual({
      kind: 'coupon',
      priceClass: 'Default prijsklasse',
      cents: 1350,
      ticketSaleCouponId: '18',
      couponName: 'Bon',
    });
  });

  it('a free event with a tariff is still free (IsFree looks at base prices only)', () => {
    expect(priceOffer(salesInformation([kansentarief([['A', 0, 0]])], 0))).toEqual({ kind: 'free' });
  });
});

describe('the check-in column (NG getCheckinState)', () => {
  const now = new Date('2026-12-07T12:00:00+01:00');
  it.each([
    [{ checkinAllowed: true }, { state: 'allowed' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'MAXIMUM_REACHED' }, { state: 'saved' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'INVALID_DATE_TIME', checkinStartDate: '2026-12-08T15:00:00+01:00', checkinEndDate: '2026-12-09T03:00:00+01:00' }, { state: 'not-yet', checkinStartDate: '2026-12-08T15:00:00+01:00' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'INVALID_DATE_TIME', checkinStartDate: '2026-12-01T15:00:00+01:00', checkinEndDate: '2026-12-02T03:00:00+01:00' }, { state: 'ended' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'INVALID_DATE_TIME' }, { state: 'ended' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'INVALID_DATE_TIME', checkinStartDate: '2026-12-07T08:00:00+01:00', checkinEndDate: '2026-12-07T20:00:00+01:00' }, { state: 'refused', checkinConstraintReason: 'INVALID_DATE_TIME' }],
    [{ checkinAllowed: false, checkinConstraintReason: 'KANSENSTATUUT_EXPIRED' }, { state: 'refused', checkinConstraintReason: 'KANSENSTATUUT_EXPIRED' }],
    [{ checkinAllowed: false }, { state: 'refused' }],
  ])('%j → %j', (facts, state) => {
    expect(checkinState(facts, now)).toEqual(state);
  });
});

describe('amounts, points and times as the API writes them', () => {
  it('amounts to cents; anything unreadable is no amount', () => {
    expect([cents('13.5'), cents('27.0'), cents('5'), cents('0.0'), cents(' 7.25 ')]).toEqual([1350, 2700, 500, 0, 725]);
    for (const bad of [undefined, '', 'abc', '-1.0', '1e3', '1,50']) expect(cents(bad)).toBeUndefined();
  });

  it('points: "10.000", "2", "-5" to whole numbers', () => {
    expect([wholeNumber('10.000'), wholeNumber('2'), wholeNumber('-5'), wholeNumber('1.999'), wholeNumber(''), wholeNumber('x')]).toEqual([10, 2, -5, 1, undefined, undefined]);
  });

  it('Belgian day bounds keep each end its own offset, also on the days the clock changes', () => {
    expect(dayBounds('2026-12-07')).toEqual({ start: '2026-12-07T00:00:00+01:00', end: '2026-12-07T23:59:59+01:00' });
    expect(dayBounds('2026-07-01')).toEqual({ start: '2026-07-01T00:00:00+02:00', end: '2026-07-01T23:59:59+02:00' });
    expect(dayBounds('2026-03-29')).toEqual({ start: '2026-03-29T00:00:00+01:00', end: '2026-03-29T23:59:59+02:00' });
    expect(shiftDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(w3cInBrussels(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00');
  });
});
