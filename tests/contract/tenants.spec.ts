import { expect, test } from '../support/api-test';

test.describe('contract: system and tenants', () => {
  test('GET /health matches its schema', async ({ anonymousApi }) => {
    await expect(await anonymousApi.get('/health')).toMatchContract('getHealth');
  });

  test('creating a tenant answers the tenant and its key, shown once', async ({ adminApi, dataName }) => {
    const response = await adminApi.post('/v1/tenants', { name: `${dataName}-tenant` });

    expect(response.status()).toBe(201);
    await expect(response).toMatchContract('createTenant');
  });

  test('creating a tenant without the admin key is a 401 problem', async ({ api, dataName }) => {
    const response = await api.post('/v1/tenants', { name: `${dataName}-tenant` });

    expect(response.status()).toBe(401);
    await expect(response).toMatchContract('createTenant');
  });

  test('creating a tenant without a name is a 422 problem', async ({ adminApi }) => {
    const response = await adminApi.post('/v1/tenants', {});

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('createTenant');
  });

  test('the current tenant matches its schema', async ({ api }) => {
    await expect(await api.get('/v1/tenant')).toMatchContract('getCurrentTenant');
  });

  test('creating, listing and revoking API keys match their schemas', async ({ api, dataName }) => {
    const created = await api.post('/v1/api-keys', { name: `${dataName}-key` });
    await expect(created).toMatchContract('createApiKey');
    await expect(await api.get('/v1/api-keys?limit=5')).toMatchContract('listApiKeys');

    const { id } = await created.json();
    await expect(await api.delete(`/v1/api-keys/${id}`)).toMatchContract('revokeApiKey');
  });

  test('revoking an unknown key is a 404 problem', async ({ api }) => {
    const response = await api.delete('/v1/api-keys/key_missing');

    expect(response.status()).toBe(404);
    await expect(response).toMatchContract('revokeApiKey');
  });
});
