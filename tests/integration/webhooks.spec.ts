import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import type { PaymentFixtures } from '../support/fixtures/payments';
import { objectOf } from '../support/webhook-receiver';

/**
 * Webhooks (DOMAIN §8b): each change writes its event in the same batch (the outbox), and the
 * tenant's endpoint gets it signed, at least once, retried with backoff. Each test has a tenant of
 * its own with one endpoint (`webhookTenant`), pointing at a receiver in its worker that checks every
 * signature with @billing/webhooks. The run's edges retry after 0.2 s, doubling, for 3 s
 * (TEST_WEBHOOK_SETTINGS).
 */

type Delivery = Schemas['WebhookDelivery'];
type Attempt = Schemas['WebhookAttempt'];

const RECEIVED = { timeout: 15_000, intervals: [100] };

/** A payment of the test's own tenant, as the API answered it (whatever its outcome). */
async function payWith(
  payments: PaymentFixtures['payments'],
  api: BillingApi,
  statementId: string,
  amount: string,
  source: string,
): Promise<Schemas['Payment']> {
  return (await (await payments.pay(statementId, { amount, source }, { api })).json()) as Schemas['Payment'];
}

test.describe('webhooks: events are delivered signed, once per change', () => {
  test('closing a month delivers statement.closed with the statement as the API shows it', {
    tag: ['@smoke'],
  }, async ({ webhookTenant, webhookReceiver, payableStatements }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });

    await expect.poll(() => webhookReceiver.events(statement.statementId).length, RECEIVED).toBe(1);
    const [delivered] = webhookReceiver.events(statement.statementId);
    const shown = await api.read<Schemas['Statement']>(`/v1/statements/${statement.statementId}`);
    const { result: _result, ...standing } = shown;
    expect(delivered).toMatchObject({ type: 'statement.closed', tenantId: webhookTenant.tenantId });
    expect(delivered?.data.object).toEqual(standing);

    await test.step('the event is listed and readable, the same as it was delivered', async () => {
      const listed = await webhookTenant.events('type=statement.closed');
      expect(listed.map((event) => event.id)).toEqual([delivered?.id]);
      expect(await api.read(`/v1/events/${delivered?.id}`)).toEqual(delivered);
    });

    await test.step('the delivery went once, signed, and its attempt is logged', async () => {
      const received = webhookReceiver.deliveries.filter((delivery) => delivery.event?.id === delivered?.id);
      expect(received).toHaveLength(1);
      expect(received[0]?.headers['billing-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(received[0]?.headers['billing-event-type']).toBe('statement.closed');
      // Recorded just after the receiver answered: wait for the record.
      const attempts = () =>
        api.read<{ items: Attempt[] }>(`/v1/webhook-endpoints/${webhookTenant.endpoint.id}/attempts`);
      await expect
        .poll(async () => (await attempts()).items, RECEIVED)
        .toEqual([
          expect.objectContaining({
            eventId: delivered?.id,
            statusCode: 200,
            outcome: 'SUCCEEDED',
            responseExcerpt: 'ok',
          }),
        ]);
    });
  });

  test('voiding a statement delivers statement.voided after statement.closed', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });
    await api.create(`/v1/statements/${statement.statementId}/void`, {}, 200);

    await expect
      .poll(() => webhookReceiver.events(statement.statementId).map((event) => event.type), RECEIVED)
      .toEqual(['statement.closed', 'statement.voided']);
    const voided = webhookReceiver.events(statement.statementId)[1];
    expect(voided?.data.object).toMatchObject({ state: 'VOID', voidedAt: expect.any(String) });
  });

  test('payments report the state they enter: succeeded, failed and refunded', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
    payments,
  }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });
    const declined = await payWith(payments, api, statement.statementId, '100', 'tok_declined');
    const paid = await payWith(payments, api, statement.statementId, '1000', 'tok_success');
    const pending = await payWith(payments, api, statement.statementId, '10', 'tok_pending');
    expect((await payments.refund(paid.id, { api })).status()).toBe(200);

    await expect
      .poll(() => webhookReceiver.events(declined.id).map((event) => event.type), RECEIVED)
      .toEqual(['payment.failed']);
    await expect
      .poll(() => webhookReceiver.events(paid.id).map((event) => event.type), RECEIVED)
      .toEqual(['payment.succeeded', 'payment.refunded']);
    expect(webhookReceiver.events(paid.id).map((event) => event.data.object.state)).toEqual([
      'SUCCEEDED',
      'REFUNDED',
    ]);
    expect(webhookReceiver.events(declined.id)[0]?.data.object).toMatchObject({
      failureReason: 'card_declined',
    });
    // A payment that stays PENDING has entered no reported state.
    expect(webhookReceiver.events(pending.id)).toEqual([]);
  });

  test('a month-end job reports job.finished with its final counts', async ({
    webhookTenant,
    webhookReceiver,
  }) => {
    const { api } = webhookTenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'job-finished' });
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      {
        events: [
          {
            eventId: 'job-finished-1',
            projectId: 'p',
            counterName: 'compute.c2.c8m8',
            counterType: 'DELTA',
            unit: 'HOURS',
            volume: '1',
            timestamp: '2026-02-10T00:00:00Z',
          },
        ],
      },
      200,
    );
    const job = await api.create<{ id: string }>('/v1/jobs/close-month', { month: '2026-02' }, 202);

    await expect
      .poll(() => webhookReceiver.events(job.id).map((event) => event.type), RECEIVED)
      .toEqual(['job.finished']);
    expect(webhookReceiver.events(job.id)[0]?.data.object).toMatchObject({
      id: job.id,
      status: 'SUCCEEDED',
      total: 1,
      done: 1,
    });
  });

  test('50 concurrent payments give exactly one payment.succeeded each', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
    payments,
  }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        payments.pay(statement.statementId, { amount: '100', source: 'tok_success' }, { api }),
      ),
    );
    expect(answers.map((answer) => answer.status())).toEqual(Array(50).fill(201));
    const paid = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as Schemas['Payment']).id),
    );

    await expect
      .poll(
        () => webhookReceiver.events().filter((event) => event.type === 'payment.succeeded').length,
        RECEIVED,
      )
      .toBe(50);
    const reported = webhookReceiver.events().filter((event) => event.type === 'payment.succeeded');
    expect(new Set(reported.map(objectOf))).toEqual(new Set(paid));
    expect(await webhookTenant.events('type=payment.succeeded')).toHaveLength(50);
  });
});

