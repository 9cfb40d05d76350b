import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env';
import type { AppDeps } from './deps';
import { handleError, illFormedUnicode, zodIssues } from './http/errors';
import { executionContextOf } from './http/execution-context';
import { allowedMethodsOf, methodNotAllowed } from './http/methods';
import { ApiError } from './http/problem';
import { authenticate, requireAdmin } from './middleware/auth';
import { limitBody } from './middleware/body-limit';
import { requireJsonBody } from './middleware/content-type';
import { corsHeaders } from './middleware/cors';
import { noStore } from './middleware/no-store';
import {
  rateLimitLegacyPerClient,
  rateLimitPerApiKey,
  throttleFailedAuthentication,
} from './middleware/rate-limit';
import { observeRequests, type RequestObserver } from './middleware/request-log';
import { apiSecurityHeaders } from './middleware/security-headers';
import { routeNamer } from './observability/routes';
import { traceRoute, traceStorage } from './observability/tracing';
import { refuseBodiesOfBodylessOperations } from './openapi/bodyless';
import { validateSynchronously } from './openapi/sync-validation';
import { registerRoutes } from './routes';

/** Where the legacy routes of DOMAIN §9 live (they take no API key; a limit per client applies). */
const LEGACY_PREFIXES = ['/api/billing', '/billing'];

/** Routes that answer without a tenant API key. */
const ADMIN_ROUTES = new Set(['POST /v1/tenants']);

/** What a host watches of its requests (edge/OBSERVABILITY.md); the default watches nothing, at no cost. */
export interface AppObservability {
  /** Told of every request once it is answered: the JSON log line, the Node host's metrics. */
  requestObservers?: RequestObserver[];
  /**
   * Whether the requests of these bindings are observed (the Worker's EDGE_LOG_LEVEL var); absent:
   * always. A line nobody will see still costs its making and its transport.
   */
  isObserving?(bindings: unknown): boolean;
  /** Whether the requests of these bindings are traced (a route span, storage spans); absent: never. */
  isTracing?(bindings: unknown): boolean;
}

/**
 * The billing API as a Hono app, independent of its runtime: the Workers entry and the Node server
 * each call this with their own storage and clock, and their own observability.
 */
export function createApp(deps: AppDeps, observability: AppObservability = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Every schema failure becomes a 422 problem naming the field and the rule.
    defaultHook: (result) => {
      if (!result.success) throw zodIssues(result.error, result.target);
      const illFormed = illFormedUnicode(result.data, result.target);
      if (illFormed) throw illFormed;
    },
  });

  app.use('*', requestId());
  const nameRoute = routeNamer(app);
  const { requestObservers = [], isObserving, isTracing } = observability;
  if (requestObservers.length > 0) {
    const observed = observeRequests(requestObservers, nameRoute);
    app.use('*', (c, next) => (isObserving?.(c.env) === false ? next() : observed(c, next)));
  }
  if (isTracing) {
    const traced = traceRoute(nameRoute);
    app.use('*', (c, next) => (isTracing(c.env) ? traced(c, next) : next()));
  }
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', deps.config(c.env));
    const storage = deps.storage(c.env);
    c.set('storage', isTracing?.(c.env) ? traceStorage(storage) : storage);
    c.set('outbox', {
      wrote: (tenantId) => deps.wakeWebhooks?.(tenantId, c.env, executionContextOf(c)),
    });
    await next();
  });
  app.use('*', apiSecurityHeaders);
  app.use('/v1/*', noStore);
  app.use('*', corsHeaders);
  app.use('*', limitBody);
  app.use('/v1/*', requireJsonBody);
  const isAdminRoute = (c: Context<AppEnv>) => ADMIN_ROUTES.has(`${c.req.method} ${c.req.path}`);
  app.use('/v1/*', throttleFailedAuthentication);
  app.use('/v1/*', (c, next) => (isAdminRoute(c) ? requireAdmin(c, next) : authenticate(c, next)));
  app.use('/v1/*', (c, next) => (isAdminRoute(c) ? next() : rateLimitPerApiKey(c, next)));

  for (const legacyPrefix of LEGACY_PREFIXES) app.use(`${legacyPrefix}/*`, rateLimitLegacyPerClient);

  validateSynchronously(app);
  refuseBodiesOfBodylessOperations(app);
  registerRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A tenant API key (`bk_…`); tenant creation takes the operator’s admin key',
  });
  app.doc31('/openapi.json', OPENAPI_INFO);

  const allowedMethods = allowedMethodsOf(app);
  // A path with routes, but none for this method, is 405 with `Allow`; a path without any is 404.
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) throw methodNotAllowed(c.req.method, allowed);
    throw new ApiError(404, 'not-found', 'Not found', 'no such route');
  });
  app.onError(handleError);
  return app;
}

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Billing API',
    version: '1.0.0',
    description:
      'Usage-based cloud billing: metering, pricing, adjustments, credits, statements with an explain trace, payments. ' +
      'Money and quantities are decimal strings. Errors are application/problem+json naming the field and the rule.',
  },
  servers: [{ url: '/' }],
};
