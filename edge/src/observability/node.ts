import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { otlpHeaders, SERVICE_NAME, tracesUrl } from './otlp';

export interface NodeTracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * The Node host's tracer: spans batched and sent as OTLP/HTTP JSON to `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (with `OTEL_EXPORTER_OTLP_HEADERS`), the active span carried across awaits by AsyncLocalStorage.
 * Registered globally, so the app's spans (./tracing.ts) reach it; null, and nothing registered,
 * when no endpoint is set. One per process: a second registration is refused by the API.
 */
export function startNodeTracing(env: Record<string, string | undefined>): NodeTracing | null {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  const exporter = new OTLPTraceExporter({
    url: tracesUrl(endpoint),
    headers: otlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': SERVICE_NAME,
      ...(env.ENVIRONMENT ? { 'deployment.environment.name': env.ENVIRONMENT } : {}),
    }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
