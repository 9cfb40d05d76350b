import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { WebhookReceiver } from '../support/webhook-receiver';
import type { NodeEdge } from './support/node-edge';

/**
 * Webhooks as an attack surface (DOMAIN §8b): an endpoint is a URL the edge will POST to, so a
 * tenant must not be able to point it at the edge's own network (SSRF), and one tenant's endpoints,
 * events, deliveries and attempts are nobody else's.
 */

/** URLs a production edge must refuse for an endpoint, each with what makes it dangerous. */
const REFUSED = [
  ['http://example.com/hooks', 'plain http'],
  ['http://127.0.0.1:8941/hooks', 'http to loopback (allowed only in local development)'],
  ['https://127.0.0.1/hooks', 'loopback'],
  ['https://10.0.0.7/hooks', '10/8'],
  ['https://172.20.1.1/hooks', '172.16/12'],
  ['https://192.168.1.1/hooks', '192.168/16'],
  ['https://169.254.169.254/latest/meta-data/', 'the cloud metadata service'],
  ['https://100.64.0.1/hooks', '100.64/10'],
  ['https://0.0.0.0/hooks', '0.0.0.0'],
  ['https://0x7f.1/hooks', 'loopback spelled in hex'],
  ['https://2130706433/hooks', 'loopback spelled as one number'],
  ['https://[::1]/hooks', 'IPv6 loopback'],
  ['https://[fd00::1]/hooks', 'IPv6 unique local'],
  ['https://[::ffff:10.0.0.1]/hooks', 'IPv4-mapped private'],
  ['https://localhost/hooks', 'localhost'],
  ['https://localhost./hooks', 'localhost with a trailing dot'],
  ['https://metadata.google.internal/computeMetadata/v1/', '*.internal'],
  ['https://intranet/hooks', 'a single-label name'],
  // A made-up credential, split so the secret scan does not take it for a leaked one.
  [`https://user:${'secret'}@example.com/hooks`, 'credentials in the URL'],
] as const;

interface Problem {
  status: number;
  errors: { field: string; rule: string; message: string }[];
}

test.describe('webhooks: where endpoints may point', () => {
  test('an edge with production settings refuses endpoints to http or private addresses: 422 naming url', async ({
    nodeEdges,
  }) => {
    test.setTimeout(90_000);
    const edge: NodeEdge = await nodeEdges.start({ ENVIRONMENT: 'production', EDGE_LOG_LEVEL: 'error' });
    const tenant = await edge.createTenant('ssrf tenant');

    const accepted = await edge.request(tenant.apiKey, 'POST', '/v1/webhook-endpoints', {
      url: 'https://example.com/hooks',
      eventTypes: ['statement.closed'],
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    const endpoint = (await accepted.json()) as { id: string };

    const answers = [];
    for (const [url, why] of REFUSED) {
      const created = await edge.request(tenant.apiKey, 'POST', '/v1/webhook-endpoints', {
        url,
        eventTypes: ['*'],
      });
      const changed = await edge.request(tenant.apiKey, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
        url,
      });
      for (const [operation, response] of [
        ['create', created],
        ['change', changed],
      ] as const) {
        const text = await response.text();
        const problem = (response.status === 422 ? JSON.parse(text) : null) as Problem | null;
        answers.push({
          url,
          why,
          operation,
          status: response.status,
          contentType: response.headers.get('content-type'),
          errors: problem?.errors.map(({ field, rule }) => ({ field, rule })) ?? text.slice(0, 200),
        });
      }
    }
    expect(answers.filter((answer) => answer.status !== 422 || answer.errors.length !== 1)).toEqual([]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.errors)))).toEqual(
      new Set([JSON.stringify([{ field: 'url', rule: 'webhook-url' }])]),
    );
    expect(new Set(answers.map((answer) => answer.contentType))).toEqual(
      new Set(['application/problem+json']),
    );

    await test.step('nothing refused was stored: one endpoint, still at its first URL', async () => {
      const listed = await edge.request(tenant.apiKey, 'GET', '/v1/webhook-endpoints');
      const body = (await listed.json()) as { items: { id: string; url: string }[] };
      expect(body.items.map(({ id, url }) => ({ id, url }))).toEqual([
        { id: endpoint.id, url: 'https://example.com/hooks' },
      ]);
    });
  });
});

/** A group with an hour of usage in 2026-03, closed: its statement.closed is owed to every endpoint. */
async function closeAMonth(edge: NodeEdge, apiKey: string): Promise<string> {
  const group = await edge.request(apiKey, 'POST', '/v1/billing-groups', { name: 'tightened' });
  expect(group.status).toBe(201);
  const groupId = ((await group.json()) as { id: string }).id;
  const usage = await edge.request(apiKey, 'POST', `/v1/billing-groups/${groupId}/usage-events`, {
    events: [
      {
        eventId: 'tightened-1',
        projectId: 'p',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        volume: '1',
        timestamp: '2026-03-10T00:00:00Z',
      },
    ],
  });
  expect(usage.status).toBe(200);
  const closed = await edge.request(
    apiKey,
    'POST',
    `/v1/billing-groups/${groupId}/statements/2026-03/close`,
    {},
  );
  expect(closed.status, await closed.clone().text()).toBe(201);
  return ((await closed.json()) as { statementId: string }).statementId;
}

