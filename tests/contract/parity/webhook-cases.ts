import type { BillingApi } from '../../support/api/billing-api';
import type { ParityCase } from './cases';
import { closedStatement, freshTenant, group, ingest, MARCH, type Script } from './scripts';

/** Nothing listens here: deliveries to it fail and retry, which no parity case waits for. */
const NOWHERE = 'http://127.0.0.1:9/hooks';

async function endpoint(tenant: BillingApi, eventTypes = ['statement.closed']): Promise<string> {
  const created = await tenant.create<{ id: string }>('/v1/webhook-endpoints', { url: NOWHERE, eventTypes });
  return created.id;
}

/** A fresh tenant with an endpoint and one closed statement, so one event and one delivery. */
async function tenantWithEvent(
  script: Script,
): Promise<{ tenant: BillingApi; endpointId: string; eventId: string }> {
  const tenant = await freshTenant(script);
  const endpointId = await endpoint(tenant);
  await closedStatement({ ...script, target: { ...script.target, api: tenant } });
  const events = await tenant.read<{ items: { id: string }[] }>('/v1/events');
  return { tenant, endpointId, eventId: events.items[0]?.id ?? 'evt_none' };
}

const COMPUTE_BUDGET = { name: 'compute', kind: 'QUANTITY', counterName: 'compute.c2.c8m8', threshold: '50' };

/** A clock of the script's tenant, at a fixed time. */
async function testClock(s: Script): Promise<string> {
  const created = await s.target.api.create<{ id: string }>('/v1/test-clocks', {
    name: 'parity',
    frozenTime: '2026-01-10T00:00:00Z',
  });
  return created.id;
}

/** The fields of a clock that do not depend on ids or the time it was made. */
const clockFacts = (body: Record<string, unknown>) => [
  body.frozenTime,
  body.status,
  body.advancingTo,
  body.progress,
];

