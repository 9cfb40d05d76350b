import type { Storage } from '@billing/edge/storage/port';
import { expect, test } from '../../support/api-test';
import { ADMIN_API_KEY } from '../../support/edge-server';
import { startInProcessEdge } from '../../support/in-process-edge';

/**
 * Two batches racing to start a series in different units: each judged against a snapshot taken
 * before the other stored anything, so the engine's check passes both. The store must keep the
 * series whole: the insert that comes second is refused, and its client is told so, or the month
 * would hold hours and gigabytes of one series and no statement could bill it (accepted means
 * billed). The race is made certain, not likely: the first batch's insert waits until the second
 * batch has been stored.
 */
test('of two batches racing to start a series in different units, the later insert is refused', async () => {
  let secondStored!: () => void;
  const gate = new Promise<void>((resolve) => {
    secondStored = resolve;
  });
  const holdFirstInsert = (storage: Storage): Storage => ({
    ...storage,
    async insertUsageEvents(tenantId, billingGroupId, events) {
      if (events.some((event) => event.eventId === 'race-first')) await gate;
      const inserted = await storage.insertUsageEvents(tenantId, billingGroupId, events);
      if (events.some((event) => event.eventId === 'race-second')) secondStored();
      return inserted;
    },
  });
  const edge = startInProcessEdge({ storage: holdFirstInsert });
  const call = async (key: string, method: string, path: string, body?: unknown) => {
    const response = await edge.fetch(
      new Request(`http://edge.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const event = (eventId: string, unit: string) => ({
    eventId,
    projectId: 'web',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA',
    unit,
    volume: '1',
    timestamp: '2026-10-10T00:00:00Z',
  });

  try {
    const tenant = await call(ADMIN_API_KEY, 'POST', '/v1/tenants', { name: 'series race' });
    const key = (tenant.body.apiKey as { key: string }).key;
    const group = await call(key, 'POST', '/v1/billing-groups', { name: 'series race' });
    const usage = `/v1/billing-groups/${group.body.id as string}/usage-events`;

    const first = call(key, 'POST', usage, { events: [event('race-first', 'GB')] });
    const second = await call(key, 'POST', usage, { events: [event('race-second', 'HOURS')] });
    const firstAnswer = await first;

    expect(second.status).toBe(200);
    expect(firstAnswer).toMatchObject({
      status: 409,
      body: { type: '/problems/inconsistent-series', errors: [{ field: 'events[0].unit' }] },
    });
    const monthly = await call(
      key,
      'GET',
      `/v1/billing-groups/${group.body.id as string}/usage?month=2026-10`,
    );
    expect(monthly).toMatchObject({ status: 200, body: { items: [{ unit: 'HOURS', quantity: '1' }] } });
  } finally {
    await edge.close();
  }
});
