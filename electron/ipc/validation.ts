/**
 * Runtime guards for values that arrive over IPC or the browser host's socket.
 * Each guard narrows `unknown` to the type the contract promises the handler.
 */
export type Guard<T> = (value: unknown) => value is T;

export const isNothing: Guard<undefined> = (value): value is undefined => value === undefined;

export const isString: Guard<string> = (value): value is string => typeof value === 'string';

/**
 * Characters no field of ours ever needs, and that can hide or reorder what a
 * reviewer sees: C0 and C1 controls (NUL, CR, LF, ESC…), DEL, the Unicode
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
 * invisible direction marks, and the line and paragraph separators. Free text
 * may keep tab and line breaks. A lone surrogate (not valid UTF-16) is refused too.
 */
function forbiddenAt(text: string, index: number, multiLine: boolean): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x20) return !(multiLine && (code === 0x09 || code === 0x0a || code === 0x0d));
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code === 0x061c || code === 0x200e || code === 0x200f || code === 0x2028 || code === 0x2029) return true;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/** True when every character may stand in a field; one pass, so linear in the (already bounded) length. */
export function isCleanText(text: string, multiLine = false): boolean {
  for (let index = 0; index < text.length; index++) if (forbiddenAt(text, index, multiLine)) return false;
  return true;
}

/**
 * A string of at most `max` characters, on one line, without the characters
 * above; with `format`, also matching it (formats must be linear: anchored,
 * single character classes). The length is checked first, so no scan ever
 * runs over more than `max` characters.
 */
export function singleLine(max: number, format?: RegExp): Guard<string> {
  return (value): value is string =>
    typeof value === 'string' && value.length <= max && isCleanText(value) && (format === undefined || format.test(value));
}

/** Free text: like singleLine, but tab and line breaks may stay. */
export function multiLine(max: number): Guard<string> {
  return (value): value is string => typeof value === 'string' && value.length <= max && isCleanText(value, true);
}

/** A string that passes a shape check of its own (the check must bound the length itself). */
export function shaped(check: (value: string) => boolean): Guard<string> {
  return (value): value is string => typeof value === 'string' && isCleanText(value) && check(value);
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
