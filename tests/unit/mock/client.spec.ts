import type { paths } from '@billing/edge/api-types';
import createClient from 'openapi-fetch';
import { expect, test } from '../../support/api-test';

const MARCH = '2026-03';

test.describe('mock in process: an API client against the billing mock', () => {
  test('a typed client bills a month of usage as the edge would: 100 hours make 43670 KRW', async ({
    billingMock,
  }) => {
    const { apiKey } = await billingMock.createTenant();
    const client = createClient<paths>({
      baseUrl: billingMock.baseUrl,
      headers: { Authorization: `Bearer ${apiKey}` },
    });

    const group = await test.step('create a billing group', async () => {
      const { data, response } = await client.POST('/v1/billing-groups', { body: { name: 'Acme' } });
      expect(response.status).toBe(201);
      return data as NonNullable<typeof data>;
    });
    await test.step('ingest 100 hours of compute in March', async () => {
      const { data } = await client.POST('/v1/billing-groups/{billingGroupId}/usage-events', {
        params: { path: { billingGroupId: group.id } },
        body: {
          events: [
            {
              eventId: 'ev-1',
              projectId: 'web',
              counterName: 'compute.c2.c8m8',
              counterType: 'DELTA',
              unit: 'HOURS',
              volume: '100',
              timestamp: `${MARCH}-10T00:00:00Z`,
            },
          ],
        },
      });
      expect(data?.counts).toEqual({ accepted: 1, duplicate: 0, rejected: 0 });
    });
    const { data: draft } = await client.GET('/v1/billing-groups/{billingGroupId}/statements/{month}', {
      params: { path: { billingGroupId: group.id, month: MARCH } },
    });

    expect(draft?.state).toBe('DRAFT');
    expect(draft?.total).toEqualMoney('43670');
  });

  test('a request the edge refuses is refused the same way: 422 naming the field and the rule', async ({
    billingMock,
  }) => {
    const { apiKey } = await billingMock.createTenant();
    const client = createClient<paths>({
      baseUrl: billingMock.baseUrl,
      headers: { Authorization: `Bearer ${apiKey}` },
    });

    const { error, response } = await client.POST('/v1/billing-groups', {
      body: { name: 'Acme', vatRate: '101' },
    });

    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(error?.errors?.map((issue) => issue.field)).toEqual(['vatRate']);
  });
});
