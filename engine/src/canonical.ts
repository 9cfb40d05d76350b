/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, so equal values
 * always serialise to the same bytes and hash to the same digest. The engine's values are strings,
 * safe integers, booleans and null, so number formatting never varies.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * SHA-256 of the canonical JSON, hex. Uses the Web Crypto digest that Workers, Node and browsers
 * all provide, rather than a hand-written hash.
 */
export async function contentHash(value: unknown): Promise<string> {
  const bytes = new host.TextEncoder().encode(canonicalJson(value));
  const digest = await host.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What the engine needs of its host: the standard Web Crypto and TextEncoder globals. */
interface WebCryptoHost {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const host = globalThis as unknown as WebCryptoHost;

export interface FieldDifference {
  /** A path such as `result.lines[2].amount`. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Every leaf where two JSON values differ, by path: what a replay reports when it disagrees. */
export function diffValues(expected: unknown, actual: unknown, path = ''): FieldDifference[] {
  if (Object.is(expected, actual)) return [];
  const bothArrays = Array.isArray(expected) && Array.isArray(actual);
  const bothObjects = isPlainObject(expected) && isPlainObject(actual);
  if (bothArrays) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, index) =>
      diffValues(expected[index], actual[index], `${path}[${index}]`),
    ).flat();
  }
  if (bothObjects) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) => diffValues(expected[key], actual[key], path ? `${path}.${key}` : key));
  }
  return [{ path: path || '$', expected, actual }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
