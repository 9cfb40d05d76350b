import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Storage } from '../storage/port';
import { SERVICE_NAME } from './otlp';
import type { RouteName } from './routes';

/**
 * The app's spans go through OpenTelemetry's global tracer: the host registers a provider (the Node
 * SDK, ./node.ts; @microlabs/otel-cf-workers, ./workers.ts) only where an OTLP endpoint is set.
 */
const tracer = trace.getTracer(SERVICE_NAME);

/**
 * A span for the request's route (`GET /v1/billing-groups/:billingGroupId`), around everything the
 * app does for it; the storage calls made meanwhile are its children. Under the Workers runtime's
 * own request span it is an inner span; on Node it is the server span.
 */
export function traceRoute(nameRoute: (c: Context<AppEnv>) => RouteName): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const { route, operationId } = nameRoute(c);
    const kind = trace.getActiveSpan() ? SpanKind.INTERNAL : SpanKind.SERVER;
    const attributes = {
      'http.request.method': c.req.method,
      ...(route ? { 'http.route': route } : {}),
      ...(operationId ? { 'billing.operation_id': operationId } : {}),
    };
    return tracer.startActiveSpan(
      route ? `${c.req.method} ${route}` : c.req.method,
      { kind, attributes },
      async (span) => {
        try {
          await next();
          span.setAttribute('http.response.status_code', c.res.status);
          if (c.get('principal')) span.setAttribute('billing.tenant_id', c.get('principal').tenantId);
          if (c.error) span.recordException(c.error);
          if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        } finally {
          span.end();
        }
      },
    );
  };
}

const tracedStorages = new WeakMap<Storage, Storage>();

/**
 * The storage port with a span around each call (`storage.getBillingGroup`), child of the span
 * active at the call. One proxy per storage object (the Node host's lives as long as the process;
 * a Worker's, one request), and one wrapper per method of it. Every method of the port is async.
 */
export function traceStorage(storage: Storage): Storage {
  let traced = tracedStorages.get(storage);
  if (traced) return traced;
  const wrappers = new Map<string, unknown>();
  traced = new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        wrapper = (...args: unknown[]) =>
          tracer.startActiveSpan(`storage.${property}`, { kind: SpanKind.CLIENT }, async (span) => {
            try {
              return await value.apply(target, args);
            } catch (error) {
              span.recordException(error instanceof Error ? error : String(error));
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          });
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
  tracedStorages.set(storage, traced);
  return traced;
}

/**
 * A span around one step of the engine (`engine.computeStatement`), child of the route's. The engine
 * stays pure: the edge wraps its calls. Without a tracer provider the span is a no-op.
 */
export function traceEngine<T>(step: string, work: () => T): T {
  return tracer.startActiveSpan(`engine.${step}`, (span) => {
    const result = work();
    if (result instanceof Promise) return result.finally(() => span.end()) as T;
    span.end();
    return result;
  });
}
