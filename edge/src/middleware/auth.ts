import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { constantTimeEqual, sha256Hex } from '../http/hash';
import { ApiError } from '../http/problem';

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
  const token = bearerToken(c.req.header('Authorization'));
  const key = await c.get('storage').findApiKeyByHash(await sha256Hex(token));
  if (!key || key.revokedAt) throw unauthorized('the API key is unknown or revoked');
  c.set('principal', {
    tenantId: key.tenantId,
    apiKeyId: key.id,
    rateLimitPerMinute: key.rateLimitPerMinute,
  });
  await next();
};

/** Only the operator's admin key, from configuration, may create tenants. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('Authorization'));
  const adminKey = c.get('config').adminApiKey;
  if (!adminKey || !constantTimeEqual(token, adminKey)) throw unauthorized('the admin API key is required');
  await next();
};
