import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { constantTimeEqual, sha256Hex } from '../http/hash';
import { ApiError } from '../http/problem';
import type { ApiKeyRecord } from '../storage/ports/tenants';
import { refuseThrottledClient } from './rate-limit';

const unauthorized = (detail: string) =>
  new ApiError(401, 'unauthorized', 'Unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });

export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized('an Authorization: Bearer <API key> header is required');
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) throw unauthorized('the Authorization header must be "Bearer <API key>"');
  return match[1];
}

/**
 * Resolves the caller's API key to its tenant; an unknown or revoked key is a 401. The key is hashed
 * on every request rather than remembered: a process keeps no plaintext key longer than its request.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lookup = findApiKey(c);
  // The throttle's verdict comes first, so the lookup's own refusal must not go unhandled meanwhile.
  lookup.catch(() => {});
  await refuseThrottledClient(c);
  const key = await lookup;
  if (!key || key.revokedAt) throw unauthorized('the API key is unknown or revoked');
  c.set('principal', {
    tenantId: key.tenantId,
    apiKeyId: key.id,
    rateLimitPerMinute: key.rateLimitPerMinute,
  });
  await next();
};

/** The Bearer token's API key, looked up by its hash; a missing or malformed header is a 401. */
async function findApiKey(c: Context<AppEnv>): Promise<ApiKeyRecord | null> {
  const token = bearerToken(c.req.header('Authorization'));
  return c.get('storage').findApiKeyByHash(await sha256Hex(token));
}

/** Only the operator's admin key, from configuration, may create tenants. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  await refuseThrottledClient(c);
  const token = bearerToken(c.req.header('Authorization'));
  const adminKey = c.get('config').adminApiKey;
  if (!adminKey || !constantTimeEqual(token, adminKey)) throw unauthorized('the admin API key is required');
  await next();
};