/** The parity cases of the event, webhook and budget operations (DOMAIN §8b), and of test clocks (§8a). */
export const WEBHOOK_PARITY_CASES: Record<string, ParityCase> = {
  createTestClock: {
    valid: (s) =>
      s.target.api.post('/v1/test-clocks', { name: 'parity', frozenTime: '2026-01-10T00:00:00Z' }),
    invalid: (s) => s.target.api.post('/v1/test-clocks', { frozenTime: '2026-01-10' }),
    same: clockFacts,
  },
  getTestClock: {
    valid: async (s) => s.target.api.get(`/v1/test-clocks/${await testClock(s)}`),
    invalid: (s) => s.target.api.get('/v1/test-clocks/clock_missing'),
    same: clockFacts,
  },
  listTestClocks: {
    valid: async (s) => {
      const tenant = await freshTenant(s);
      await tenant.create('/v1/test-clocks', { frozenTime: '2026-01-10T00:00:00Z' });
      return tenant.get('/v1/test-clocks');
    },
    invalid: (s) => s.target.api.get('/v1/test-clocks?limit=0'),
    same: (body) => (body.items as Record<string, unknown>[]).map(clockFacts),
  },
  advanceTestClock: {
    valid: async (s) =>
      s.target.api.post(`/v1/test-clocks/${await testClock(s)}/advance`, { to: '2026-01-12T00:00:00Z' }),
    invalid: async (s) =>
      s.target.api.post(`/v1/test-clocks/${await testClock(s)}/advance`, { to: '2026-01-01T00:00:00Z' }),
    same: (body) => [body.advancingTo, body.progress],
  },
  deleteTestClock: {
    valid: async (s) => s.target.api.delete(`/v1/test-clocks/${await testClock(s)}`),
    invalid: async (s) => {
      const clockId = await testClock(s);
      await s.target.api.create('/v1/billing-groups', { name: 'holds the clock', testClockId: clockId });
      return s.target.api.delete(`/v1/test-clocks/${clockId}`);
    },
  },
  createCreditNote: {
    valid: async (s) => {
      const { statementId } = await closedStatement(s);
      return s.target.api.post(`/v1/statements/${statementId}/credit-notes`, {
        net: '10000',
        reason: 'outage',
      });
    },
    invalid: async (s) => {
      const { statementId } = await closedStatement(s);
      return s.target.api.post(`/v1/statements/${statementId}/credit-notes`, {
        net: '999999',
        reason: 'too much',
      });
    },
    same: (body) => [body.net, body.vat, body.total, body.applied, body.refunded],
  },
  listCreditNotes: {
    valid: async (s) => {
      const { statementId } = await closedStatement(s);
      await s.target.api.create(`/v1/statements/${statementId}/credit-notes`, {
        net: '100',
        reason: 'goodwill',
      });
      return s.target.api.get(`/v1/statements/${statementId}/credit-notes`);
    },
    invalid: (s) => s.target.api.get('/v1/statements/st_missing/credit-notes'),
    same: (body) => (body.items as { total: string }[]).map((item) => item.total),
  },
  createBudget: {
    valid: async (s) => s.target.api.post(`/v1/billing-groups/${await group(s)}/budgets`, COMPUTE_BUDGET),
    invalid: async (s) =>
      s.target.api.post(`/v1/billing-groups/${await group(s)}/budgets`, {
        ...COMPUTE_BUDGET,
        counterName: null,
      }),
    same: (body) => [body.kind, body.value, body.crossed],
  },
  listBudgets: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH);
      await s.target.api.create(`/v1/billing-groups/${billingGroupId}/budgets`, COMPUTE_BUDGET);
      return s.target.api.get(`/v1/billing-groups/${billingGroupId}/budgets?month=${MARCH}`);
    },
    invalid: async (s) => s.target.api.get(`/v1/billing-groups/${await group(s)}/budgets?month=2026-13`),
    same: (body) =>
      (body.items as { value: string; crossed: boolean }[]).map((item) => [item.value, item.crossed]),
  },
  deleteBudget: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      const budget = await s.target.api.create<{ id: string }>(
        `/v1/billing-groups/${billingGroupId}/budgets`,
        COMPUTE_BUDGET,
      );
      return s.target.api.delete(`/v1/billing-groups/${billingGroupId}/budgets/${budget.id}`);
    },
    invalid: async (s) => s.target.api.delete(`/v1/billing-groups/${await group(s)}/budgets/bud_missing`),
  },
  listEvents: {
    valid: async (s) => (await tenantWithEvent(s)).tenant.get('/v1/events?type=statement.closed'),
    invalid: (s) => s.target.api.get('/v1/events?type=statement.lost'),
    same: (body) => (body.items as { type: string }[]).map((event) => event.type),
  },
  getEvent: {
    valid: async (s) => {
      const { tenant, eventId } = await tenantWithEvent(s);
      return tenant.get(`/v1/events/${eventId}`);
    },
    invalid: (s) => s.target.api.get('/v1/events/evt_missing'),
    same: (body) => [body.type, (body.data as { object: Record<string, unknown> }).object.total],
  },
  createWebhookEndpoint: {
    valid: (s) =>
      s.target.api.post('/v1/webhook-endpoints', { url: NOWHERE, eventTypes: ['payment.succeeded'] }),
    invalid: (s) =>
      s.target.api.post('/v1/webhook-endpoints', { url: 'http://10.0.0.1/hooks', eventTypes: ['*'] }),
    same: (body) => [body.url, body.eventTypes, body.enabled],
  },
  listWebhookEndpoints: {
    valid: async (s) => {
      const tenant = await freshTenant(s);
      await endpoint(tenant);
      return tenant.get('/v1/webhook-endpoints');
    },
    invalid: (s) => s.target.api.get('/v1/webhook-endpoints?limit=0'),
    same: (body) => (body.items as { url: string }[]).map((item) => item.url),
  },
  getWebhookEndpoint: {
    valid: async (s) => s.target.api.get(`/v1/webhook-endpoints/${await endpoint(s.target.api)}`),
    invalid: (s) => s.target.api.get('/v1/webhook-endpoints/whe_missing'),
    same: (body) => [body.url, body.eventTypes],
  },
  updateWebhookEndpoint: {
    valid: async (s) =>
      s.target.api.patch(`/v1/webhook-endpoints/${await endpoint(s.target.api)}`, {
        enabled: false,
        eventTypes: ['*', 'statement.closed'],
      }),
    invalid: async (s) =>
      s.target.api.patch(`/v1/webhook-endpoints/${await endpoint(s.target.api)}`, {
        url: 'ftp://example.com',
      }),
    same: (body) => [body.enabled, body.eventTypes],
  },
  deleteWebhookEndpoint: {
    valid: async (s) => s.target.api.delete(`/v1/webhook-endpoints/${await endpoint(s.target.api)}`),
    invalid: (s) => s.target.api.delete('/v1/webhook-endpoints/whe_missing'),
  },
  rotateWebhookSecret: {
    valid: async (s) =>
      s.target.api.post(`/v1/webhook-endpoints/${await endpoint(s.target.api)}/rotate-secret`),
    invalid: (s) => s.target.api.post('/v1/webhook-endpoints/whe_missing/rotate-secret'),
  },
  listWebhookDeliveries: {
    valid: async (s) => {
      const { tenant, endpointId } = await tenantWithEvent(s);
      return tenant.get(`/v1/webhook-endpoints/${endpointId}/deliveries`);
    },
    invalid: (s) => s.target.api.get('/v1/webhook-endpoints/whe_missing/deliveries'),
    same: (body) => (body.items as { eventType: string }[]).map((item) => item.eventType),
  },
  listWebhookAttempts: {
    valid: async (s) => {
      const { tenant, endpointId } = await tenantWithEvent(s);
      return tenant.get(`/v1/webhook-endpoints/${endpointId}/attempts?limit=5`);
    },
    invalid: (s) => s.target.api.get('/v1/webhook-endpoints/whe_missing/attempts'),
  },
  redeliverWebhook: {
    valid: async (s) => {
      const { tenant, endpointId, eventId } = await tenantWithEvent(s);
      return tenant.post(`/v1/webhook-endpoints/${endpointId}/redeliveries`, { eventId });
    },
    invalid: async (s) =>
      s.target.api.post(`/v1/webhook-endpoints/${await endpoint(s.target.api)}/redeliveries`, {
        eventId: 'evt_missing',
      }),
    same: (body) => [body.eventType, body.state],
  },
};
