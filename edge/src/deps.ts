import type { Store } from 'hono-rate-limiter';
import type { AppEnv } from './app-env';
import type { PaymentProvider } from './payment-provider/port';
import type { JobRecord } from './storage/ports/jobs';
import type { TestClockRecord } from './storage/ports/test-clocks';

/** The rate limiters (middleware/rate-limit.ts), each with counts of its own. */
export type RateLimiterName = 'api-key' | 'legacy' | 'auth-failures';

import type { Storage } from './storage/port';

/**
 * Failed authentications (401s, tenant API keys and the admin key alike) one client may have in a
 * minute; the next request from it is refused with 429 before its key is even looked at, so keys
 * cannot be guessed at the API's speed. Only failures count: a client's valid requests never do.
 * `AUTH_FAILURES_PER_MINUTE` overrides it (the test run's shared edge, where every test is the same
 * loopback client, raises it). The defaults live here, with the config that reads them, so this
 * module needs nothing from `middleware/rate-limit.ts`, which enforces them (no import cycle).
 */
export const AUTH_FAILURES_PER_MINUTE = 10;

/** Requests one client may send to the legacy routes (DOMAIN §9) in a minute; `LEGACY_RATE_LIMIT_PER_MINUTE` overrides it. */
export const LEGACY_REQUESTS_PER_MINUTE = 600;

/** Settings read from the runtime's environment (wrangler vars and secrets, or process.env on Node). */
export interface EdgeConfig {
  /** Creates tenants. Absent: tenant creation is disabled. */
  adminApiKey: string | null;
  /** Origins allowed by CORS; empty: no cross-origin browser access. */
  corsOrigins: string[];
  /** The limit new API keys get unless they ask for another. */
  defaultRateLimitPerMinute: number;
  /** The legacy calculator's `VAT_RATE` setting, raw (DOMAIN §9). */
  legacyVatRate: string | null;
  /** How long a RUNNING month-end job may go without progress before the next POST resumes it. */
  jobLeaseMs: number;
  /** Failed authentications per client and minute before it gets 429 (AUTH_FAILURES_PER_MINUTE). */
  authFailuresPerMinute: number;
  /** Requests per client and minute to the legacy routes (LEGACY_RATE_LIMIT_PER_MINUTE). */
  legacyRateLimitPerMinute: number;
  /**
   * Keys the MAC that binds list cursors to their tenant and list (CURSOR_SECRET; else the admin key,
   * the one secret every deployment has). Changing it ends the cursors handed out before.
   */
  cursorSecret: string;
  /**
   * Lets a trusted caller (the web app's server) name the client it calls for, in
   * `X-Billing-Client-Address`, when it also sends this token (CLIENT_ADDRESS_TOKEN, a secret both
   * hold); null: no caller is trusted to.
   */
  clientAddressToken: string | null;
  /** Webhook delivery (services/webhook-delivery.ts). */
  webhooks: WebhookSettings;
}

/** How webhooks are sent and retried. Tests shorten the waits; production keeps the defaults. */
export interface WebhookSettings {
  /** ENVIRONMENT=development: http to the loopback host is a valid endpoint (services/webhook-url.ts). */
  allowLoopbackHttp: boolean;
  /** The wait after the first failed try; each later wait doubles (WEBHOOK_RETRY_BASE_SECONDS, 30). */
  retryBaseMs: number;
  /** How long a delivery is retried before it is FAILED (WEBHOOK_RETRY_WINDOW_SECONDS, a day). */
  retryWindowMs: number;
  /** How long a receiver may take to answer (WEBHOOK_TIMEOUT_SECONDS, 10). */
  timeoutMs: number;
}

/**
 * What the app needs from its host, injected so the same Hono app runs on workerd with D1 and on
 * Node with SQLite, and so tests can pin the clock and ids.
 */
