import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env';
import { ApiError, problemResponse } from '../lib/problem';

const createLimiter = () =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: (c) => c.var.principal.rateLimitPerMinute,
    keyGenerator: (c) => c.var.principal.apiKeyId,
    standardHeaders: 'draft-7',
    handler: (c) =>
      problemResponse(
        c,
        new ApiError(
          429,
          'rate-limited',
          'Too many requests',
          'the API key is over its rate limit; retry after the Retry-After seconds',
        ),
      ),
  });

let limiter: MiddlewareHandler<AppEnv> | undefined;

/**
 * Fixed one-minute windows per API key, with the key's own limit. Counters live in the isolate's
 * memory: exact on one workerd process; on Cloudflare, where a key's requests spread over many
 * isolates, the Workers rate-limit binding takes this role. Built on the first request because its
 * store starts a timer, which workerd forbids at global scope.
 */
export const rateLimitPerApiKey: MiddlewareHandler<AppEnv> = (c, next) => {
  limiter ??= createLimiter();
  return limiter(c, next);
};
