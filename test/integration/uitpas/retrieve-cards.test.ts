/**
 * uitpas/retrieve as the counter uses it for every scan and tap: by chip number (the card's UID), by UiTPAS
 * number and INSZ; what it finds: a pass holder, a card in stock with no holder, a group pass, a blocked or
 * deleted card, nothing (DOC uitpas/ophalen-van-pashouder-dmv-uitpasnummer-chipnummer-insz-of-insz-barcode.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNumber, chipNumberOf, seedGroupPass, seedPassholder } from '../../../electron/simulator/seed';
import type { Simulator } from '../../../electron/simulator/server';
import type { UitpasClient } from '../../../electron/uitpas';
import { parseIdentification } from '../../../electron/uitpas/model';
import { child, parseXml } from '../../../electron/uitpas/xml';
import type { StaffLogin } from '../../../electron/uitpas/login-flow';
import { clientFor, simulatorWithLogin } from '../../support/simulator';

const gent = (sequence: number, kansenpas = false) => cardNumber('09000', sequence, kansenpas);

let simulator: Simulator;
let login: StaffLogin;
let client: UitpasClient;

beforeAll(async () => {
  ({ simulator, login } = await simulatorWithLogin());
  client = clientFor(simulator, login);
});
afterAll(() => simulator.close());

describe('uitpas/retrieve by chip number', () => {
  it("finds the pass holder by their card's chip number, with the number to use next", async () => {
    const card = gent(seedPassholder.cardSequence);
    expect(chipNumberOf(card)).toMatch(/^[0-9A-F]{14}$/);
    expect(await client.retrieve(chipNumberOf(card))).toMatchObject({
      passholder: { uid: seedPassholder.uid, name: seedPassholder.name },
      card: { uitpasNumber: card, status: 'ACTIVE' },
      uitpasNumber: card,
    });
  });

  it('a card in stock: the card and its balie, no pass holder', async () => {
    expect(await client.retrieve(chipNumberOf(gent(5)))).toEqual({
      passholder: undefined,
      card: { uitpasNumber: gent(5), cardSystem: { id: '1', name: 'UiTPAS Gent' }, cardType: 'CARD', kansenpas: false, status: 'LOCAL_STOCK', balie: { id: '101', name: 'Demo-balie Gent Centrum' } },
      groupPass: undefined,
      notice: undefined,
      uitpasNumber: undefined,
    });
  });

  it('a group pass: name, end date, tickets per year and left, and its card', async () => {
    const card = gent(seedGroupPass.cardSequence, true);
    const found = await client.retrieve(chipNumberOf(card));
    expect(found?.passholder).toBeUndefined();
    expect(found?.groupPass).toEqual({
      uuid: seedGroupPass.uuid,
      name: 'Jeugdhuis De Demo',
      endDate: '2027-09-30',
      ticketsPerYear: '20',
      availableTickets: '17',
      card: { uitpasNumber: card, cardSystem: { id: '1', name: 'UiTPAS Gent' }, cardType: 'CARD', kansenpas: true, status: 'ACTIVE' },
    });
  });

  it('a blocked card comes with its notice, a deleted card with its status, an unknown chip with nothing', async () => {
    expect(await client.retrieve(chipNumberOf(gent(901)))).toMatchObject({ notice: 'INVALID_CARD_STATUS_BLOCKED', card: { status: 'BLOCKED' } });
    expect(await client.retrieve(chipNumberOf(gent(903)))).toMatchObject({ notice: undefined, card: { status: 'DELETED' }, passholder: undefined });
    expect(await client.retrieve('04DEADBEEF0001')).toBeNull();
  });
});

describe("the client reads retrieve's answers as production writes them", () => {
  it('a group pass answer with a top-level card beside the group, namespaces and all', () => {
    const xml = parseXml(
      `<response xmlns:cdb="http://www.cultuurdatabank.com/XMLSchema/CdbXSD/3.1/FINAL"><card><cardSystem><id>2</id><name>UiTPAS Regio Aalst</name></cardSystem><cardType>CARD</cardType><kansenpas>true</kansenpas><status>ACTIVE</status><uitpasNumber><uitpasNumber>0930000123458</uitpasNumber></uitpasNumber></card>` +
        `<groupPass><name>Scouts Demo</name><endDate>2026-08-31T00:00:00+02:00</endDate><ticketsPerYear>12</ticketsPerYear><uuid>0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</uuid><availableTickets>0</availableTickets>` +
        `<card><cardSystem><id>1</id><name>UiTPAS Gent</name></cardSystem><cardType>CARD</cardType><kansenpas>true</kansenpas><status>ACTIVE</status><uitpasNumber><uitpasNumber>0900000123455</uitpasNumber></uitpasNumber></card></groupPass></response>`,
    );
    const found = parseIdentification(child(xml, 'response'));
    expect(found.card?.uitpasNumber).toBe('0930000123458');
    expect(found.groupPass).toMatchObject({ name: 'Scouts Demo', endDate: '2026-08-31', ticketsPerYear: '12', availableTickets: '0', card: { uitpasNumber: '0900000123455', cardSystem: { name: 'UiTPAS Gent' } } });
  });
});
