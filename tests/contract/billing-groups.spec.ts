import { expect, test } from '../support/api-test';

test.describe('contract: billing groups and projects', () => {
  test('a new billing group matches its schema', async ({ api, dataName }) => {
    const response = await api.post('/v1/billing-groups', { name: `${dataName}-bg`, currency: 'USD' });

    expect(response.status()).toBe(201);
    await expect(response).toMatchContract('createBillingGroup');
  });

  test('an invalid billing group is a 422 problem naming each field', async ({ api }) => {
    const response = await api.post('/v1/billing-groups', { name: '', vatRate: '150', roundingMode: 'UP' });

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('createBillingGroup');
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'vatRate', 'roundingMode']));
  });

  test('listing, reading and changing billing groups match their schemas', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    await expect(await api.get('/v1/billing-groups?limit=2')).toMatchContract('listBillingGroups');
    await expect(await api.get(`/v1/billing-groups/${group.id}`)).toMatchContract('getBillingGroup');
    await expect(await api.patch(`/v1/billing-groups/${group.id}`, { vatRate: '0' })).toMatchContract(
      'updateBillingGroup',
    );
  });

  test('an unknown billing group is a 404 problem', async ({ api }) => {
    const response = await api.get('/v1/billing-groups/bg_missing');

    expect(response.status()).toBe(404);
    await expect(response).toMatchContract('getBillingGroup');
  });

  test('projects match their schemas', async ({ api, billingGroups, dataName }) => {
    const group = await billingGroups.create();

    await expect(
      await api.post(`/v1/billing-groups/${group.id}/projects`, { name: `${dataName}-p` }),
    ).toMatchContract('createProject');
    await expect(await api.get(`/v1/billing-groups/${group.id}/projects`)).toMatchContract('listProjects');
  });
});
