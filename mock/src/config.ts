/** How a mock instance behaves; every field has the edge's default. */
export interface MockOptions {
  /** The operator's key that creates tenants (the edge's ADMIN_API_KEY). */
  adminApiKey?: string;
  /** The limit new API keys get unless they ask for another (the edge's RATE_LIMIT_PER_MINUTE). */
  defaultRateLimitPerMinute?: number;
  /** The legacy calculator's VAT_RATE setting, raw. */
  legacyVatRate?: string | null;
  /** The clock, pinned in tests that need a fixed now. */
  clock?: () => Date;
  /**
   * What every handler path is prefixed with: `*` (the default) answers the billing API on any
   * origin; an origin such as `http://127.0.0.1:8787` answers it only there.
   */
  baseUrl?: string;
}

export interface MockConfig {
  adminApiKey: string;
  defaultRateLimitPerMinute: number;
  legacyVatRate: string | null;
  clock: () => Date;
  baseUrl: string;
}

export const DEFAULT_ADMIN_API_KEY = 'dev-admin-key';

export function resolveConfig(options: MockOptions = {}): MockConfig {
  return {
    adminApiKey: options.adminApiKey ?? DEFAULT_ADMIN_API_KEY,
    defaultRateLimitPerMinute: options.defaultRateLimitPerMinute ?? 600,
    legacyVatRate: options.legacyVatRate ?? null,
    clock: options.clock ?? (() => new Date()),
    baseUrl: options.baseUrl ?? '*',
  };
}
