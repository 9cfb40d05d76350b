import { compatMessages } from './messages';

/**
 * Readers for the untrusted request. Each answers the value or the one message the older system
 * would have answered: it stopped at the first problem, so these do too, and nothing throws.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
export const reject = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON clients write "nothing" as either a missing key or `null`; both mean absent here. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A required number: present and a finite JSON number, of either sign. */
export function readFiniteNumber(field: string, value: unknown): Checked<number> {
  if (isAbsent(value)) return reject(compatMessages.missing(field));
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return reject(compatMessages.notFinite(field, value));
  }
  return accept(value);
}

/** A required amount: present, a finite JSON number, and at least 0. */
export function readAmount(field: string, value: unknown): Checked<number> {
  const number = readFiniteNumber(field, value);
  if (number.ok && number.value < 0) return reject(compatMessages.negative(field, value));
  return number;
}

/** An optional amount: absent answers `fallback`, anything else must be a valid amount. */
export function readOptionalAmount(field: string, value: unknown, fallback: number): Checked<number> {
  return isAbsent(value) ? accept(fallback) : readAmount(field, value);
}

/** An optional text that is only echoed back: absent stays absent, anything else must be a string. */
export function readOptionalString(field: string, value: unknown): Checked<string | undefined> {
  if (isAbsent(value)) return accept(undefined);
  return typeof value === 'string' ? accept(value) : reject(compatMessages.notAString(field, value));
}

/** An optional list: absent is the empty list. */
export function readOptionalArray(field: string, value: unknown): Checked<readonly unknown[]> {
  if (isAbsent(value)) return accept([]);
  return Array.isArray(value) ? accept(value) : reject(compatMessages.notAnArray(field, value));
}

/** Reads every item of a list in order, stopping at the first one that fails. */
export function readEach<T>(
  items: readonly unknown[],
  readItem: (item: unknown, index: number) => Checked<T>,
): Checked<T[]> {
  const values: T[] = [];
  for (const [index, item] of items.entries()) {
    const checked = readItem(item, index);
    if (!checked.ok) return checked;
    values.push(checked.value);
  }
  return accept(values);
}

/** Reads several optional strings of one object, stopping at the first that is not a string. */
export function readOptionalStrings<K extends string>(
  source: Record<string, unknown>,
  keys: readonly K[],
  pathOf: (key: K) => string,
): Checked<Partial<Record<K, string>>> {
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const checked = readOptionalString(pathOf(key), source[key]);
    if (!checked.ok) return checked;
    if (checked.value !== undefined) values[key] = checked.value;
  }
  return accept(values);
}

/** One of a fixed list of words, matched exactly (the older system was case-sensitive). */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
