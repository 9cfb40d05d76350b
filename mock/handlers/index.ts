import type { HttpHandler } from 'msw';
import type { MockRuntime } from '../src/operation';
import { adjustmentHandlers } from './adjustments';
import { billingGroupHandlers } from './billing-groups';
import { calculateHandlers } from './calculate';
import { creditHandlers } from './credits';
import { fallbackHandlers } from './fallback';
import { jobHandlers } from './jobs';
import { kitFor } from './kit';
import { legacyHandlers } from './legacy';
import { paymentHandlers } from './payments';
import { pricingHandlers } from './pricing';
import { reconciliationHandlers } from './reconciliation';
import { statementHandlers } from './statements';
import { systemHandlers } from './system';
import { tenantHandlers } from './tenants';
import { usageHandlers } from './usage';

/** Every operation of edge/openapi.json, by domain; unknown routes under /v1 last. */
export function handlersFor(runtime: MockRuntime): HttpHandler[] {
  const kit = kitFor(runtime);
  return [
    ...systemHandlers(kit),
    ...tenantHandlers(kit),
    ...billingGroupHandlers(kit),
    ...pricingHandlers(kit),
    ...usageHandlers(kit),
    ...adjustmentHandlers(kit),
    ...creditHandlers(kit),
    ...statementHandlers(kit),
    ...paymentHandlers(kit),
    ...jobHandlers(kit),
    ...reconciliationHandlers(kit),
    ...calculateHandlers(kit),
    ...legacyHandlers(kit),
    ...fallbackHandlers(kit),
  ];
}
