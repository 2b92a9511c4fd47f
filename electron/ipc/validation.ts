/**
 * Runtime guards for values that arrive over IPC or the browser host's socket.
 * Each guard narrows `unknown` to the type the contract promises the handler.
 */
import { isFieldText } from '../rules/limits';

export type Guard<T> = (value: unknown) => value is T;

export const isNothing: Guard<undefined> = (value): value is undefined => value === undefined;

export const isString: Guard<string> = (value): value is string => typeof value === 'string';

/**
 * A string of at most `max` characters, on one line, as the field rule in
 * electron/rules/limits.ts has it (length first, no invisible character, NFC);
 * with `format`, also matching it (formats must be linear: anchored, single
 * character classes).
 */
export function singleLine(max: number, format?: RegExp): Guard<string> {
  return (value): value is string => typeof value === 'string' && isFieldText(value, max) && (format === undefined || format.test(value));
}

/** Free text: like singleLine, but tab and line breaks may stay. */
export function multiLine(max: number): Guard<string> {
  return (value): value is string => typeof value === 'string' && isFieldText(value, max, true);
}

/** A string of at most `max` characters that passes a shape check of its own, which runs only on a string that short. */
export function shaped(max: number, check: (value: string) => boolean): Guard<string> {
  return (value): value is string => typeof value === 'string' && isFieldText(value, max) && check(value);
}

export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

export function isOneOf<const T extends readonly string[]>(allowed: T): Guard<T[number]> {
  return (value): value is T[number] => typeof value === 'string' && allowed.includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type Shape = Record<string, Guard<unknown>>;
type Optional<T> = Guard<T> & { readonly optional: true };
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Guarded<G> = G extends Guard<infer T> ? T : never;
export type ShapeOf<S extends Shape> = { [K in RequiredKeys<S>]: Guarded<S[K]> } & {
  [K in OptionalKeys<S>]?: Guarded<S[K]>;
};

export function optional<T>(guard: Guard<T>): Optional<T> {
  const check = (value: unknown): value is T => value === undefined || guard(value);
  return Object.assign(check, { optional: true as const });
}

/**
 * An object with exactly these keys: unknown keys are refused, so nothing
 * unexpected reaches a handler. Keys are looked up as the object's own
 * (`Object.hasOwn`), never through the prototype: an own `__proto__`,
 * `constructor` or `toString` (JSON.parse makes such keys) is an unknown key,
 * and so is a symbol, a non-enumerable key or a getter.
 */
export function isObject<S extends Shape>(shape: S): Guard<ShapeOf<S>> {
  const names = Object.keys(shape);
  return (value): value is ShapeOf<S> => {
    if (!isPlainObject(value)) return false;
    const keys = Reflect.ownKeys(value);
    if (keys.length > names.length) return false;
    for (const key of keys) {
      if (typeof key !== 'string' || !Object.hasOwn(shape, key)) return false;
      const property = Object.getOwnPropertyDescriptor(value, key);
      // Data properties only: a getter would run code of the sender's making.
      if (!property?.enumerable || !('value' in property)) return false;
    }
    return names.every((key) => (shape[key] as Guard<unknown>)(Object.hasOwn(value, key) ? value[key] : undefined));
  };
}

/**
 * A plain array of at most `max` items, each passing `item`: only the indices
 * and `length` as own keys, so an own `constructor` or `__proto__` added to the
 * array is refused like an unknown key on an object.
 */
export function listOf<T>(item: Guard<T>, max: number): Guard<T[]> {
  return (value): value is T[] => {
    if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length > max) return false;
    if (Reflect.ownKeys(value).length !== value.length + 1) return false;
    for (let index = 0; index < value.length; index++) {
      const property = Object.getOwnPropertyDescriptor(value, index);
      if (!property || !('value' in property) || !item(property.value)) return false;
    }
    return true;
  };
}
