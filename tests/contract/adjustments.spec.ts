import { expect, test } from '../support/api-test';

const discount = { month: '2026-03', type: 'DISCOUNT', method: 'RATE', value: '10', level: 'BILLING_GROUP' };

test.describe('contract: adjustments', () => {
  test('a new adjustment matches its schema', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/adjustments`, {
      ...discount,
      level: 'PROJECT',
      targetProjectId: 'p-web',
      description: 'launch discount',
    });

    expect(response.status()).toBe(201);
    await expect(response).toMatchContract('createAdjustment');
  });

  test('an invalid adjustment is a 422 problem', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/adjustments`, {
      ...discount,
      value: '150',
    });

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('createAdjustment');
  });

  test('listing adjustments matches its schema; an unknown group is a 404 problem', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await api.create(`/v1/billing-groups/${group.id}/adjustments`, discount);

    await expect(await api.get(`/v1/billing-groups/${group.id}/adjustments?month=2026-03`)).toMatchContract(
      'listAdjustments',
    );
    const missing = await api.get('/v1/billing-groups/bg_missing/adjustments');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('listAdjustments');
  });

  test('deleting an adjustment answers 204; an unknown one is a 404 problem', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const adjustment = await api.create<{ id: string }>(
      `/v1/billing-groups/${group.id}/adjustments`,
      discount,
    );

    const deleted = await api.delete(`/v1/billing-groups/${group.id}/adjustments/${adjustment.id}`);
    expect(deleted.status()).toBe(204);
    await expect(deleted).toMatchContract('deleteAdjustment');
    const again = await api.delete(`/v1/billing-groups/${group.id}/adjustments/${adjustment.id}`);
    expect(again.status()).toBe(404);
    await expect(again).toMatchContract('deleteAdjustment');
  });

  test('adding to or deleting from a closed month is a 409 problem', async ({
    api,
    billingGroups,
    statements,
  }) => {
    const group = await billingGroups.create();
    const adjustment = await api.create<{ id: string }>(
      `/v1/billing-groups/${group.id}/adjustments`,
      discount,
    );
    await statements.close(group.id, '2026-03');

    const added = await api.post(`/v1/billing-groups/${group.id}/adjustments`, discount);
    expect(added.status()).toBe(409);
    await expect(added).toMatchContract('createAdjustment');
    const deleted = await api.delete(`/v1/billing-groups/${group.id}/adjustments/${adjustment.id}`);
    expect(deleted.status()).toBe(409);
    await expect(deleted).toMatchContract('deleteAdjustment');
  });
});
