import { expect, test } from '../support/api-test';

test.describe('contract: the calculator', () => {
  test('a calculation matches its schema, trace included', async ({ api }) => {
    const response = await api.post('/v1/calculate', {
      month: '2026-03',
      usage: [{ projectId: 'p1', counterName: 'compute.c2.c8m8', quantity: '10' }],
      contract: { discountRate: '5', minimumCharge: '10000' },
      adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: '10', targetProjectId: 'p1' }],
      credits: [
        { type: 'FREE', amount: '100' },
        { type: 'PAID', amount: '100', grantedAt: '2026-05-01T00:00:00Z' },
      ],
      unpaid: { amount: '1000', isOverdue: true },
    });

    expect(response.status()).toBe(200);
    await expect(response).toMatchContract('calculateStatement');
  });

  test('invalid input is a 422 problem naming the fields', async ({ api }) => {
    const engineRule = await api.post('/v1/calculate', {
      month: '2026-03',
      usage: [{ projectId: 'p1', counterName: 'compute.unknown', quantity: '1' }],
    });
    const schemaRule = await api.post('/v1/calculate', { month: '2026-3', usage: 'none' });

    expect(engineRule.status()).toBe(422);
    await expect(engineRule).toMatchContract('calculateStatement');
    expect(schemaRule.status()).toBe(422);
    await expect(schemaRule).toMatchContract('calculateStatement');
  });

  test('malformed JSON is a 400 problem, a form a 415, no API key a 401', async ({ api, anonymousApi }) => {
    const malformed = await api.post('/v1/calculate', undefined, {
      rawBody: '{"month": ',
      headers: { 'Content-Type': 'application/json' },
    });
    const form = await api.post('/v1/calculate', undefined, {
      rawBody: 'month=2026-03',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const anonymous = await anonymousApi.post('/v1/calculate', { month: '2026-03', usage: [] });

    expect(malformed.status()).toBe(400);
    await expect(malformed).toMatchContract('calculateStatement');
    expect(form.status()).toBe(415);
    await expect(form).toMatchContract('calculateStatement');
    expect(anonymous.status()).toBe(401);
    await expect(anonymous).toMatchContract('calculateStatement');
  });
});
