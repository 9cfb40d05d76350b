import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter, type Store } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env';
import type { RateLimiterName } from '../deps';
import { constantTimeEqual } from '../http/hash';
import { ApiError, problemResponse } from '../http/problem';

const WINDOW_MS = 60_000;

/** Sent by a trusted caller (the web app's server) for the visitor it calls on behalf of. */
export const FORWARDED_CLIENT_HEADER = 'X-Billing-Client-Address';
/** Proves the caller is trusted: the `CLIENT_ADDRESS_TOKEN` both sides hold. */
export const FORWARDED_CLIENT_TOKEN_HEADER = 'X-Billing-Client-Token';
/** An address as a proxy writes it (IPv4, IPv6), nothing longer. */
const ADDRESS = /^[0-9A-Fa-f.:]{2,45}$/;

/**
 * The client a request came from, as its host knows it: `CF-Connecting-IP` on Workers (set by
 * Cloudflare, which overwrites whatever the client sent), the socket's address on the Node host;
 * null when the host cannot tell (`wrangler dev` without the header). A trusted caller that holds
 * `CLIENT_ADDRESS_TOKEN` (the web app's server) names its visitor instead, so the visitors it calls
 * for are throttled one by one, not as one client that any of them could lock out.
 */
export function clientOf(c: Context<AppEnv>): string | null {
  const token = c.get('config').clientAddressToken;
  if (token !== null) {
    const offered = c.req.header(FORWARDED_CLIENT_TOKEN_HEADER);
    const forwarded = c.req.header(FORWARDED_CLIENT_HEADER);
    if (offered !== undefined && forwarded !== undefined && constantTimeEqual(offered, token)) {
      if (ADDRESS.test(forwarded)) return `forwarded:${forwarded}`;
    }
  }
  return c.get('deps').clientAddress?.(c.req.raw, c.env) ?? null;
}

/** The host's store for a limiter (Durable Objects on Workers), else the process's memory. */
function storeFor(c: Context<AppEnv>, limiter: RateLimiterName): Store<AppEnv> {
  return c.get('deps').rateLimitStore?.(limiter, c.env) ?? new MemoryStore<AppEnv>();
}

const createLimiter = (store: Store<AppEnv>) =>
  rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    store,
    limit: (c) => c.get('principal').rateLimitPerMinute,
    keyGenerator: (c) => c.get('principal').apiKeyId,
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

const createLegacyLimiter = (store: Store<AppEnv>) =>
  rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    store,
    limit: (c) => c.get('config').legacyRateLimitPerMinute,
    // Clients the host cannot tell apart share one allowance: the legacy routes stay bounded.
    keyGenerator: (c) => clientOf(c) ?? 'unknown',
    // No RateLimit headers on the legacy answers, which stay as the older system sent them.
    standardHeaders: false,
    // The legacy envelope: the older system's clients read `header`, never a problem document.
    handler: (c) => {
      const resetTime = c.get('rateLimit').resetTime?.getTime() ?? Date.now() + WINDOW_MS;
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

/** The failure counts per client, in a rate limiter's store (one-minute fixed windows). */
function createFailureStore(store: Store<AppEnv>): Store<AppEnv> {
  store.init?.({ windowMs: WINDOW_MS } as Parameters<NonNullable<Store<AppEnv>['init']>>[0]);
  return store;
}

let limiter: MiddlewareHandler<AppEnv> | undefined;
let legacyLimiter: MiddlewareHandler<AppEnv> | undefined;
let failures: Store<AppEnv> | undefined;

/**
 * Fixed one-minute windows per API key, with the key's own limit, counted in the host's store: on
 * Workers one Durable Object per key, which every isolate shares; on a single Node process, its
 * memory. Built on the first request because the memory store starts a timer, which workerd
 * forbids at global scope, and the Durable Object store needs the request's bindings.
 */
export const rateLimitPerApiKey: MiddlewareHandler<AppEnv> = (c, next) => {
  limiter ??= createLimiter(storeFor(c, 'api-key'));
  return limiter(c, next);
};

/** The legacy routes' limit per client (they take no API key), answered in the legacy envelope. */
export const rateLimitLegacyPerClient: MiddlewareHandler<AppEnv> = (c, next) => {
  legacyLimiter ??= createLegacyLimiter(storeFor(c, 'legacy'));
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
 * The throttle's 429 for this request's client, if it is over its failed-authentication allowance
 * (throttleFailedAuthentication); what authenticates a request awaits it before answering.
 */
export async function refuseThrottledClient(c: Context<AppEnv>): Promise<void> {
  const refusal = await c.get('clientRefusal');
  if (refusal) throw refusal;
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
  const limit = c.get('config').authFailuresPerMinute;
  const knownRefusal = refusalRemembered(client, limit);
  if (knownRefusal) throw knownRefusal;
  failures ??= createFailureStore(storeFor(c, 'auth-failures'));
  const store = failures;
  // Read while the key is looked up (one round trip instead of two in a row); the authentication
  // middleware awaits it before it answers anything, so an over-allowance client is still refused
  // whatever its key.
  c.set(
    'clientRefusal',
    Promise.resolve(store.get?.(client)).then((seen) =>
      seen?.resetTime && seen.resetTime.getTime() > Date.now() && seen.totalHits >= limit
        ? refuse(client, limit, seen.resetTime)
        : null,
    ),
  );
  await next();
  if (c.res.status !== 401) return;
  const { totalHits, resetTime } = await store.increment(client);
  if (totalHits > limit) throw refuse(client, limit, resetTime);
};

/**
 * The clients this process (on Workers, this isolate) refused, each until its window ends. Within a
 * window a client's count only grows, so the refusal holds until then: the client's next requests
 * are refused at once, with no count read and no key lookup, however many a locked-out guesser
 * sends. At most MAX_REFUSED_CLIENTS, the oldest forgotten first (it is then read again).
 */
const refusedUntil = new Map<string, number>();
const MAX_REFUSED_CLIENTS = 10_000;

function refuse(client: string, limit: number, resetTime: Date | undefined): ApiError {
  const now = Date.now();
  const until = resetTime?.getTime() ?? now + WINDOW_MS;
  refusedUntil.delete(client);
  if (refusedUntil.size >= MAX_REFUSED_CLIENTS)
    refusedUntil.delete(refusedUntil.keys().next().value as string);
  refusedUntil.set(client, until);
  return tooManyFailures(limit, new Date(until), now);
}

function refusalRemembered(client: string, limit: number): ApiError | null {
  const until = refusedUntil.get(client);
  if (until === undefined) return null;
  if (until > Date.now()) return tooManyFailures(limit, new Date(until), Date.now());
  refusedUntil.delete(client);
  return null;
}
