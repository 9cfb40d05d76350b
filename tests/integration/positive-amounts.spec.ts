import { type APIResponse, expect, test } from '../support/api-test';

/**
 * What the API creates as an amount above zero (a credit grant, a credit note's net, a payment, a
 * budget's threshold) refuses 0 and every negative amount with the one rule it breaks, `positive`,
 * and says that rule: "must be greater than 0", never "at least 0", which 0 would satisfy
 * (DOMAIN §4, validation).
 */

const positiveIssue = (field: string, value: string) => ({
  field,
  rule: 'positive',
  message: `must be greater than 0, got ${value}`,
});

async function expectRefusedAsNotPositive(response: APIResponse, field: string, value: string) {
  expect(response.status(), await response.text()).toBe(422);
  expect((await response.json()).errors).toEqual([positiveIssue(field, value)]);
}

const NOT_POSITIVE = ['0', '-0', '-100'];

test.describe('amounts that must be greater than 0 say so', () => {
  test('a credit grant of 0 or less', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();
    for (const amount of NOT_POSITIVE) {
      const response = await api.post(`/v1/billing-groups/${group.id}/credits`, { type: 'FREE', amount });
      await expectRefusedAsNotPositive(response, 'amount', amount);
    }
  });

  test('a budget threshold of 0 or less, of a total or of a quantity', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();
    const budgets = `/v1/billing-groups/${group.id}/budgets`;
    for (const threshold of NOT_POSITIVE) {
      const total = await api.post(budgets, { name: 'total', kind: 'TOTAL', threshold });
      await expectRefusedAsNotPositive(total, 'threshold', threshold);
      const quantity = await api.post(budgets, {
        name: 'hours',
        kind: 'QUANTITY',
        counterName: 'compute.c2.c8m8',
        threshold,
      });
      await expectRefusedAsNotPositive(quantity, 'threshold', threshold);
    }
  });

  test('a credit note of 0 or less, and a payment of 0 or less', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    for (const amount of NOT_POSITIVE) {
      const note = await api.post(`/v1/statements/${statement.statementId}/credit-notes`, {
        net: amount,
        reason: 'not positive',
      });
      await expectRefusedAsNotPositive(note, 'net', amount);
      const payment = await payments.pay(statement.statementId, { amount, source: 'tok_success' });
      await expectRefusedAsNotPositive(payment, 'amount', amount);
    }
  });
});
