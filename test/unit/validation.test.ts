import { describe, expect, it } from 'vitest';
import { isNewCardRequest, isSettingsChange } from '../../electron/ipc/payload-guards';
import { hasInvisibleCharacter } from '../../electron/rules/limits';
import { isBoolean, isNothing, isObject, isOneOf, isString, multiLine, optional, singleLine } from '../../electron/ipc/validation';

describe('validation guards', () => {
  const isRequest = isObject({ name: isString, kind: isOneOf(['a', 'b'] as const), flag: optional(isBoolean) });

  it('accepts exactly the declared shape', () => {
    expect(isRequest({ name: 'x', kind: 'a' })).toBe(true);
    expect(isRequest({ name: 'x', kind: 'b', flag: false })).toBe(true);
  });

  it.each([
    ['a missing key', { kind: 'a' }],
    ['a wrong type', { name: 1, kind: 'a' }],
    ['a value outside the allowed set', { name: 'x', kind: 'c' }],
    ['an unknown key', { name: 'x', kind: 'a', extra: 1 }],
    ['an array', ['x', 'a']],
    ['null', null],
    ['a class instance', new (class { name = 'x'; kind = 'a'; })()],
  ])('refuses %s', (_name, value) => {
    expect(isRequest(value)).toBe(false);
  });

  it('isNothing accepts only undefined', () => {
    expect(isNothing(undefined)).toBe(true);
    expect(isNothing(null)).toBe(false);
    expect(isNothing({})).toBe(false);
  });

  it('settings take only a language the page has', () => {
    expect(isSettingsChange({ environment: 'demo', language: 'fr' })).toBe(true);
    expect(isSettingsChange({ environment: 'demo' })).toBe(true);
    expect(isSettingsChange({ environment: 'demo', language: 'de' })).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses an own %s key (JSON.parse makes one), which `in` would have let through', (key) => {
    expect(isRequest(JSON.parse(`{"name": "x", "kind": "a", "${key}": {}}`))).toBe(false);
  });

  it('a new card takes only the reasons Nieuwe kaart offers (issue 27 item 3)', () => {
    const request = (reason: string) => ({ uid: 'pashouder-demo-0001', reason, uitpasNumber: '0900000000100' });
    for (const reason of ['LOSS_THEFT', 'DEFECT', 'LOSS_KANSENSTATUUT', 'OBTAIN_KANSENSTATUUT']) expect(isNewCardRequest(request(reason))).toBe(true);
    // The API takes these too, but for joining another card system; REMOVAL is the old name main itself sends for DEFECT.
    for (const reason of ['CARD_UPGRADE', 'EXTRA_CARD', 'REMOVAL', 'FIRST_CARD']) expect(isNewCardRequest(request(reason))).toBe(false);
  });

  it('refuses getters and symbol keys', () => {
    expect(isRequest(Object.defineProperty({ kind: 'a' }, 'name', { get: () => 'x', enumerable: true }))).toBe(false);
    expect(isRequest({ name: 'x', kind: 'a', [Symbol('s')]: 1 })).toBe(false);
  });

  it('bounds strings and keeps control and bidi characters out', () => {
    const name = singleLine(5);
    expect(name('Jonas')).toBe(true);
    expect(name('Jonas!')).toBe(false);
    for (const bad of ['a\u0000', 'a\u202Eb', 'a\nb', 'a\rb', '\uD800', '\uDC00a', 'a\u0085']) expect(name(bad)).toBe(false);
    expect(name('😀')).toBe(true);
    expect(singleLine(20, /^[0-9]+$/)('12a')).toBe(false);
    const text = multiLine(20);
    expect(text('regel 1\r\nregel 2\t.')).toBe(true);
    expect(text('a\u202Eb')).toBe(false);
    expect(hasInvisibleCharacter('a\u2066b\u2069')).toBe(true);
  });
});
