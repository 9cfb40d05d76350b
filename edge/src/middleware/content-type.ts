import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/problem';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A request that sends a body must send JSON (415 otherwise); an empty body is let through. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hasBody = c.req.header('Content-Length') !== '0' && c.req.raw.body !== null;
  if (METHODS_WITH_BODY.has(c.req.method) && hasBody) {
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
