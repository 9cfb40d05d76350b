import type { Storage } from '../port';
import { d1BillingGroupStore } from './billing-groups';
import { d1TenantStore } from './tenants';

/** The D1 adapter of the storage port: all SQL of the edge lives under this folder. */
export function createD1Storage(db: D1Database): Storage {
  return {
    ...d1TenantStore(db),
    ...d1BillingGroupStore(db),
  };
}
