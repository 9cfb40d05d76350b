import type { BillingApi } from '../../support/api/billing-api';
import { CLOSED_MONTH, OPEN_MONTH, type TenantIds } from './plausible';

/** The month the tenant's (empty) month-end job ran for. */
export const JOB_MONTH = '2026-05';

/**
 * One of every resource in a tenant, created through the API: what the isolation tests try to reach
 * from another tenant and what the generated requests aim at. The ids are keyed by the names the
 * OpenAPI document gives them as path parameters (and body fields).
 */
export async function createEveryResource(api: BillingApi, name: string): Promise<TenantIds> {
  const priceBook = await api.create<{ id: string }>('/v1/price-books', {
    name: `${name} prices`,
    currency: 'KRW',
    entries: [
      { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '397' } },
    ],
  });
  const group = await api.create<{ id: string }>('/v1/billing-groups', {
    name: `${name} group`,
    priceBookId: priceBook.id,
  });
  const groupPath = `/v1/billing-groups/${group.id}`;
  const project = await api.create<{ id: string }>(`${groupPath}/projects`, { name: `${name} project` });
  const contract = await api.create<{ id: string }>('/v1/contracts', {
    name: `${name} contract`,
    discountRate: '10',
  });
  await api.create(`${groupPath}/contract-assignments`, {
    contractId: contract.id,
    startMonth: CLOSED_MONTH,
  });
  const grant = await api.create<{ id: string }>(`${groupPath}/credits`, {
    type: 'PROMOTIONAL',
    amount: '1000',
    grantedAt: '2026-01-01T00:00:00Z',
  });
  await api.create(
    `${groupPath}/usage-events`,
    {
      events: [
        {
          eventId: `${name}-usage`,
          projectId: project.id,
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '100',
          timestamp: `${CLOSED_MONTH}-10T00:00:00Z`,
        },
      ],
    },
    200,
  );
  // Before the close, so the close's event is owed to it: an event and a delivery to probe.
  const endpoint = await api.create<{ id: string }>('/v1/webhook-endpoints', {
    url: 'http://127.0.0.1:9/hooks',
    eventTypes: ['statement.closed'],
  });
  const statement = await api.create<{ statementId: string }>(
    `${groupPath}/statements/${CLOSED_MONTH}/close`,
    {},
  );
  const events = await api.read<{ items: { id: string }[] }>('/v1/events?type=statement.closed');
  const paid = await api.post(
    `/v1/statements/${statement.statementId}/payments`,
    { amount: '100', source: 'tok_success' },
    { headers: { 'Idempotency-Key': `${name}-payment` } },
  );
  if (paid.status() !== 201) throw new Error(`paying answered ${paid.status()}: ${await paid.text()}`);
  const payment = (await paid.json()) as { id: string };
  const adjustment = await api.create<{ id: string }>(`${groupPath}/adjustments`, {
    month: OPEN_MONTH,
    type: 'DISCOUNT',
    method: 'FIXED',
    value: '100',
    level: 'BILLING_GROUP',
  });
  const started = await api.post('/v1/jobs/close-month', { month: JOB_MONTH });
  if (started.status() !== 202 && started.status() !== 200) {
    throw new Error(`starting the month-end job answered ${started.status()}: ${await started.text()}`);
  }
  const job = (await started.json()) as { id: string };
  const spareKey = await api.create<{ id: string }>('/v1/api-keys', { name: `${name} spare key` });
  const budget = await api.create<{ id: string }>(`${groupPath}/budgets`, {
    name: `${name} budget`,
    kind: 'TOTAL',
    threshold: '1000000',
  });
  // A test clock with a group living on it: the clock's delete is refused, as it is for any client.
  const clock = await api.create<{ id: string }>('/v1/test-clocks', {
    name: `${name} clock`,
    frozenTime: `${OPEN_MONTH}-10T00:00:00Z`,
  });
  await api.create('/v1/billing-groups', { name: `${name} on a clock`, testClockId: clock.id });
  return {
    billingGroupId: group.id,
    projectId: project.id,
    targetProjectId: project.id,
    priceBookId: priceBook.id,
    contractId: contract.id,
    grantId: grant.id,
    statementId: statement.statementId,
    paymentId: payment.id,
    adjustmentId: adjustment.id,
    jobId: job.id,
    keyId: spareKey.id,
    endpointId: endpoint.id,
    budgetId: budget.id,
    testClockId: clock.id,
    eventId: events.items[0]?.id ?? '',
  };
}
