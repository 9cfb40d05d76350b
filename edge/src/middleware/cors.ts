import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../app-env';

/** Headers a cross-origin browser may send: `uuid` is the legacy calculator's caller id (DOMAIN §9). */
const ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'uuid'];
/** Headers a cross-origin browser may read. */
const EXPOSE_HEADERS = ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After', 'Allow'];

const allowedOrigin = (origin: string, corsOrigins: readonly string[]) =>
  corsOrigins.includes(origin) ? origin : null;

/** The preflight (OPTIONS) answer: Hono's own CORS middleware, which ends the request there. */
const preflight = cors({
  origin: (origin, c) => allowedOrigin(origin, c.get('config').corsOrigins),
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ALLOW_HEADERS,
  exposeHeaders: EXPOSE_HEADERS,
  maxAge: 600,
});

/**
 * CORS: the same headers as Hono's `cors()` with these options, written onto the answer once it
 * exists. Hono's middleware writes `c.res` before the handler runs and adds `Vary` with `c.header()`
 * after it, and either makes Hono rebuild the handler's response around its body stream: on Node
 * that turns the adapter's buffered answer into a streamed one, a third of a small route's time.
 * Writing onto the final response's headers sends the same headers at no such cost.
 */
export const corsHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') return preflight(c, next);
  const origin = allowedOrigin(c.req.header('origin') ?? '', c.get('config').corsOrigins);
  await next();
  const headers = c.res.headers;
  if (origin) headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS.join(','));
  headers.append('Vary', 'Origin');
};
