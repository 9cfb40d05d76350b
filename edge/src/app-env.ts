import type { RateLimitInfo } from 'hono-rate-limiter';
import type { AppDeps, EdgeConfig } from './deps';
import type { ApiError } from './http/problem';
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
    /**
     * The failed-authentication throttle's verdict on the client, being read while the key is looked
     * up: the 429 to answer, or null (middleware/rate-limit.ts). Absent for a client the host cannot tell.
     */
    clientRefusal: Promise<ApiError | null>;
    /** Set by the rate limiters (hono-rate-limiter) on the requests they count. */
    rateLimit: RateLimitInfo;
  };
}
