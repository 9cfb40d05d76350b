// 1.0.0-rc.52 imports ATTR_FAAS_TIME from @opentelemetry/semantic-conventions/incubating, which
// 1.44 dropped: edge/package.json pins semantic-conventions 1.43.0 until a release imports less.
import { instrument, type ResolveConfigFn } from '@microlabs/otel-cf-workers';
import { otlpHeaders, SERVICE_NAME, tracesUrl } from './otlp';

/** The OTLP settings of a Worker's environment: secrets, set per environment with `wrangler secret put`. */
export interface WorkerTracingEnv {
  /** The collector's base URL (`https://otel.example.com`); absent: no tracing at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** `name=value` pairs, comma-separated, sent with every export (an ingest token). */
  OTEL_EXPORTER_OTLP_HEADERS?: string;
  ENVIRONMENT?: string;
}

/** Whether this Worker's environment sends traces. */
export const isTracing = (env: WorkerTracingEnv): boolean => Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);

const tracingConfig: ResolveConfigFn<WorkerTracingEnv> = (env) => ({
  exporter: {
    url: tracesUrl(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? ''),
    headers: otlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
  },
  service: { name: SERVICE_NAME, namespace: env.ENVIRONMENT },
  // The spans that matter are the app's own (route, storage): the global fetch and cache stay as
  // they are, with no wrapper on every outbound call of the isolate.
  instrumentation: { instrumentGlobalFetch: false, instrumentGlobalCache: false },
});

/**
 * The Worker's handlers, traced through @microlabs/otel-cf-workers (a span per request and per
 * scheduled run, exported over OTLP/HTTP after the response) in an environment that names an OTLP
 * endpoint; in one that does not, the handlers themselves, with no tracing code on the way.
 */
export function traceWorker<Env extends WorkerTracingEnv>(
  handler: ExportedHandler<Env>,
): ExportedHandler<Env> {
  const traced = instrument({ ...handler }, tracingConfig as ResolveConfigFn);
  return {
    fetch: (request, env, executionContext) =>
      (isTracing(env) ? traced : handler).fetch?.(request, env, executionContext) as Promise<Response>,
    scheduled: (controller, env, executionContext) =>
      (isTracing(env) ? traced : handler).scheduled?.(controller, env, executionContext) as Promise<void>,
  };
}
