import { sha256Hex } from './hash';

/** Keys a process remembers the hash of: far more than the callers one host serves at once. */
const REMEMBERED_KEYS = 1024;
const hashes = new Map<string, string>();

/**
 * The SHA-256 of an API key, as stored (api_keys.key_hash), remembered per key: every authenticated
 * request hashes its key, and a client sends the same key request after request. Only the hash is
 * remembered, never whether the key is valid: the lookup that follows still asks storage, so a
 * revoked key is refused on its next request. The oldest entry goes first when the map is full.
 */
export async function apiKeyHash(token: string): Promise<string> {
  const known = hashes.get(token);
  if (known !== undefined) return known;
  const hash = await sha256Hex(token);
  if (hashes.size >= REMEMBERED_KEYS) hashes.delete(hashes.keys().next().value as string);
  hashes.set(token, hash);
  return hash;
}
