import { expect, test } from '../support/api-test';
import type { IngestBody } from '../support/fixtures/metering';

/**
 * The billing window (DOMAIN §2): timestamps, months and `asOf` lie in the years 2000–2099. Anything
 * else is a 422 problem naming the field as the client sent it, with the rule `billing-window`.
 */

interface Problem {
  type: string;
  detail: string;
  errors: { field: string; rule: string; message: string }[];
}

async function problemOf(response: { status(): number; json(): Promise<unknown> }): Promise<Problem> {
  expect(response.status()).toBe(422);
  const problem = (await response.json()) as Problem;
  expect(problem.type).toBe('/problems/validation-error');
  return problem;
}

const fieldsAndRules = (problem: Problem) => problem.errors.map(({ field, rule }) => [field, rule]);

test.describe('the billing window: 2000–2099', () => {
  test('a batch rejects its year-0000 and year-9999 events on events[i].timestamp and takes the rest', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const events = [
      usageEvents.build(),
      usageEvents.build({ timestamp: '0000-01-01T00:00:00Z' }),
      usageEvents.build(),
      usageEvents.build({ timestamp: '9999-12-31T23:59:59Z' }),
    ];

    const result: IngestBody = await usageEvents.ingest(group.id, events);

    expect(result.counts).toEqual({ accepted: 2, duplicate: 0, rejected: 2 });
    expect(result.verdicts[1]).toMatchObject({
      eventId: events[1]?.eventId,
      verdict: 'rejected',
      reason: 'invalid',
      field: 'events[1].timestamp',
      rule: 'billing-window',
      message: 'must fall within the years 2000–2099 (UTC), got "0000-01-01T00:00:00Z"',
    });
    expect(result.verdicts[3]).toMatchObject({ reason: 'invalid', field: 'events[3].timestamp' });
    expect(await usageEvents.monthly(group.id, '2026-03')).toEqual([
      expect.objectContaining({ quantity: '2' }),
    ]);
  });

  test('a lone year-0000 event is a 422 naming events[0].timestamp', async ({
    billingGroups,
    usageEvents,
  }) => {
    const group = await billingGroups.create();

    const response = await usageEvents.send(group.id, [
      usageEvents.build({ timestamp: '0000-01-01T00:00:00Z' }),
    ]);

    expect(fieldsAndRules(await problemOf(response))).toEqual([['events[0].timestamp', 'billing-window']]);
  });

  test('an adjustment for month 0000-01 is a 422 naming month', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/adjustments`, {
      month: '0000-01',
      type: 'DISCOUNT',
      method: 'RATE',
      value: '10',
      level: 'BILLING_GROUP',
    });

    const problem = await problemOf(response);
    expect(fieldsAndRules(problem)).toEqual([['month', 'billing-window']]);
    expect(problem.errors[0]?.message).toBe('must fall within the years 2000–2099 (UTC), got "0000-01"');
  });

  test('a close-month job for 9999-12 is a 422 naming month', async ({ closeMonthJobs }) => {
    const problem = await problemOf(await closeMonthJobs.start('9999-12'));

    expect(fieldsAndRules(problem)).toEqual([['month', 'billing-window']]);
  });

  test('a statement path month outside the window is a 422 naming the month parameter', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    for (const [method, path] of [
      ['GET', '0000-01'],
      ['GET', '0000-01/explain'],
      ['POST', '1999-12/close'],
    ] as const) {
      await test.step(`${method} statements/${path}`, async () => {
        const url = `/v1/billing-groups/${group.id}/statements/${path}`;
        const response = method === 'GET' ? await api.get(url) : await api.post(url);
        expect(fieldsAndRules(await problemOf(response))).toEqual([['param.month', 'billing-window']]);
      });
    }
  });

  test('the calculator names asOf, the field sent, never an internal one', async ({ api }) => {
    const response = await api.post('/v1/calculate', {
      month: '2026-03',
      usage: [{ projectId: 'p1', counterName: 'compute.c2.c8m8', quantity: '10' }],
      unpaid: { amount: '1000', isOverdue: true },
      asOf: '0000-01-01T00:00:00Z',
    });

    const problem = await problemOf(response);
    expect(fieldsAndRules(problem)).toEqual([['asOf', 'billing-window']]);
    expect(problem.errors[0]?.message).toBe(
      'must fall within the years 2000–2099 (UTC), got "0000-01-01T00:00:00Z"',
    );
  });

  test('a credit grant expiring in 9999 is a 422 naming expiresAt', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/credits`, {
      type: 'FREE',
      amount: '1000',
      expiresAt: '9999-12-31T00:00:00Z',
    });

    expect(fieldsAndRules(await problemOf(response))).toEqual([['expiresAt', 'billing-window']]);
  });

  test('the window’s edges are inside it: 2000-01 and 2099-12 are months like any other', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    for (const month of ['2000-01', '2099-12']) {
      const response = await api.get(`/v1/billing-groups/${group.id}/statements/${month}`);
      expect(response.status(), month).toBe(200);
    }
  });
});
