import type { BillingGroupStore } from './ports/billing-groups';
import type { TenantStore } from './ports/tenants';

/**
 * Everything the handlers may ask of storage, one interface per resource. Adapters (D1 on workerd,
 * SQLite on Node) implement all of it; every method that reads tenant data takes the tenant id.
 */
export interface Storage extends TenantStore, BillingGroupStore {}

export type { Page, PageRequest } from './ports/tenants';
