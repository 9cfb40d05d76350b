import type { BillingApi } from '../support/api/billing-api';
import { expect, test } from '../support/api-test';

const calculation = {
  uuid: 'client-1',
  billingGroupId: 'bg-legacy',
  targetDate: '2025-03-15',
  unpaidAmount: 1000,
  isOverdue: true,
  usage: [
    {
      counterName: 'compute.c2.c8m8',
      counterVolume: 10,
      counterUnit: 'HOURS',
      resourceId: 'vm-1',
      resourceName: 'web',
      projectId: 'p1',
      appKey: 'app',
    },
  ],
  credits: [{ amount: 100, type: 'FREE', campaignId: 'c', name: 'Welcome', creditCode: 'W1' }],
  adjustments: [
    {
      type: 'DISCOUNT',
      method: 'RATE',
      value: 10,
      description: 'loyal',
      level: 'PROJECT',
      targetProjectId: 'p1',
    },
    { adjustmentType: 'SURCHARGE', method: 'FIXED', adjustmentValue: 5 },
  ],
};

const malformed = { rawBody: '{"usage": [', headers: { 'Content-Type': 'application/json' } };

/** A legacy route's answers: its success, its own refusal (when it has one) and malformed JSON. */
async function answersOf(
  api: BillingApi,
  method: 'GET' | 'POST',
  path: string,
  ok: unknown,
  refused?: unknown,
) {
  const send = (body: unknown, options = {}) =>
    method === 'GET' ? api.get(path, options) : api.post(path, body, options);
  const success = await send(ok, { headers: { uuid: 'header-uuid-123' } });
  expect(success.status()).toBe(200);
  const refusals = [await send(undefined, malformed)];
  if (refused !== undefined) refusals.push(await send(refused));
  for (const refusal of refusals) expect(refusal.status()).toBe(400);
  return [success, ...refusals];
}

const refusedCalculation = { adjustments: [{ type: 'X', method: 'FIXED', value: 1 }] };

test.describe('contract: the legacy calculator API (DOMAIN §9)', () => {
  test('POST /api/billing/admin/calculate answers the legacy envelope, success and refusals', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(
      anonymousApi,
      'POST',
      '/api/billing/admin/calculate',
      calculation,
      refusedCalculation,
    );
    for (const answer of answers) await expect(answer).toMatchContract('legacyCalculate');
  });

  test('POST /billing/admin/calculate answers the legacy envelope, success and refusals', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(
      anonymousApi,
      'POST',
      '/billing/admin/calculate',
      calculation,
      refusedCalculation,
    );
    for (const answer of answers) await expect(answer).toMatchContract('legacyCalculateAlias');
  });

  test('GET /api/billing/payments/:month/statements answers the legacy envelope, stub and malformed body', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(
      anonymousApi,
      'GET',
      '/api/billing/payments/2025-03/statements',
      undefined,
    );
    for (const answer of answers) await expect(answer).toMatchContract('legacyPaymentStatements');
  });

  test('GET /billing/payments/:month/statements answers the legacy envelope, stub and malformed body', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(anonymousApi, 'GET', '/billing/payments/2025-03/statements', undefined);
    for (const answer of answers) await expect(answer).toMatchContract('legacyPaymentStatementsAlias');
  });

  test('POST /api/billing/payments/:month answers the legacy envelope, payment and refusals', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(
      anonymousApi,
      'POST',
      '/api/billing/payments/2025-03',
      { paymentGroupId: 'PG-1', amount: 10 },
      { amount: 'ten' },
    );
    for (const answer of answers) await expect(answer).toMatchContract('legacyCreatePayment');
  });

  test('POST /billing/payments/:month answers the legacy envelope, payment and refusals', async ({
    anonymousApi,
  }) => {
    const answers = await answersOf(anonymousApi, 'POST', '/billing/payments/2025-03', {}, [1]);
    for (const answer of answers) await expect(answer).toMatchContract('legacyCreatePaymentAlias');
  });

  test('a body over the limit is the one legacy answer in problem+json (413)', async ({ anonymousApi }) => {
    const response = await anonymousApi.post('/api/billing/admin/calculate', {
      billingGroupId: 'x'.repeat(1024 * 1024 + 1),
    });

    expect(response.status()).toBe(413);
    await expect(response).toMatchContract('legacyCalculate');
  });
});
