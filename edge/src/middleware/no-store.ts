import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/**
 * The API's answers hold a tenant's data and, once, its API keys: no browser or proxy cache may keep
 * them (`Cache-Control: no-store`), refusals included.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
