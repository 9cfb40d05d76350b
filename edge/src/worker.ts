import { createApp } from './app';
import { randomId, readConfig } from './deps';
import { createSandboxPaymentProvider } from './payment-provider/sandbox';
import { createD1Storage } from './storage/d1';

export interface Env {
  DB: D1Database;
  ADMIN_API_KEY?: string;
  CORS_ORIGINS?: string;
  RATE_LIMIT_PER_MINUTE?: string;
  VAT_RATE?: string;
  /** Seconds without progress after which a RUNNING month-end job is resumed (default 30). */
  JOB_LEASE_SECONDS?: string;
  /** Failed authentications per client and minute before 429 (default 10). */
  AUTH_FAILURES_PER_MINUTE?: string;
  /** Requests per client and minute to the legacy routes (default 600). */
  LEGACY_RATE_LIMIT_PER_MINUTE?: string;
}

/** The Workers entry: D1 from the binding, the runtime's clock, waitUntil for background work. */
const app = createApp({
  storage: (bindings) => createD1Storage((bindings as unknown as Env).DB),
  config: (bindings) => readConfig(bindings as Record<string, unknown>),
  clock: () => new Date(),
  newId: randomId,
  // Cloudflare sets it on every request, replacing any the client sent.
  clientAddress: (request) => request.headers.get('CF-Connecting-IP'),
  runInBackground: (work, executionContext) => (executionContext as ExecutionContext).waitUntil(work),
  paymentProvider: createSandboxPaymentProvider(),
});

export default {
  fetch: (request, env, executionContext) => app.fetch(request, env, executionContext),
} satisfies ExportedHandler<Env>;
