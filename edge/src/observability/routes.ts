import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../app-env';

/** Which route answered a request, as logs, spans and metrics name it (never the raw path). */
export interface RouteName {
  /** The route's pattern (`/v1/billing-groups/:billingGroupId`); null when no route matched. */
  route: string | null;
  /** The route's OpenAPI operationId; null for routes outside the document (/docs, a 404). */
  operationId: string | null;
}

const UNMATCHED: RouteName = { route: null, operationId: null };

/** Middleware (`app.use`) is registered for every method; a route only for its own. */
const MIDDLEWARE_METHOD = 'ALL';

/**
 * Names the route of a request from Hono's match, which the router made before the first handler
 * ran. The operationIds come from the app's OpenAPI registry, indexed by method and pattern on the
 * first request (every route is registered by then), so a request costs a walk of its matches and
 * one map lookup.
 */
export function routeNamer(app: OpenAPIHono<AppEnv>): (c: Context<AppEnv>) => RouteName {
  let operationIds: Map<string, string> | undefined;
  const names = new WeakMap<object, RouteName>();
  return (c) => {
    const matched = matchedRoutes(c).findLast((route) => route.method !== MIDDLEWARE_METHOD);
    if (!matched) return UNMATCHED;
    let name = names.get(matched);
    if (!name) {
      operationIds ??= indexOperationIds(app);
      name = {
        route: matched.path,
        operationId: operationIds.get(`${matched.method} ${matched.path}`) ?? null,
      };
      names.set(matched, name);
    }
    return name;
  };
}

/** `GET /v1/billing-groups/:billingGroupId` → its operationId, for every route of the document. */
function indexOperationIds(app: OpenAPIHono<AppEnv>): Map<string, string> {
  const index = new Map<string, string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route' || !definition.route.operationId) continue;
    // The pattern Hono registers for an OpenAPI path (as @hono/zod-openapi converts it).
    const pattern = definition.route.path.replaceAll(/\/{(.+?)}/g, '/:$1');
    index.set(`${definition.route.method.toUpperCase()} ${pattern}`, definition.route.operationId);
  }
  return index;
}
