import type { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from './problem';

/** Middleware (`app.use`) is registered for every method; a route only for its own. */
const MIDDLEWARE_METHOD = 'ALL';

/** The order `Allow` names methods in: reads first, then writes. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods a path takes, for the 405 of a request whose path has routes but not for its method.
 * It asks the app's own router, so a path matches here exactly as it would have matched a route.
 * Only a request no route answered pays for it: one router lookup per method the app has routes for.
 * HEAD is taken wherever GET is (Hono answers it with the GET route, without the body), and OPTIONS
 * everywhere (the CORS preflight, src/middleware/cors.ts), so a path with routes lists both.
 */
export function allowedMethodsOf(app: Pick<Hono<AppEnv>, 'routes' | 'router'>): (path: string) => string[] {
  let routeMethods: string[] | undefined;
  return (path) => {
    routeMethods ??= [
      ...new Set(app.routes.map((route) => route.method).filter((method) => method !== MIDDLEWARE_METHOD)),
    ];
    const taken = new Set(
      routeMethods.filter((method) =>
        app.router.match(method, path)[0].some(([[, route]]) => route.method === method),
      ),
    );
    if (taken.size === 0) return [];
    if (taken.has('GET')) taken.add('HEAD');
    const ordered = METHOD_ORDER.filter((method) => taken.has(method));
    const others = [...taken].filter((method) => !METHOD_ORDER.includes(method)).sort();
    return [...ordered, ...others, 'OPTIONS'];
  };
}

/** 405: the path exists, the method does not; `Allow` names the methods it takes (RFC 9110 §15.5.6). */
export function methodNotAllowed(method: string, allowed: readonly string[]): ApiError {
  const allow = allowed.join(', ');
  return new ApiError(
    405,
    'method-not-allowed',
    'Method not allowed',
    `${method} is not a method of this path, which takes ${allow}`,
    { headers: { Allow: allow } },
  );
}
