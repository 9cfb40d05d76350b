import { expect, test } from '../support/api-test';
import { mapConcurrently } from './support/http';

/**
 * Month end must not take the API down: while a close-month batch runs, every other request (the
 * health check, another tenant, the job's own progress) is still answered.
 */

const GROUPS = 150;
const MONTH = '2026-03';

test.describe('availability', () => {
  test('the edge keeps answering other requests while a month-end batch runs', { tag: ['@slow'] }, async ({
    createTenant,
    rawHttp,
    securitySummary,
  }) => {
    test.setTimeout(90_000);
    const tenant = await createTenant();
    const bystander = await createTenant();
    await test.step(`${GROUPS} billing groups with usage in ${MONTH}`, () =>
      mapConcurrently(
        Array.from({ length: GROUPS }, (_, index) => index),
        8,
        async (index) => {
          const group = await rawHttp.json('POST', '/v1/billing-groups', tenant.apiKey, {
            name: `busy-${index}`,
          });
          const ingested = await rawHttp.json(
            'POST',
            `/v1/billing-groups/${(group.json as { id: string }).id}/usage-events`,
            tenant.apiKey,
            {
              events: [
                {
                  eventId: `busy-${index}`,
                  projectId: 'p',
                  counterName: 'compute.c2.c8m8',
                  counterType: 'DELTA',
                  unit: 'HOURS',
                  volume: '10',
                  timestamp: `${MONTH}-10T00:00:00Z`,
                },
              ],
            },
          );
          expect(ingested.status).toBe(200);
        },
      ));

    const started = await rawHttp.json('POST', '/v1/jobs/close-month', tenant.apiKey, { month: MONTH });
    expect(started.status).toBe(202);
    const jobId = (started.json as { id: string }).id;
    const [health, other, progress] = await Promise.all([
      rawHttp.send({ method: 'GET', path: '/health' }),
      rawHttp.json('GET', '/v1/billing-groups', bystander.apiKey),
      rawHttp.json('GET', `/v1/jobs/${jobId}`, tenant.apiKey),
    ]);

    expect([health.status, other.status, progress.status]).toEqual([200, 200, 200]);
    // Answered mid-batch: the job had not finished when they were.
    expect(progress.json).toMatchObject({ status: 'RUNNING' });
    expect((progress.json as { done: number }).done).toBeLessThan(GROUPS);
    securitySummary.count('availability', 'requestsDuringBatch', 3);
  });
});