test.describe('webhooks: one event per change, in order per object', () => {
  test('ten concurrent settlements of one pending payment report payment.succeeded once', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
    payments,
  }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });
    const pending = await payWith(payments, api, statement.statementId, '100', 'tok_pending');
    const settled = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.post(`/v1/payments/${pending.id}/settle`, { outcome: 'SUCCEEDED' }),
      ),
    );
    // One request moved it; the others found it SUCCEEDED already (409 invalid-transition).
    expect(settled.map((answer) => answer.status()).sort()).toEqual([200, ...Array(9).fill(409)]);

    await expect.poll(() => webhookReceiver.events(pending.id).length, RECEIVED).toBe(1);
    expect(await webhookTenant.events(`objectId=${pending.id}`)).toEqual([
      expect.objectContaining({ type: 'payment.succeeded' }),
    ]);
  });

  test('a refund waits for its payment’s earlier event, which is retried first', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
    payments,
  }) => {
    const { api } = webhookTenant;
    const statement = await payableStatements.create({ api });
    await expect.poll(() => webhookReceiver.events(statement.statementId).length, RECEIVED).toBe(1);
    webhookReceiver.answer(500);
    const paid = await payWith(payments, api, statement.statementId, '1000', 'tok_success');
    expect((await payments.refund(paid.id, { api })).status()).toBe(200);

    await expect.poll(() => webhookReceiver.events(paid.id).length, RECEIVED).toBe(3);
    const about = webhookReceiver.deliveries.filter(
      (delivery) => delivery.event && objectOf(delivery.event) === paid.id,
    );
    expect(about.map((delivery) => [delivery.event?.type, delivery.answered])).toEqual([
      ['payment.succeeded', 500],
      ['payment.succeeded', 200],
      ['payment.refunded', 200],
    ]);
  });
});

