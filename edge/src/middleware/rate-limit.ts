import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env';
import { ApiError, problemResponse } from '../http/problem';

const WINDOW_MS = 60_000;

/**
 * The client a request came from, as its host knows it: `CF-Connecting-IP` on Workers (set by
 * Cloudflare, which overwrites whatever the client sent), the socket's address on the Node host;
 * null when the host cannot tell (`wrangler dev` without the header).
 */
export function clientOf(c: Context<AppEnv>): string | null {
  return c.var.deps.clientAddress?.(c.req.raw, c.env) ?? null;
}

const createLimiter = () =>
  rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
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

const createLegacyLimiter = () =>
  rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    limit: (c) => c.var.config.legacyRateLimitPerMinute,
    // Clients the host cannot tell apart share one allowance: the legacy routes stay bounded.
    keyGenerator: (c) => clientOf(c) ?? 'unknown',
    // No RateLimit headers on the legacy answers, which stay as the older system sent them.
    standardHeaders: false,
    // The legacy envelope: the older system's clients read `header`, never a problem document.
    handler: (c) => {
      const resetTime = c.var.rateLimit.resetTime?.getTime() ?? Date.now() + WINDOW_MS;
      c.header('Retry-After', String(Math.max(1, Math.ceil((resetTime - Date.now()) / 1000))));
      return c.json(
        {
          header: {
            isSuccessful: false,
            resultCode: -1,
            resultMessage: 'Too many requests; retry after the Retry-After seconds',
          },
        },
        429,
      );
    },
  });

/** The failure counts per client, in the rate limiter's own store (one-minute fixed windows). */
function createFailureStore(): MemoryStore<AppEnv> {
  const store = new MemoryStore<AppEnv>();
  store.init({ windowMs: WINDOW_MS } as Parameters<MemoryStore<AppEnv>['init']>[0]);
  return store;
}

let limiter: MiddlewareHandler<AppEnv> | undefined;
let legacyLimiter: MiddlewareHandler<AppEnv> | undefined;
let failures: MemoryStore<AppEnv> | undefined;

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

/** The legacy routes' limit per client (they take no API key), answered in the legacy envelope. */
export const rateLimitLegacyPerClient: MiddlewareHandler<AppEnv> = (c, next) => {
  legacyLimiter ??= createLegacyLimiter();
  return legacyLimiter(c, next);
};

/** The 429 a client over its failed-authentication allowance gets, until its window resets. */
function tooManyFailures(limit: number, resetTime: Date | undefined, now: number): ApiError {
  const reset = Math.max(1, Math.ceil(((resetTime?.getTime() ?? now + WINDOW_MS) - now) / 1000));
  return new ApiError(
    429,
    'rate-limited',
    'Too many failed authentications',
    'this client sent too many invalid API keys; retry after the Retry-After seconds',
    {
      headers: {
        'Retry-After': String(reset),
        'RateLimit-Policy': `${limit};w=${WINDOW_MS / 1000}`,
        RateLimit: `limit=${limit}, remaining=0, reset=${reset}`,
      },
    },
  );
}

/**
 * Counts the client's 401s, and refuses a client over AUTH_FAILURES_PER_MINUTE with 429 until its
 * window ends. A failure is counted the moment its key is refused, and one past the allowance is
 * answered 429 instead of 401, so a burst of concurrent guesses gets exactly the allowance of 401s;
 * valid requests are never counted, however many are in flight. Clients the host cannot tell apart
 * are not throttled here: one shared count would let anyone lock every one of them out (the per-key
 * limit still applies to them).
 */
export const throttleFailedAuthentication: MiddlewareHandler<AppEnv> = async (c, next) => {
  const client = clientOf(c);
  if (client === null) return next();
  failures ??= createFailureStore();
  const store = failures;
  const limit = c.var.config.authFailuresPerMinute;
  const seen = store.get(client);
  if (seen?.resetTime && seen.resetTime.getTime() > Date.now() && seen.totalHits >= limit) {
    throw tooManyFailures(limit, seen.resetTime, Date.now());
  }
  await next();
  if (c.res.status !== 401) return;
  const { totalHits, resetTime } = store.increment(client);
  if (totalHits > limit) throw tooManyFailures(limit, resetTime, Date.now());
};