export interface AppDeps {
  /** Storage for one request, built from the runtime's bindings. */
  storage(bindings: unknown): Storage;
  config(bindings: unknown): EdgeConfig;
  clock(): Date;
  /** A new unique id with a readable prefix, e.g. `bg_…`. */
  newId(prefix: string): string;
  /**
   * The address of the client that sent the request, as the host knows it (never a header the
   * client could set on its way); absent or null: unknown, and every such client counts as one.
   */
  clientAddress?(request: Request, bindings: unknown): string | null;
  /** Keeps work running after the response (Workers' waitUntil); awaits it where there is none. */
  runInBackground(work: Promise<unknown>, executionContext: unknown): void;
  /**
   * Starts the runner of a month-end job (services/month-close.ts), durably where the host can: on
   * Workers, a Durable Object whose alarms run the job's steps and survive a crash. Absent: the
   * steps run in this process after the response (runInBackground), and a job whose process died is
   * resumed by the scheduled sweep of stale jobs.
   */
  startJobRunner?(job: JobRecord, bindings: unknown): Promise<void>;
  /**
   * Starts the runner of a test clock's advance (services/test-clocks.ts), durably where the host
   * can: on Workers the same Durable Object runner as a job's. Absent: the steps run in this process.
   */
  startTestClockRunner?(clock: TestClockRecord, bindings: unknown): Promise<void>;
  /**
   * Where a rate limiter keeps its counts: on Workers, Durable Objects that every isolate shares
   * (workers/rate-limit-counter.ts). Absent: the process's memory, exact on a single process (the
   * Node host, the in-process lane, the mock).
   */
  rateLimitStore?(limiter: RateLimiterName, bindings: unknown): Store<AppEnv>;
  /**
   * Wakes the webhook dispatcher of a tenant whose events were just written: on Workers the
   * tenant's WebhookDispatcher Durable Object (its alarms retry, and survive a crash); on Node the
   * process's dispatcher (services/local-webhook-dispatcher.ts). Absent: events are recorded and
   * listed, and nothing delivers them.
   */
  wakeWebhooks?(tenantId: string, bindings: unknown, executionContext: unknown): Promise<void> | void;
  /** Moves the money of payments; absent: the built-in deterministic sandbox (edge/PAYMENTS.md). */
  paymentProvider?: PaymentProvider;
}

/** The settings from the runtime's environment: a Worker's bindings, or process.env on Node. */
export function readConfig(bindings: object): EdgeConfig {
  const env = bindings as Record<string, unknown>;
  const text = (name: string) =>
    typeof env[name] === 'string' && env[name] !== '' ? (env[name] as string) : null;
  return {
    adminApiKey: text('ADMIN_API_KEY'),
    corsOrigins: (text('CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    defaultRateLimitPerMinute: Number(text('RATE_LIMIT_PER_MINUTE') ?? 600),
    legacyVatRate: text('VAT_RATE'),
    jobLeaseMs: positiveSeconds(text('JOB_LEASE_SECONDS'), 30) * 1000,
    authFailuresPerMinute: positiveInteger(text('AUTH_FAILURES_PER_MINUTE'), AUTH_FAILURES_PER_MINUTE),
    legacyRateLimitPerMinute: positiveInteger(
      text('LEGACY_RATE_LIMIT_PER_MINUTE'),
      LEGACY_REQUESTS_PER_MINUTE,
    ),
    cursorSecret: text('CURSOR_SECRET') ?? text('ADMIN_API_KEY') ?? 'local-development-cursor-secret',
    clientAddressToken: text('CLIENT_ADDRESS_TOKEN'),
    webhooks: {
      allowLoopbackHttp: text('ENVIRONMENT') === 'development',
      retryBaseMs: positiveSeconds(text('WEBHOOK_RETRY_BASE_SECONDS'), 30) * 1000,
      retryWindowMs: positiveSeconds(text('WEBHOOK_RETRY_WINDOW_SECONDS'), 24 * 60 * 60) * 1000,
      timeoutMs: positiveSeconds(text('WEBHOOK_TIMEOUT_SECONDS'), 10) * 1000,
    },
  };
}

function positiveInteger(value: string | null, fallback: number): number {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : fallback;
}

function positiveSeconds(value: string | null, fallback: number): number {
  const seconds = Number(value);
  return value !== null && Number.isFinite(seconds) && seconds > 0 ? seconds : fallback;
}

/** Ids: a prefix naming the resource and 128 random bits, hex. */
export function randomId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
}
