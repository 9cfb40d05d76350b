import { expect, test } from '../../support/api-test';

test.describe('mock in process: sessions are isolated and resettable', () => {
  test('one tenant never sees another’s billing group: its id answers 404', async ({ billingMock }) => {
    const owner = await billingMock.createTenant('owner');
    const other = await billingMock.createTenant('other');
    const created = await fetch(`${billingMock.baseUrl}/v1/billing-groups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    const { id } = (await created.json()) as { id: string };

    const byOwner = await fetch(`${billingMock.baseUrl}/v1/billing-groups/${id}`, {
      headers: { Authorization: `Bearer ${owner.apiKey}` },
    });
    const byOther = await fetch(`${billingMock.baseUrl}/v1/billing-groups/${id}`, {
      headers: { Authorization: `Bearer ${other.apiKey}` },
    });

    expect([byOwner.status, byOther.status]).toEqual([200, 404]);
  });

  test('an X-Mock-Session is a world of its own: its keys mean nothing in another session', async ({
    billingMock,
  }) => {
    const admin = {
      Authorization: `Bearer ${billingMock.mock.config.adminApiKey}`,
      'Content-Type': 'application/json',
    };
    const created = await fetch(`${billingMock.baseUrl}/v1/tenants`, {
      method: 'POST',
      headers: { ...admin, 'X-Mock-Session': 'alice' },
      body: JSON.stringify({ name: 'Alice' }),
    });
    const { apiKey } = (await created.json()) as { apiKey: { key: string } };
    const authorization = `Bearer ${apiKey.key}`;

    const inAlice = await fetch(`${billingMock.baseUrl}/v1/tenant`, {
      headers: { Authorization: authorization, 'X-Mock-Session': 'alice' },
    });
    const inBob = await fetch(`${billingMock.baseUrl}/v1/tenant`, {
      headers: { Authorization: authorization, 'X-Mock-Session': 'bob' },
    });

    expect([inAlice.status, inBob.status]).toEqual([200, 401]);
  });

  test('a scenario for one session leaves the other sessions alone', async ({ billingMock }) => {
    billingMock.mock.useScenario({ name: 'server-error', operationId: 'getHealth' }, { session: 'alice' });

    const alice = await fetch(`${billingMock.baseUrl}/health`, { headers: { 'X-Mock-Session': 'alice' } });
    const bob = await fetch(`${billingMock.baseUrl}/health`, { headers: { 'X-Mock-Session': 'bob' } });

    expect([alice.status, bob.status]).toEqual([500, 200]);
  });

  test('a reset of one API key forgets its tenant’s data and keeps the key working', async ({
    billingMock,
  }) => {
    const { apiKey } = await billingMock.createTenant();
    const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
    await fetch(`${billingMock.baseUrl}/v1/billing-groups`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Acme' }),
    });

    billingMock.mock.reset({ apiKey });
    const listed = await fetch(`${billingMock.baseUrl}/v1/billing-groups`, { headers });

    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