test.describe('webhooks: retries, failure and redelivery', () => {
  test('a receiver that answers 500 twice gets the event again after growing waits, then once it answers 200', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api, endpoint } = webhookTenant;
    webhookReceiver.answer(500, 503);
    const statement = await payableStatements.create({ api });

    await expect.poll(() => webhookReceiver.deliveries.length, RECEIVED).toBe(3);
    const [first, second, third] = webhookReceiver.deliveries;
    expect([first?.answered, second?.answered, third?.answered]).toEqual([500, 503, 200]);
    // The same event every time: one change, one event, delivered at least once.
    expect(new Set(webhookReceiver.events().map((event) => event.id)).size).toBe(1);
    // 0.2 s, then 0.4 s: each wait at least the configured one.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(190);
    expect((third?.receivedAt ?? 0) - (second?.receivedAt ?? 0)).toBeGreaterThanOrEqual(390);

    // The receiver answers before the dispatcher records the answer: wait for the record.
    const deliveries = () =>
      api.read<{ items: Delivery[] }>(`/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    await expect
      .poll(async () => (await deliveries()).items, RECEIVED)
      .toEqual([
        expect.objectContaining({ state: 'SUCCEEDED', attempts: 3, lastStatus: 200, nextAttemptAt: null }),
      ]);
    const attempts = await api.read<{ items: Attempt[] }>(`/v1/webhook-endpoints/${endpoint.id}/attempts`);
    expect(attempts.items.map((attempt) => [attempt.statusCode, attempt.outcome])).toEqual([
      [200, 'SUCCEEDED'],
      [503, 'RETRYING'],
      [500, 'RETRYING'],
    ]);
    expect(attempts.items[2]?.responseExcerpt).toBe('answered 500');
    expect(statement.statementId).toBe(webhookReceiver.events()[0]?.data.object.statementId);
  });

  test('a receiver that never answers 2xx leaves the delivery FAILED; a redelivery by hand sends it again', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api, endpoint } = webhookTenant;
    webhookReceiver.answer(...Array<number>(20).fill(500));
    await payableStatements.create({ api });

    await expect
      .poll(
        async () =>
          (await api.read<{ items: Delivery[] }>(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).items[0]
            ?.state,
        { timeout: 20_000, intervals: [250] },
      )
      .toBe('FAILED');
    const tries = webhookReceiver.deliveries.length;
    expect(tries).toBeGreaterThanOrEqual(3);
    const [delivery] = (
      await api.read<{ items: Delivery[] }>(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)
    ).items;

    await test.step('redelivered, it is sent once more and succeeds', async () => {
      webhookReceiver.resetAnswers();
      const redelivered = await api.create<Delivery>(
        `/v1/webhook-endpoints/${endpoint.id}/redeliveries`,
        { eventId: delivery?.eventId },
        202,
      );
      expect(redelivered).toMatchObject({ id: delivery?.id, state: 'PENDING' });
      await expect.poll(() => webhookReceiver.deliveries.length, RECEIVED).toBe(tries + 1);
      expect(webhookReceiver.deliveries.at(-1)?.answered).toBe(200);
      // Its tries count afresh, as its window does (recorded just after the receiver answered).
      await expect
        .poll(
          async () =>
            (await api.read<{ items: Delivery[] }>(`/v1/webhook-endpoints/${endpoint.id}/deliveries`))
              .items[0],
          RECEIVED,
        )
        .toMatchObject({ state: 'SUCCEEDED', attempts: 1 });
    });
  });

  test('a disabled endpoint gets nothing, not even a retry or a redelivery, until it is enabled again', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api, endpoint } = webhookTenant;
    webhookReceiver.answer(500);
    const statement = await payableStatements.create({ api });
    await expect.poll(() => webhookReceiver.deliveries.length, RECEIVED).toBe(1);
    await api.patch(`/v1/webhook-endpoints/${endpoint.id}`, { enabled: false });

    // Its retry was due after 0.2 s: well past it, nothing came.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(webhookReceiver.deliveries).toHaveLength(1);
    const [event] = webhookReceiver.events(statement.statementId);
    const refused = await api.post(`/v1/webhook-endpoints/${endpoint.id}/redeliveries`, {
      eventId: event?.id,
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).type).toBe('/problems/endpoint-disabled');

    await api.patch(`/v1/webhook-endpoints/${endpoint.id}`, { enabled: true });
    await api.create(`/v1/webhook-endpoints/${endpoint.id}/redeliveries`, { eventId: event?.id }, 202);
    await expect.poll(() => webhookReceiver.deliveries.at(-1)?.answered, RECEIVED).toBe(200);
  });
});
