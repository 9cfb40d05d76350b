import type { Storage } from '../port';
import { d1AdjustmentStore } from './adjustments';
import { d1BillingGroupStore } from './billing-groups';
import { d1BudgetStore } from './budgets';
import { d1CreditNoteStore } from './credit-notes';
import { d1CreditStore } from './credits';
import { d1EventStore } from './events';
import { d1IdempotencyStore } from './idempotency';
import { d1JobStore } from './jobs';
import { d1PaymentStore } from './payments';
import { d1PricingStore } from './pricing';
import { d1ReconciliationStore } from './reconciliation';
import { d1ScheduledWorkStore } from './scheduled';
import { d1StatementStore } from './statements';
import { d1TenantStore } from './tenants';
import { d1TestClockStore } from './test-clocks';
import { d1UsageStore } from './usage';
import { d1WebhookStore } from './webhooks';

/** The D1 adapter of the storage port: all SQL of the edge lives under this folder. */
export function createD1Storage(db: D1Database): Storage {
  return {
    ...d1TenantStore(db),
    ...d1BillingGroupStore(db),
    ...d1PaymentStore(db),
    ...d1IdempotencyStore(db),
    ...d1PricingStore(db),
    ...d1UsageStore(db),
    ...d1AdjustmentStore(db),
    ...d1CreditStore(db),
    ...d1StatementStore(db),
    ...d1ReconciliationStore(db),
    ...d1JobStore(db),
    ...d1ScheduledWorkStore(db),
    ...d1EventStore(db),
    ...d1WebhookStore(db),
    ...d1BudgetStore(db),
    ...d1CreditNoteStore(db),
    ...d1TestClockStore(db),
  };
}
