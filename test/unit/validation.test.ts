import { describe, expect, it } from 'vitest';
import { isSettingsChange } from '../../electron/ipc/payload-guards';
import { isBoolean, isNothing, isObject, isOneOf, isString, optional } from '../../electron/ipc/validation';

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
});
