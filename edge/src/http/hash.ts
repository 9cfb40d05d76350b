/** Each byte's two hex digits, computed once: every authenticated request hashes its API key. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

interface SyncHash {
  update(text: string): SyncHash;
  digest(encoding: 'hex'): string;
}

/**
 * Node's `node:crypto`, where the runtime has it (the Node host), reached through
 * `process.getBuiltinModule` so that no bundle (the Worker's, the browser mock's) imports it. Its
 * synchronous SHA-256 of an API key takes about a microsecond; Web Crypto's `digest` on Node queues
 * a job and settles a promise, about 35 µs, on every authenticated request.
 */
const nodeCrypto = (
  globalThis as {
    process?: { getBuiltinModule?: (id: string) => { createHash?: (algorithm: string) => SyncHash } };
  }
).process?.getBuiltinModule?.('node:crypto');

/** SHA-256, hex: Node's synchronous hash on the Node host, the runtime's Web Crypto elsewhere. */
export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto?.createHash) return nodeCrypto.createHash('sha256').update(text).digest('hex');
  return webCryptoSha256Hex(text);
}

/** SHA-256, hex, with Web Crypto (workerd, the browser's mock). */
export async function webCryptoSha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX_BYTES[byte];
  return hex;
}

/** A new API key: a readable prefix and 32 random bytes, base64url. Shown to its owner once. */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const text = btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
  return `bk_${text}`;
}

/** Compares two secrets in time independent of where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
