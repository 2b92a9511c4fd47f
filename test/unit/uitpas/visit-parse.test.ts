/** The visit's answers read from XML: the ticketSale type attribute, the three calendar forms, sale and advantage fields. */
import { describe, expect, it } from 'vitest';
import { parseActivityPage, parseAdvantage, parseTicketSale } from '../../../electron/uitpas/visit-parse';
import { child, parseXml } from '../../../electron/uitpas/xml';

const now = new Date('2026-12-07T12:00:00+01:00');
const page = (events: string) =>
  parseActivityPage(child(parseXml(`<?xml version="1.0"?><cultureEvents xmlns:cdb="http://www.cultuurdatabank.com/XMLSchema/CdbXSD/3.2/FINAL"><total>7</total>${events}</cultureEvents>`), 'cultureEvents'), now);

describe('activities', () => {
  it('a ticketSale without a type is DEFAULT (CF Opportunity.php); COUPON by its attribute; no other attribute kept', () => {
    const { activities, total } = page(
      `<event><cdbid>e1</cdbid><price>10.0</price><ticketSales><ticketSale><priceClasses><priceClass><name>A</name><price>10.0</price><tariff>2.0</tariff></priceClass></priceClasses></ticketSale>` +
        `<ticketSale type="COUPON" id="x"><ticketSaleCoupon><id>3</id><name>Bon</name></ticketSaleCoupon><priceClasses><priceClass><name>A</name><price>10.0</price><tariff>5.0</tariff></priceClass></priceClasses></ticketSale></ticketSales></event>`,
    );
    expect(total).toBe(7);
    expect(activities[0]?.sales.tariffs.map((tariff) => [tariff.type, tariff.name])).toEqual([
      ['KANSENTARIEF', 'Kansentarief'],
      ['COUPON', 'Bon'],
    ]);
  });

  it('timestamps, a period, permanent, and none; CdbXSD 3.2 reads as 3.1; an event without cdbid is left out', () => {
    const { activities } = page(
      `<event><cdb:calendar><cdb:periods><cdb:period><cdb:datefrom>2026-12-01</cdb:datefrom><cdb:dateto>2027-01-31</cdb:dateto></cdb:period></cdb:periods></cdb:calendar><cdbid>p</cdbid></event>` +
        `<event><cdb:calendar><cdb:permanentopeningtimes><cdb:permanent/></cdb:permanentopeningtimes></cdb:calendar><cdbid>q</cdbid></event>` +
        `<event><cdb:calendar><cdb:timestamps><cdb:timestamp><cdb:date>2026-12-07</cdb:date></cdb:timestamp><cdb:timestamp><cdb:date>2026-12-08</cdb:date><cdb:timestart>10:00:00</cdb:timestart></cdb:timestamp></cdb:timestamps></cdb:calendar><cdbid>t</cdbid></event>` +
        `<event><cdbid>n</cdbid><numberOfPoints>3.000</numberOfPoints></event><event><title>no id</title></event>`,
    );
    expect(activities.map((activity) => activity.when)).toEqual([
      { kind: 'period', datefrom: '2026-12-01', dateto: '2027-01-31' },
      { kind: 'permanent' },
      { kind: 'timestamps', timestamps: [{ date: '2026-12-07' }, { date: '2026-12-08', timestart: '10:00:00' }] },
      { kind: 'none' },
    ]);
    expect(activities[3]?.numberOfPoints).toBe(3);
    expect(activities[0]?.numberOfPoints).toBe(1);
  });
});

describe('sales and advantages', () => {
  it('a sale: price full, tariff paid, coupon, groupPass (also as isGroupPass); no id, no sale', () => {
    const sale = (body: string) => parseTicketSale(child(parseXml(`<ticketSale>${body}</ticketSale>`), 'ticketSale'));
    expect(sale('<id>17005</id><price>5.0</price><tariff>0.0</tariff><ticketSaleCoupon><id>27</id><name>Bon</name></ticketSaleCoupon><groupPass>true</groupPass>')).toEqual({
      id: '17005',
      priceCents: 500,
      tariffCents: 0,
      ticketSaleCoupon: { id: '27', name: 'Bon' },
      groupPass: true,
      creationDate: undefined,
      nodeId: undefined,
      nodeTitle: undefined,
    });
    expect(sale('<id>1</id><isGroupPass>true</isGroupPass>')?.groupPass).toBe(true);
    expect(sale('<price>5.0</price>')).toBeUndefined();
  });

  it('a welcome advantage is exchangeable when not cashed and units are left (SX WelcomeAdvantage); a promotion by its cashInState', () => {
    const advantage = (body: string, kind: 'welcome' | 'points') => parseAdvantage(child(parseXml(`<promotion>${body}</promotion>`), 'promotion'), kind);
    expect(advantage('<id>5</id><cashedIn>false</cashedIn><points>3</points>', 'welcome')).toMatchObject({ exchangeable: true, points: 0 });
    expect(advantage('<id>5</id><cashedIn>false</cashedIn><maxAvailableUnits>2</maxAvailableUnits><unitsTaken>2</unitsTaken>', 'welcome')?.exchangeable).toBe(false);
    expect(advantage('<id>5</id><cashedIn>true</cashedIn>', 'welcome')?.exchangeable).toBe(false);
    expect(advantage('<id>7</id><points>5</points><cashInState>NOT_POSSIBLE_POINTS_CONSTRAINT</cashInState>', 'points')).toMatchObject({ points: 5, exchangeable: false, cashInState: 'NOT_POSSIBLE_POINTS_CONSTRAINT' });
    expect(advantage('<id>7</id><points>5</points><cashInState>POSSIBLE</cashInState><balies><balie><id>3</id><name>De Werf</name></balie></balies><validForCities><city>Aalst</city></validForCities>', 'points')).toMatchObject({
      exchangeable: true,
      balies: [{ id: '3', name: 'De Werf' }],
      validForCities: ['Aalst'],
    });
  });
});
