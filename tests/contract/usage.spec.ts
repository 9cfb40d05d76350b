import { expect, test } from '../support/api-test';

test.describe('contract: usage events and monthly usage', () => {
  test('a batch answers a verdict per event that matches its schema', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build();

    const response = await usageEvents.send(group.id, [
      event,
      event,
      { ...usageEvents.build(), volume: '-1' },
    ]);

    expect(response.status()).toBe(200);
    await expect(response).toMatchContract('ingestUsageEvents');
  });

  test('a batch over 1000 events is a 422 problem', async ({ billingGroups, usageEvents }) => {
    const group = await billingGroups.create();
    const events = Array.from({ length: 1001 }, (_, index) => ({ eventId: `too-many-${index}` }));

    const response = await usageEvents.send(group.id, events);

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('ingestUsageEvents');
  });

  test('a lone conflicting event is a 409 problem', async ({ billingGroups, usageEvents }) => {
    const group = await billingGroups.create();
    const event = usageEvents.build();
    await usageEvents.ingest(group.id, [event]);

    const response = await usageEvents.send(group.id, [{ ...event, volume: '2' }]);

    expect(response.status()).toBe(409);
    await expect(response).toMatchContract('ingestUsageEvents');
  });

  test('a lone event of a closed month is a 409 problem', async ({
    billingGroups,
    statements,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build({ timestamp: '2026-03-02T00:00:00Z' })]);
    await statements.close(group.id, '2026-03');

    const response = await usageEvents.send(group.id, [
      usageEvents.build({ timestamp: '2026-03-20T00:00:00Z' }),
    ]);

    expect(response.status()).toBe(409);
    await expect(response).toMatchContract('ingestUsageEvents');
  });

  test('ingesting into an unknown billing group is a 404 problem', async ({ usageEvents }) => {
    const response = await usageEvents.send('bg_missing', [usageEvents.build()]);

    expect(response.status()).toBe(404);
    await expect(response).toMatchContract('ingestUsageEvents');
  });

  test('listing events matches its schema; a foreign cursor is a 400 problem, an unknown group a 404', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build(), usageEvents.build({ resourceId: 'vm-1' })]);

    await expect(
      await api.get(`/v1/billing-groups/${group.id}/usage-events?month=2026-03&limit=1`),
    ).toMatchContract('listUsageEvents');
    const badCursor = await api.get(`/v1/billing-groups/${group.id}/usage-events?cursor=YWJj`);
    expect(badCursor.status()).toBe(400);
    await expect(badCursor).toMatchContract('listUsageEvents');
    const missing = await api.get('/v1/billing-groups/bg_missing/usage-events');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('listUsageEvents');
  });

  test('monthly usage matches its schema; a malformed month is a 422 problem, an unknown group a 404', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build({ resourceId: 'vm-1', resourceName: 'web-1' })]);

    await expect(await api.get(`/v1/billing-groups/${group.id}/usage?month=2026-03`)).toMatchContract(
      'getMonthlyUsage',
    );
    const badMonth = await api.get(`/v1/billing-groups/${group.id}/usage?month=2026-3`);
    expect(badMonth.status()).toBe(422);
    await expect(badMonth).toMatchContract('getMonthlyUsage');
    const missing = await api.get('/v1/billing-groups/bg_missing/usage?month=2026-03');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('getMonthlyUsage');
  });

  test('an event changing its series’ counter type is a 409 problem at ingestion; the month stays readable', async ({
    api,
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    await usageEvents.ingest(group.id, [usageEvents.build()]);

    const refused = await usageEvents.send(group.id, [usageEvents.build({ counterType: 'GAUGE' })]);
    expect(refused.status()).toBe(409);
    await expect(refused).toMatchContract('ingestUsageEvents');

    const response = await api.get(`/v1/billing-groups/${group.id}/usage?month=2026-03`);
    expect(response.status()).toBe(200);
    await expect(response).toMatchContract('getMonthlyUsage');
  });
});
