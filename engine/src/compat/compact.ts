/**
 * Drops the keys whose value is `undefined`, keeping the order of the rest: the older system's JSON
 * left absent optional fields out, and key order is part of a bit-for-bit answer.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
