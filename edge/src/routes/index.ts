import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { registerAdjustmentRoutes } from './adjustments/adjustments.index';
import { registerBillingGroupRoutes } from './billing-groups/billing-groups.index';
import { registerBudgetRoutes } from './budgets/budgets.index';
import { registerCalculateRoutes } from './calculate/calculate.index';
import { registerCompatRoutes } from './compat/compat.index';
import { registerContractRoutes } from './contracts/contracts.index';
import { registerCreditNoteRoutes } from './credit-notes/credit-notes.index';
import { registerCreditRoutes } from './credits/credits.index';
import { registerEventRoutes } from './events/events.index';
import { registerJobRoutes } from './jobs/jobs.index';
import { registerPaymentRoutes } from './payments/payments.index';
import { registerPriceBookRoutes } from './price-books/price-books.index';
import { registerReconciliationRoutes } from './reconciliation/reconciliation.index';
import { registerStatementRoutes } from './statements/statements.index';
import { registerSystemRoutes } from './system/system.index';
import { registerTenantRoutes } from './tenants/tenants.index';
import { registerTestClockRoutes } from './test-clocks/test-clocks.index';
import { registerUsageRoutes } from './usage/usage.index';
import { registerWebhookRoutes } from './webhooks/webhooks.index';

/** Every resource's routes, one line each. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerSystemRoutes(app);
  registerTenantRoutes(app);
  registerBillingGroupRoutes(app);
  registerPriceBookRoutes(app);
  registerContractRoutes(app);
  registerUsageRoutes(app);
  registerAdjustmentRoutes(app);
  registerPaymentRoutes(app);
  registerStatementRoutes(app);
  registerJobRoutes(app);
  registerReconciliationRoutes(app);
  registerCreditRoutes(app);
  registerCreditNoteRoutes(app);
  registerBudgetRoutes(app);
  registerEventRoutes(app);
  registerWebhookRoutes(app);
  registerTestClockRoutes(app);
  registerCalculateRoutes(app);
  registerCompatRoutes(app);
}
