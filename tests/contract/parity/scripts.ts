import type { APIResponse } from '@playwright/test';
import type { BillingApi } from '../../support/api/billing-api';
import type { ParityTarget } from '../../support/fixtures/mock';

/**
 * Scripted requests that run the same way against the edge and the mock: each builds what it needs
 * through the target's own API, then makes the request under test. Every helper fails loudly when
 * the target refuses a step of the setup, so a parity failure always points at the request under test.
 */

/** One target and a name for the data this test creates on it. */
export interface Script {
  target: ParityTarget;
  name: string;
}

export const MARCH = '2026-03';
export const FEBRUARY = '2026-02';

let counter = 0;
/** A name unique within the run, for event ids and idempotency keys. */
export const unique = (script: Script, label: string) => {
  counter += 1;
  return `${script.name}-${label}-${counter}-${crypto.randomUUID().slice(0, 8)}`;
};

export const api = (script: Script): BillingApi => script.target.api;

export async function group(script: Script, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await api(script).create<{ id: string }>('/v1/billing-groups', {
    name: unique(script, 'bg'),
    ...overrides,
  });
  return created.id;
}

/** One DELTA event of `compute.c2.c8m8` (397 KRW an hour) in the month. */
export function computeEvent(script: Script, month: string, hours = '100') {
  return {
    eventId: unique(script, 'ev'),
    projectId: 'project-a',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA',
    unit: 'HOURS',
    volume: hours,
    timestamp: `${month}-10T00:00:00Z`,
  };
}

export async function ingest(script: Script, billingGroupId: string, month: string, hours = '100') {
  await api(script).create(
    `/v1/billing-groups/${billingGroupId}/usage-events`,
    { events: [computeEvent(script, month, hours)] },
    200,
  );
}

export async function close(script: Script, billingGroupId: string, month: string): Promise<string> {
  const closed = await api(script).create<{ statementId: string }>(
    `/v1/billing-groups/${billingGroupId}/statements/${month}/close`,
    {},
  );
  return closed.statementId;
}

/** A billing group whose March (100 hours: 43670 KRW) is closed. */
export async function closedStatement(
  script: Script,
): Promise<{ billingGroupId: string; statementId: string }> {
  const billingGroupId = await group(script);
  await ingest(script, billingGroupId, MARCH);
  return { billingGroupId, statementId: await close(script, billingGroupId, MARCH) };
}

export function pay(
  script: Script,
  statementId: string,
  amount: string,
  source: string,
): Promise<APIResponse> {
  return api(script).post(
    `/v1/statements/${statementId}/payments`,
    { amount, source },
    { headers: { 'Idempotency-Key': unique(script, 'pay') } },
  );
}

/** A payment of a closed statement, as the provider left it. */
export async function payment(script: Script, source: string, amount = '1000') {
  const { statementId } = await closedStatement(script);
  const response = await pay(script, statementId, amount, source);
  if (response.status() !== 201)
    throw new Error(`paying answered ${response.status()}: ${await response.text()}`);
  return { statementId, payment: (await response.json()) as { id: string; state: string } };
}

export async function grant(script: Script, billingGroupId: string, body: Record<string, unknown> = {}) {
  return api(script).create<{ id: string }>(`/v1/billing-groups/${billingGroupId}/credits`, {
    type: 'PROMOTIONAL',
    amount: '5000',
    grantedAt: '2026-01-01T00:00:00Z',
    ...body,
  });
}

/** Another tenant of the target, for operations that act on a whole tenant (the month-end batch). */
export async function freshTenant(script: Script): Promise<BillingApi> {
  const created = await script.target.adminApi.create<{ apiKey: { key: string } }>('/v1/tenants', {
    name: unique(script, 'tenant'),
    apiKey: { name: 'parity', rateLimitPerMinute: 100_000 },
  });
  return script.target.apiFor(created.apiKey.key);
}

export const USD_PRICE_BOOK = {
  name: 'USD book',
  currency: 'USD',
  entries: [
    { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '0.30' } },
  ],
};

/** A legacy calculator request (DOMAIN §9): its answer is deterministic but for the statement id. */
export const LEGACY_CALCULATION = {
  uuid: 'parity-caller',
  billingGroupId: 'bg-legacy',
  targetDate: '2025-03-15',
  usage: [{ counterName: 'compute.c2.c8m8', counterVolume: 100, counterUnit: 'HOURS' }],
  adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: 10 }],
  credits: [{ amount: 1000, type: 'FREE' }],
};
