import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/problem';

/** Large enough for a batch of 1000 usage events, small enough that no body ties up an isolate. */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => {
  throw new ApiError(
    413,
    'payload-too-large',
    'Payload too large',
    `the request body exceeds ${MAX_BODY_BYTES} bytes`,
  );
};

/** Hono's limit, which counts a body without a length as it streams (chunked uploads). */
const streamedLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });

/**
 * The 413 above MAX_BODY_BYTES, decided as Hono's `bodyLimit` decides it: a declared Content-Length
 * (without Transfer-Encoding) is compared and trusted, the HTTP parser holding the body to it; any
 * other body is counted by Hono's middleware as it arrives. Hono's asks for `c.req.raw.body` first,
 * which on Node turns the adapter's lazy request into a stream-backed one on every request, and
 * which a request that declares its length does not need.
 */
export const limitBody: MiddlewareHandler<AppEnv> = (c, next) => {
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    return Number.parseInt(length, 10) > MAX_BODY_BYTES ? tooLarge() : next();
  }
  return streamedLimit(c, next);
};
