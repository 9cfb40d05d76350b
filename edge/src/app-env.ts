import type { RateLimitInfo } from 'hono-rate-limiter';
import type { AppDeps, EdgeConfig } from './deps';
import type { OutboxNotifier } from './services/events';
import type { Storage } from './storage/port';

/** The caller, once authenticated. */
export interface Principal {
  tenantId: string;
  apiKeyId: string;
  rateLimitPerMinute: number;
}

/** Hono's environment for every route: per-request storage, config and the caller. */
export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    requestId: string;
    deps: AppDeps;
    storage: Storage;
    config: EdgeConfig;
    principal: Principal;
    /** Wakes the webhook dispatcher once a request's events are written (services/events.ts). */
    outbox: OutboxNotifier;
    /** Set by the rate limiters (hono-rate-limiter) on the requests they count. */
    rateLimit: RateLimitInfo;
  };
}
