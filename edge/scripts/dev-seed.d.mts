// Types of ./dev-seed.mjs, for its unit tests (tests/unit/scripts/dev-seed.spec.ts).

export const SEED_FILE: string;

export interface DevelopmentTenant {
  tenantId: string;
  groupId: string;
  apiKey: string;
  /** The month whose demo usage is stored (the current UTC month of `now`). */
  month: string;
  /** Whether this call seeded the tenant, rather than finding the one of an earlier start. */
  created: boolean;
}

export function ensureDevelopmentTenant(options: {
  baseUrl: string;
  adminKey: string;
  seedPath: string;
  now?: Date;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}): Promise<DevelopmentTenant>;
