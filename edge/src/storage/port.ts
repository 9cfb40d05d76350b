import type { AdjustmentStore } from './ports/adjustments';
import type { BillingGroupStore } from './ports/billing-groups';
import type { BudgetStore } from './ports/budgets';
import type { CreditNoteStore } from './ports/credit-notes';
import type { CreditStore } from './ports/credits';
import type { EventStore } from './ports/events';
import type { IdempotencyStore } from './ports/idempotency';
import type { JobStore } from './ports/jobs';
import type { PaymentStore } from './ports/payments';
import type { PricingStore } from './ports/pricing';
import type { ReconciliationStore } from './ports/reconciliation';
import type { ScheduledWorkStore } from './ports/scheduled';
import type { StatementStore } from './ports/statements';
import type { TenantStore } from './ports/tenants';
import type { TestClockStore } from './ports/test-clocks';
import type { UsageStore } from './ports/usage';
import type { WebhookStore } from './ports/webhooks';

/**
 * Everything the handlers may ask of storage, one interface per resource. Adapters (D1 on workerd,
 * SQLite on Node) implement all of it; every method that reads tenant data takes the tenant id.
 */
export interface Storage
  extends TenantStore,
    BillingGroupStore,
    PricingStore,
    UsageStore,
    AdjustmentStore,
    CreditStore,
    StatementStore,
    ReconciliationStore,
    PaymentStore,
    IdempotencyStore,
    JobStore,
    ScheduledWorkStore,
    EventStore,
    WebhookStore,
    BudgetStore,
    CreditNoteStore,
    TestClockStore {}

export type { Page, PageRequest } from './ports/tenants';
