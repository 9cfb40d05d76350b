import { expect, test } from '../support/api-test';

test.describe('contract: budgets', () => {
  test('a budget is created, listed against a month and deleted', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();
    const created = await api.post(`/v1/billing-groups/${group.id}/budgets`, {
      name: 'compute hours',
      kind: 'QUANTITY',
      counterName: 'compute.c2.c8m8',
      threshold: '100',
    });
    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createBudget');
    const budget = (await created.json()) as { id: string };

    const listed = await api.get(`/v1/billing-groups/${group.id}/budgets?month=2026-03`);
    await expect(listed).toMatchContract('listBudgets');
    expect(await listed.json()).toEqual({
      items: [expect.objectContaining({ id: budget.id, month: '2026-03', value: '0', crossed: false })],
    });

    const deleted = await api.delete(`/v1/billing-groups/${group.id}/budgets/${budget.id}`);
    expect(deleted.status()).toBe(204);
    await expect(deleted).toMatchContract('deleteBudget');
    const again = await api.delete(`/v1/billing-groups/${group.id}/budgets/${budget.id}`);
    expect(again.status()).toBe(404);
    await expect(again).toMatchContract('deleteBudget');
  });

  test('a budget without what its kind needs is a 422 naming the field and the rule', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const cases = [
      [{ name: 'q', kind: 'QUANTITY', threshold: '10' }, 'counterName', 'required'],
      [
        { name: 't', kind: 'TOTAL', counterName: 'compute.c2.c8m8', threshold: '10' },
        'counterName',
        'not-allowed',
      ],
      [{ name: 'z', kind: 'TOTAL', threshold: '0' }, 'threshold', 'positive'],
    ] as const;
    for (const [body, field, rule] of cases) {
      const refused = await api.post(`/v1/billing-groups/${group.id}/budgets`, body);
      expect(refused.status()).toBe(422);
      await expect(refused).toMatchContract('createBudget');
      expect((await refused.json()).errors).toEqual([expect.objectContaining({ field, rule })]);
    }
    const missingGroup = await api.get('/v1/billing-groups/bg_missing/budgets');
    expect(missingGroup.status()).toBe(404);
    await expect(missingGroup).toMatchContract('listBudgets');
  });
});
