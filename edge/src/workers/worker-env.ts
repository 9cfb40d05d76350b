/**
 * The Worker's bindings: what `wrangler types` generates from wrangler.jsonc (`Cloudflare.Env` in
 * edge/worker-configuration.d.ts: the D1 database, the Durable Objects, the vars; `npm run
 * cf:types -w edge` after changing wrangler.jsonc, CI checks it is current), and the secrets and
 * optional settings, which wrangler.jsonc never holds (`wrangler secret put`; locally .dev.vars,
 * see .dev.vars.example).
 */
export interface WorkerEnv extends Cloudflare.Env {
  /** Creates tenants; absent: tenant creation is disabled. */
  ADMIN_API_KEY?: string;
  /** Keys the MAC of list cursors (else the admin key). */
  CURSOR_SECRET?: string;
  /** Shared with the web app: lets it name the visitor it calls for (middleware/rate-limit.ts). */
  CLIENT_ADDRESS_TOKEN?: string;
  /** Seconds without progress after which a RUNNING month-end job is resumed (default 30). */
  JOB_LEASE_SECONDS?: string;
  /** Failed authentications per client and minute before 429 (default 10). */
  AUTH_FAILURES_PER_MINUTE?: string;
  /** Requests per client and minute to the legacy routes (default 600). */
  LEGACY_RATE_LIMIT_PER_MINUTE?: string;
  /**
   * The request lines' switch, as on the Node host (middleware/request-log.ts): `info`, `warn`,
   * `error` or `none` leave them out; absent: written (Workers Logs keeps them).
   */
  EDGE_LOG_LEVEL?: string;
}
