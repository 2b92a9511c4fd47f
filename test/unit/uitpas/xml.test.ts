import { describe, expect, it } from 'vitest';
import { parseBalie, parseCardInfo, parsePassholder } from '../../../electron/uitpas/model';
import fc from 'fast-check';
import { child, decodeCharacterReferences, list, maxXmlBytes, parseXml, text, XmlParseError } from '../../../electron/uitpas/xml';

// The seed's example answer of "Bestaande pashouder registreren bij een nieuw kaartsysteem", trimmed.
const seedPassholder = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<passHolder xmlns:ns2="http://www.w3.org/1999/02/22-rdf-syntax-ns" xmlns:ns3="http://xmlns.com/foaf/0.1/">
  <cardSystemSpecific>
    <cardSystem><id>1</id><name>HELA</name></cardSystem>
    <currentCard><kansenpas>true</kansenpas><status>ACTIVE</status><uitpasNumber><uitpasNumber>0930061965313</uitpasNumber></uitpasNumber></currentCard>
    <emailPreference>ALL_MAILS</emailPreference>
    <kansenStatuut>true</kansenStatuut>
    <kansenStatuutEndDate>2013-12-31T23:59:59+01:00</kansenStatuutEndDate>
    <kansenStatuutExpired>false</kansenStatuutExpired>
  </cardSystemSpecific>
  <city>AALST</city>
  <dateOfBirth>1980-04-15T00:00:00+02:00</dateOfBirth>
  <firstName>Nele</firstName>
  <gender>FEMALE</gender>
  <inszNumber>78021542697</inszNumber>
  <lastActivationMailNumber>0</lastActivationMailNumber>
  <memberships/>
  <name>Custers</name>
  <points>10.000</points>
  <postalCode>9300</postalCode>
  <street></street>
  <somethingNew><nested>x</nested></somethingNew>
  <uitIdUser><ns2:id>bd056f6f-7ff6-4781-baeb-a0ff77626e03</ns2:id><ns3:nick>nele</ns3:nick></uitIdUser>
  <verified>false</verified>
</passHolder>`;

describe('XML parsing', () => {
  const holder = parsePassholder(child(parseXml(seedPassholder), 'passHolder')!);

  it('keeps identifiers and amounts as strings: leading zeros, "10.000" points', () => {
    expect(holder.cardSystems[0]!.currentCard!.uitpasNumber).toBe('0930061965313');
    expect(holder.inszNumber).toBe('78021542697');
    expect(holder.points).toBe('10.000');
    expect(holder.postalCode).toBe('9300');
  });

  it('reads namespaced elements (uitIdUser rdf:id, foaf:nick)', () => {
    expect(holder.uid).toBe('bd056f6f-7ff6-4781-baeb-a0ff77626e03');
    expect(holder.nick).toBe('nele');
  });

  it('reads empty elements as absent values, and skips unknown elements', () => {
    expect(holder.street).toBeUndefined();
    expect(holder).not.toHaveProperty('somethingNew');
    expect(holder).not.toHaveProperty('lastActivationMailNumber');
  });

  it('keeps dates as written, not shifted to UTC', () => {
    expect(holder.dateOfBirth).toBe('1980-04-15');
    expect(holder.cardSystems[0]!.kansenStatuutEndDate).toBe('2013-12-31');
  });

  it('parses a single repeated element as a list of one, and an empty list as none', () => {
    const xml = parseXml('<response><balies><balie><id>1</id><consumerKey>k</consumerKey><name>B</name><cardSystems><cardSystem><id>7</id><name>S</name><permissions><permission>registratie</permission></permissions><groups/></cardSystem></cardSystems></balie></balies></response>');
    const balies = list(child(child(xml, 'response'), 'balies'), 'balie').map(parseBalie);
    expect(balies).toEqual([{ id: '1', consumerKey: 'k', name: 'B', role: '', cardSystems: [{ id: '7', name: 'S', permissions: ['registratie'], groups: [] }] }]);
    expect(list(child(child(parseXml('<response><balies/></response>'), 'response'), 'balies'), 'balie')).toEqual([]);
  });

  it('reads card info with its flat number', () => {
    const info = parseCardInfo(child(parseXml('<response><cardSystem><id>1</id><name>UiTPAS Gent</name></cardSystem><cardType>CARD</cardType><kansenpas>false</kansenpas><status>LOCAL_STOCK</status><uitpasNumber>0900000000010</uitpasNumber></response>'), 'response')!);
    expect(info).toEqual({ uitpasNumber: '0900000000010', cardSystem: { id: '1', name: 'UiTPAS Gent' }, cardType: 'CARD', kansenpas: false, status: 'LOCAL_STOCK' });
  });

  it('decodes entities and refuses what is not XML', () => {
    expect(text(child(parseXml('<response><message>Tom &amp; Jerry &lt;3</message></response>'), 'response'), 'message')).toBe('Tom & Jerry <3');
    expect(() => parseXml('<html><body>502 Bad Gateway')).toThrow(XmlParseError);
    expect(() => parseXml('oauth_problem=token_expired')).toThrow(XmlParseError);
  });
});

describe('character references', () => {
  it('decodes numeric (decimal, hex) and the five XML references, once', () => {
    expect(decodeCharacterReferences('Ren&#233;e &#x1F600; &lt;&gt;&amp;&quot;&apos; &amp;#233; &#13;')).toBe('Renée 😀 <>&"\' &#233; \r');
  });

  it('leaves what is no reference alone: unknown names, surrogates, out of range', () => {
    expect(decodeCharacterReferences('&eacute; &#xD800; &#1114112; & ;')).toBe('&eacute; &#xD800; &#1114112; & ;');
  });

  it('round-trips any text escaped with references', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const escaped = Array.from(value).map((c) => `&#${c.codePointAt(0) ?? 0};`).join('');
        // Lone surrogates and NUL are no characters: their references stay as they were.
        const expected = Array.from(value).map((c) => (c === '\0' || (c.length === 1 && c >= '\uD800' && c <= '\uDFFF') ? `&#${c.codePointAt(0) ?? 0};` : c)).join('');
        expect(decodeCharacterReferences(escaped)).toBe(expected);
      }),
    );
  });

  it('refuses a DOCTYPE and an answer over the cap', () => {
    expect(() => parseXml('<!DOCTYPE x><response/>')).toThrow(XmlParseError);
    expect(() => parseXml(`<response>${'x'.repeat(maxXmlBytes)}</response>`)).toThrow(XmlParseError);
  });
});
