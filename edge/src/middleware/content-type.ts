import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/problem';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A request that sends a body must send JSON (415 otherwise); an empty body is let through. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (METHODS_WITH_BODY.has(c.req.method) && hasBody(c.req.header('Content-Length'), c.req.raw)) {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `the request body must be application/json, got ${type ? `"${type}"` : 'no Content-Type'}`,
        { errors: [{ field: 'Content-Type', rule: 'media-type', message: 'must be application/json' }] },
      );
    }
  }
  await next();
};

/** A positive declared length: the request has a body, no need to ask the request object. */
const POSITIVE_LENGTH = /^[1-9][0-9]*$/;

/**
 * Whether the request sends a body: not when it declares a length of 0, and not when it has none.
 * A positive Content-Length answers without touching `request.body`, which on Node would turn the
 * adapter's lazy request into a stream-backed one before the handler reads the body its own way.
 */
function hasBody(contentLength: string | undefined, request: Request): boolean {
  if (contentLength !== undefined && POSITIVE_LENGTH.test(contentLength)) return true;
  return contentLength !== '0' && request.body !== null;
}
