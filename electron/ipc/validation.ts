/**
 * Runtime guards for values that arrive over IPC or the browser host's socket.
 * Each guard narrows `unknown` to the type the contract promises the handler.
 */
export type Guard<T> = (value: unknown) => value is T;

export const isNothing: Guard<undefined> = (value): value is undefined => value === undefined;

export const isString: Guard<string> = (value): value is string => typeof value === 'string';

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

/** An object with exactly these keys: unknown keys are refused, so nothing unexpected reaches a handler. */
export function isObject<S extends Shape>(shape: S): Guard<ShapeOf<S>> {
  return (value): value is ShapeOf<S> => {
    if (!isPlainObject(value)) return false;
    if (Object.keys(value).some((key) => !(key in shape))) return false;
    return Object.entries(shape).every(([key, guard]) => guard(value[key]));
  };
}
