import type { MemoryStorage } from '@billing/edge/storage/memory';

/** How a mock instance behaves; every field has the edge's default. */
export interface MockOptions {
  /** The operator's key that creates tenants (the edge's ADMIN_API_KEY). */
  adminApiKey?: string;
  /** The limit new API keys get unless they ask for another (the edge's RATE_LIMIT_PER_MINUTE). */
  defaultRateLimitPerMinute?: number;
  /** The legacy calculator's VAT_RATE setting, raw. */
  legacyVatRate?: string | null;
  /** Origins allowed by CORS (the edge's CORS_ORIGINS); none by default. */
  corsOrigins?: string[];
  /** The clock, pinned in tests that need a fixed now. */
  clock?: () => Date;
  /**
   * Where MSW answers the billing API: `*` (the default) on any origin; an origin such as
   * `http://127.0.0.1:8787` only there.
   */
  baseUrl?: string;
  /** Where the browser fetches sql.js's wasm file from (Node finds it beside the package). */
  locateWasm?: (file: string) => string;
  /**
   * Opens the storage of a fresh world (a session's database, migrated). Absent: SQLite compiled to
   * WebAssembly (sql.js), which runs wherever the mock does; the standalone server on Node passes
   * Node's own SQLite, the same engine natively (mock/src/server.ts).
   */
  openWorld?: () => MemoryStorage;
}

export interface MockConfig {
  adminApiKey: string;
  defaultRateLimitPerMinute: number;
  legacyVatRate: string | null;
  corsOrigins: string[];
  clock: () => Date;
  baseUrl: string;
}

export const DEFAULT_ADMIN_API_KEY = 'dev-admin-key';

export function resolveConfig(options: MockOptions = {}): MockConfig {
  return {
    adminApiKey: options.adminApiKey ?? DEFAULT_ADMIN_API_KEY,
    defaultRateLimitPerMinute: options.defaultRateLimitPerMinute ?? 600,
    legacyVatRate: options.legacyVatRate ?? null,
    corsOrigins: options.corsOrigins ?? [],
    clock: options.clock ?? (() => new Date()),
    baseUrl: options.baseUrl ?? '*',
  };
}
