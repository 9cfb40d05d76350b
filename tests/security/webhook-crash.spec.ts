import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY } from '../support/edge-server';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Webhooks survive a crash (DOMAIN §8b, at least once): the event is committed with the close, the
 * delivery is on its way to a receiver that holds the request open, and the host dies (SIGKILL).
 * Restarted on the same database, with no client request, the host sends the event again once the
 * dead dispatcher's lease runs out: the receiver gets it (the same event id), and the tenant's event
 * log holds exactly one statement.closed for the statement.
 */

const MONTH = '2026-03';
/** Long enough for the test to kill the host while the first try still waits for its answer. */
const TIMEOUT_SECONDS = 2;
/** The dead dispatcher's lease: the send's timeout plus 5 s (services/webhook-delivery.ts). */
const LEASE_MS = TIMEOUT_SECONDS * 1000 + 5_000;

type Event = Schemas['Event'];
type Delivery = Schemas['WebhookDelivery'];
type Attempt = Schemas['WebhookAttempt'];

async function json<T>(response: Response, expected: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(expected);
  return JSON.parse(text) as T;
}

/** An edge on either host, as far as this test needs one. */
interface Host {
  url: string;
  /** SIGKILL, then a new host on the same database. */
  crashAndRestart(): Promise<Host>;
}

/** The webhook waits of these tests: a short send timeout, quick retries, a long window. */
const SETTINGS = {
  WEBHOOK_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
  WEBHOOK_RETRY_BASE_SECONDS: '0.2',
  WEBHOOK_RETRY_WINDOW_SECONDS: '300',
};

function request(host: Host, key: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${host.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A group with an hour of usage in MONTH, closed: its statement.closed is owed to every endpoint. */
async function closeAMonth(edge: Host, apiKey: string): Promise<string> {
  const group = await json<{ id: string }>(
    await request(edge, apiKey, 'POST', '/v1/billing-groups', { name: 'webhook crash' }),
    201,
  );
  await json(
    await request(edge, apiKey, 'POST', `/v1/billing-groups/${group.id}/usage-events`, {
      events: [
        {
          eventId: 'webhook-crash-1',
          projectId: 'p',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '1',
          timestamp: `${MONTH}-10T00:00:00Z`,
        },
      ],
    }),
    200,
  );
  const closed = await json<{ statementId: string }>(
    await request(edge, apiKey, 'POST', `/v1/billing-groups/${group.id}/statements/${MONTH}/close`, {}),
    201,
  );
  return closed.statementId;
}

/**
 * The scenario on one host: an endpoint at `receiver`, whose first answer never comes; a month
 * closed; the host killed while the receiver holds the first try; a restart; then the checks.
 */
async function deliveredAfterACrash(started: Host, receiver: WebhookReceiver): Promise<void> {
  let edge = started;
  const created = await json<{ apiKey: { key: string } }>(
    await request(edge, ADMIN_API_KEY, 'POST', '/v1/tenants', {
      name: 'webhook crash tenant',
      apiKey: { name: 'webhook crash' },
    }),
    201,
  );
  const key = created.apiKey.key;
  const endpoint = await json<{ id: string; secret: string }>(
    await request(edge, key, 'POST', '/v1/webhook-endpoints', {
      url: receiver.url,
      eventTypes: ['statement.closed'],
    }),
    201,
  );
  receiver.useSecret(endpoint.secret);
  receiver.answer('hang');

  const statementId = await closeAMonth(edge, key);

  await test.step('kill the host while the receiver holds the first try open, and restart it', async () => {
    await expect
      .poll(() => receiver.deliveries.length, {
        message: 'the first try reaches the receiver',
        intervals: [10],
        timeout: 15_000,
      })
      .toBe(1);
    edge = await edge.crashAndRestart();
  });
  const [first] = receiver.deliveries;
  expect(first?.answered, 'the first try was held open, never answered').toBe(0);
  expect(first?.event).toMatchObject({ type: 'statement.closed', data: { object: { statementId } } });
  // The kill landed before the first try timed out: that try logged nothing (checked below).

  await test.step('the event is delivered again once the dead lease runs out, no client request needed', async () => {
    await expect
      .poll(() => receiver.deliveries.filter((delivery) => delivery.answered === 200).length, {
        message: 'the restarted host delivers the event',
        intervals: [100],
        timeout: LEASE_MS + 30_000,
      })
      .toBe(1);
  });
  const delivered = receiver.deliveries.find((delivery) => delivery.answered === 200);
  expect(delivered?.event?.id).toBe(first?.event?.id);
  expect(delivered?.refused).toBeNull();
  // Not before the lease the dead host held could have run out (it was taken before the kill).
  expect((delivered?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(LEASE_MS - 1_000);
  // At least once: the same event, maybe twice, never another one.
  expect(new Set(receiver.events().map((event) => event.id))).toEqual(new Set([first?.event?.id]));

  await test.step('the event log: exactly one statement.closed for the statement, the one delivered', async () => {
    const events = await json<{ items: Event[] }>(
      await request(edge, key, 'GET', '/v1/events?type=statement.closed&limit=100'),
      200,
    );
    expect(events.items.map((event) => [event.id, event.data.object.statementId])).toEqual([
      [first?.event?.id, statementId],
    ]);
  });

  await test.step('the delivery is SUCCEEDED; the try the kill cut short logged nothing', async () => {
    const deliveries = await json<{ items: Delivery[] }>(
      await request(edge, key, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`),
      200,
    );
    expect(deliveries.items).toEqual([
      expect.objectContaining({ eventId: first?.event?.id, state: 'SUCCEEDED', lastStatus: 200 }),
    ]);
    const attempts = await json<{ items: Attempt[] }>(
      await request(edge, key, 'GET', `/v1/webhook-endpoints/${endpoint.id}/attempts`),
      200,
    );
    expect(
      attempts.items.map((attempt) => [attempt.statusCode, attempt.outcome]),
      'one attempt: a RETRYING one would mean the host was killed after the first try timed out',
    ).toEqual([[200, 'SUCCEEDED']]);
  });
}

test.describe('webhooks: crash safety', { tag: ['@slow'] }, () => {
  let receiver: WebhookReceiver;
  test.beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  test.afterEach(async () => {
    await receiver.close();
  });

  test('on the Node host, a delivery in flight when the host is killed is sent after a restart, its event recorded once', async ({
    nodeEdges,
  }) => {
    test.setTimeout(120_000);
    const start = async (): Promise<Host> => {
      const edge = await nodeEdges.start({
        ENVIRONMENT: 'development',
        ...SETTINGS,
        EDGE_LOG_LEVEL: 'error',
      });
      const host: Host = {
        url: edge.url,
        crashAndRestart: async () => {
          await edge.crash();
          const restarted = await nodeEdges.restart(edge);
          return { url: restarted.url, crashAndRestart: () => Promise.reject(new Error('once is enough')) };
        },
      };
      return host;
    };
    await deliveredAfterACrash(await start(), receiver);
  });

  test('on workerd, a delivery in flight when workerd is killed is sent after a restart on the same D1, its event recorded once', async ({
    privateEdges,
  }) => {
    test.setTimeout(180_000);
    const edge = await privateEdges.start({ env: SETTINGS });
    const host: Host = {
      url: edge.url,
      crashAndRestart: async () => {
        await edge.crash();
        const restarted = await privateEdges.restart(edge);
        return { url: restarted.url, crashAndRestart: () => Promise.reject(new Error('once is enough')) };
      },
    };
    await deliveredAfterACrash(host, receiver);
  });
});
