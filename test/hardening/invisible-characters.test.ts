/**
 * Invisible characters (issue 19, item 4): each one the review found passing
 * is refused at every text field of every channel, through the real
 * dispatcher; text must be NFC and the length is checked before anything scans
 * the string; the forms apply the same rule (electron/rules/limits.ts) and say
 * so at the field instead of sending.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher, requestChannelNames } from '../../electron/ipc/dispatch';
import { shaped } from '../../electron/ipc/validation';
import { hasInvisibleCharacter, isFieldText, maxLength, normaliseText } from '../../electron/rules/limits';
import { passholderErrors } from '../../electron/rules/passholder-rules';
import { filledValues } from '../../renderer/form/passholder-form';
import { invisibleCharacters, stringPaths, validPayloads, withValue } from '../support/hostile-payloads';
import { testServices } from '../support/test-services';

const services = testServices('invisible');
const dispatch = createDispatcher(services.handlers, { warn: () => undefined });
const codePoint = (character: string) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const textFields = requestChannelNames.flatMap((channel) => stringPaths(validPayloads[channel]).map((path) => ({ channel, path })));

describe('invisible characters', () => {
  afterAll(() => services.close());

  it.each(invisibleCharacters.map((character) => [codePoint(character), character]))('%s is refused in every text field of every channel', async (_name, character) => {
    expect(textFields.length).toBeGreaterThan(40);
    for (const { channel, path } of textFields) {
      const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], validPayloads[channel]) as string;
      // In the middle of a valid value, where nobody sees it.
      const bent = `${value.slice(0, 1)}${character}${value.slice(1)}`;
      const result = await dispatch(channel, withValue(validPayloads[channel], path, bent));
      expect(result, `${channel} ${path.join('.')}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('refuses private-use characters and the other Hangul fillers, and keeps letters, accents, emoji and free text line breaks', () => {
    for (const bad of ['\uE000', '\u{F0000}', '\u1160', '\uFFA0']) expect(hasInvisibleCharacter(`a${bad}b`), codePoint(bad)).toBe(true);
    for (const good of ['Zoë', 'Ünal', 'Łukasz', 'Nguyễn', 'Özgür', 'Ἀλέξανδρος', '李小龍', 'O’Brien', 'Anne-Marie', '😀']) expect(hasInvisibleCharacter(good), good).toBe(false);
    expect(hasInvisibleCharacter('regel 1\r\nregel 2\t.', true)).toBe(false);
    expect(hasInvisibleCharacter('regel 1\nregel 2')).toBe(true);
  });

  it('accepts text in NFC only, and the forms send NFC', async () => {
    const decomposed = 'Zoe\u0308';
    expect(isFieldText(decomposed, 200)).toBe(false);
    expect(isFieldText(normaliseText(decomposed), 200)).toBe(true);
    const refused = await dispatch('uitpas:searchPassholders', { name: `${decomposed}*` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(filledValues({ firstName: ` ${decomposed} ` })).toEqual({ firstName: 'Zoë' });
  });

  it('checks the length before any scan: a shape check never sees a string over its limit', () => {
    const seen: number[] = [];
    const guard = shaped(maxLength.uitpasNumber, (value) => {
      seen.push(value.length);
      return true;
    });
    expect(guard('0'.repeat(10_000_000))).toBe(false);
    expect(guard(`${'0'.repeat(maxLength.uitpasNumber)}\u200B`)).toBe(false);
    expect(seen).toEqual([]);
    expect(guard('0900000000021')).toBe(true);
    expect(seen).toEqual([13]);
  });

  it.each(invisibleCharacters.map((character) => [codePoint(character), character]))('the form shows %s at the field, in names and in free text', (_name, character) => {
    const errors = passholderErrors({ name: `Ver${character}meulen`, firstName: 'Jonas', ...{ moreInfo: `Belt${character} eerst.` } }, [], new Date(2026, 0, 1));
    expect(errors).toMatchObject({ name: 'invisible-character', moreInfo: 'invisible-character' });
    expect(errors.firstName).toBeUndefined();
  });
});