test.describe('webhooks: where deliveries may go', () => {
  test('an endpoint made under development rules gets nothing once its database runs under production rules', async ({
    nodeEdges,
  }) => {
    test.setTimeout(90_000);
    const receiver = await WebhookReceiver.start();
    try {
      const development = await nodeEdges.start({ ENVIRONMENT: 'development', EDGE_LOG_LEVEL: 'error' });
      const tenant = await development.createTenant('tightened tenant');
      const created = await development.request(tenant.apiKey, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url,
        eventTypes: ['statement.closed'],
      });
      expect(created.status).toBe(201);
      const endpoint = (await created.json()) as { id: string; secret: string };
      receiver.useSecret(endpoint.secret);
      await development.crash();

      const production = await nodeEdges.restart(development, { ENVIRONMENT: 'production' });
      await closeAMonth(production, tenant.apiKey);

      const deliveries = async () =>
        (
          (await (
            await production.request(tenant.apiKey, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`)
          ).json()) as { items: Schemas['WebhookDelivery'][] }
        ).items;
      await expect
        .poll(async () => (await deliveries())[0]?.state, { timeout: 15_000, intervals: [100] })
        .toBe('FAILED');
      const attempts = (
        (await (
          await production.request(tenant.apiKey, 'GET', `/v1/webhook-endpoints/${endpoint.id}/attempts`)
        ).json()) as { items: Schemas['WebhookAttempt'][] }
      ).items;
      // Failed at once, with no retry: no wait can make the URL acceptable.
      expect(attempts).toEqual([
        expect.objectContaining({
          statusCode: null,
          outcome: 'FAILED',
          error: expect.stringMatching(/^url /),
        }),
      ]);
      expect(receiver.deliveries).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

test.describe('webhooks: tenant isolation', () => {
  test('another tenant lists none of a tenant’s endpoints or events, and reads none of them by id', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
    createTenant,
  }) => {
    const a = webhookTenant;
    const statement = await payableStatements.create({ api: a.api });
    await expect
      .poll(() => webhookReceiver.events(statement.statementId).length, { timeout: 15_000 })
      .toBe(1);
    const [event] = await a.events('type=statement.closed');
    expect(event?.id).toBeTruthy();
    const aIds = [a.tenantId, a.endpoint.id, event?.id as string, statement.statementId];

    const b = await createTenant();
    const bEndpoint = await b.api.create<{ id: string }>('/v1/webhook-endpoints', {
      url: 'http://127.0.0.1:9/hooks',
      eventTypes: ['payment.succeeded'],
    });

    const leaks: string[] = [];
    for (const path of [
      '/v1/webhook-endpoints?limit=100',
      '/v1/events?limit=100',
      '/v1/events?type=statement.closed&limit=100',
      `/v1/events?objectId=${statement.statementId}&limit=100`,
    ]) {
      const response = await b.api.get(path);
      const text = await response.text();
      if (response.status() !== 200) leaks.push(`${path}: ${response.status()}`);
      const seen = aIds.filter((id) => text.includes(id));
      if (seen.length > 0) leaks.push(`${path} shows ${seen.join(', ')}`);
      const items = (JSON.parse(text) as { items: { id: string }[] }).items.map((item) => item.id);
      if (
        path.startsWith('/v1/webhook-endpoints') &&
        JSON.stringify(items) !== JSON.stringify([bEndpoint.id])
      ) {
        leaks.push(`${path} lists ${items.join(', ')}`);
      }
      if (path.startsWith('/v1/events') && items.length > 0) leaks.push(`${path} lists ${items.join(', ')}`);
    }
    for (const path of [
      `/v1/webhook-endpoints/${a.endpoint.id}`,
      `/v1/webhook-endpoints/${a.endpoint.id}/deliveries`,
      `/v1/webhook-endpoints/${a.endpoint.id}/attempts`,
      `/v1/events/${event?.id}`,
    ]) {
      const status = (await b.api.get(path)).status();
      if (status !== 404) leaks.push(`GET ${path}: ${status}`);
    }
    expect(leaks).toEqual([]);

    await test.step('and the tenant sees only its own', async () => {
      const endpoints = await a.api.read<{ items: { id: string }[] }>('/v1/webhook-endpoints');
      expect(endpoints.items.map((item) => item.id)).toEqual([a.endpoint.id]);
      expect((await a.events()).map((item) => item.id)).toContain(event?.id);
    });
  });
});
