import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env';
import { zodIssues } from '../http/errors';
import { problems } from './schemas';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** What an operation without a body still takes: nothing, or an empty object. */
const NoBody = z.strictObject({});

/**
 * An operation that takes no body refuses one that says anything: the client meant something by it
 * (`{"amount":"100"}` on a refund asks for a partial refund, which this API does not make), so doing
 * the whole operation regardless would do what it did not ask. No body, or `{}`, is taken as today;
 * malformed JSON is the usual 400 (as Hono's JSON validator answers it); any other JSON a 422 naming
 * each field (`unknown-field`), or `body` itself when it is not an object.
 */
export const refuseBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const text = await c.req.text();
  if (text.trim() !== '') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' });
    }
    const result = NoBody.safeParse(value);
    if (!result.success) throw zodIssues(result.error, 'json');
  }
  await next();
};

const BODY_REFUSALS = {
  400: { ...problems(400)[400], description: 'The request sent a body that is not JSON (it takes none)' },
  422: {
    ...problems(422)[422],
    description:
      'Validation failed: each error names the field and the rule; this operation takes no body, so any ' +
      'field sent is refused (`unknown-field`): send none, or `{}`',
  },
};

/** A write operation without a request body: it refuses bodies, and documents how. */
function withBodyRefused(route: RouteConfig): RouteConfig {
  if (!route.path.startsWith('/v1/') || !WRITE_METHODS.has(route.method) || route.request?.body) return route;
  const middleware = route.middleware === undefined ? [] : [route.middleware].flat();
  return {
    ...route,
    middleware: [refuseBody, ...middleware],
    responses: { ...BODY_REFUSALS, ...route.responses },
  };
}

/** Every write operation the app registers from here on without a body refuses one (see above). */
export function refuseBodiesOfBodylessOperations(app: OpenAPIHono<AppEnv>): void {
  const openapi = app.openapi;
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) =>
    (openapi as (...args: unknown[]) => unknown)(withBodyRefused(route), ...rest)) as typeof app.openapi;
}
