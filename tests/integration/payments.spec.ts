import { expect, test } from '../support/api-test';

/** 100 hours of compute.c2.c8m8 at 397 KRW, plus 10% VAT: the total of the fixture's statements. */
const TOTAL = '43670';

test.describe('payments: the sandbox provider decides by source (edge/PAYMENTS.md)', () => {
  test('tok_success pays the statement and the payment is listed on it', { tag: ['@smoke'] }, async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    expect(statement.total).toEqualMoney(TOTAL);

    const payment = await payments.paid(statement.statementId, { amount: '10000', source: 'tok_success' });

    expect(payment).toMatchObject({
      statementId: statement.statementId,
      billingGroupId: statement.billingGroupId,
      amount: '10000',
      currency: 'KRW',
      state: 'SUCCEEDED',
      method: 'TOKEN',
      source: 'tok_success',
      failureReason: null,
    });
    expect(payment.providerReference).toEqual(expect.any(String));
    expect((await payments.list(statement.statementId)).map((listed) => listed.id)).toEqual([payment.id]);
  });

  test('the success card 4242424242424242 pays, and only its last four digits are kept', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const payment = await payments.paid(statement.statementId, {
      amount: '100',
      source: '4242 4242 4242 4242',
    });

    expect(payment).toMatchObject({ state: 'SUCCEEDED', method: 'CARD', source: 'card_4242' });
    expect(JSON.stringify(await payments.list(statement.statementId))).not.toContain('4242424242424242');
  });

  test('a declined card fails with card_declined and frees its amount', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const declined = await payments.paid(statement.statementId, { amount: TOTAL, source: 'tok_declined' });
    expect(declined).toMatchObject({ state: 'FAILED', failureReason: 'card_declined' });

    await test.step('the whole amount can still be paid', async () => {
      const paid = await payments.paid(statement.statementId, { amount: TOTAL, source: '4242424242424242' });
      expect(paid.state).toBe('SUCCEEDED');
    });
  });

  test('each documented failure card fails with its reason', async ({ payableStatements, payments }) => {
    const statement = await payableStatements.create();

    const reasons = [];
    for (const source of ['4000000000000002', 'tok_insufficient_funds', '4000000000000069', 'tok_nonsense']) {
      reasons.push((await payments.paid(statement.statementId, { amount: '1', source })).failureReason);
    }

    expect(reasons).toEqual(['card_declined', 'insufficient_funds', 'expired_card', 'unknown_source']);
  });

  test('a pending payment holds its amount until it is settled SUCCEEDED', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const pending = await payments.paid(statement.statementId, { amount: TOTAL, source: 'tok_pending' });
    expect(pending.state).toBe('PENDING');

    await test.step('nothing more can be paid while it is pending', async () => {
      const response = await payments.pay(statement.statementId, { amount: '1', source: 'tok_success' });
      expect(response.status()).toBe(409);
      expect((await response.json()).type).toBe('/problems/payment-exceeds-outstanding');
    });

    await test.step('the sandbox settles it', async () => {
      const settled = await payments.settle(pending.id, { outcome: 'SUCCEEDED' });
      expect(settled.status()).toBe(200);
      expect(await settled.json()).toMatchObject({ id: pending.id, state: 'SUCCEEDED', failureReason: null });
    });
  });

  test('a pending payment settled FAILED frees its amount', async ({ payableStatements, payments }) => {
    const statement = await payableStatements.create();
    const pending = await payments.paid(statement.statementId, { amount: TOTAL, source: '4000000000000077' });

    const settled = await payments.settle(pending.id, { outcome: 'FAILED', failureReason: 'card_declined' });

    expect(await settled.json()).toMatchObject({ state: 'FAILED', failureReason: 'card_declined' });
    expect((await payments.paid(statement.statementId, { amount: TOTAL, source: 'tok_success' })).state).toBe(
      'SUCCEEDED',
    );
  });

  test('when the provider does not answer, the payment stays PENDING rather than failing', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const payment = await payments.paid(statement.statementId, {
      amount: '500',
      source: 'tok_provider_error',
    });

    expect(payment).toMatchObject({ state: 'PENDING', providerReference: null });
    expect(await (await payments.settle(payment.id, { outcome: 'FAILED' })).json()).toMatchObject({
      state: 'FAILED',
      failureReason: 'settlement_failed',
    });
  });
});

test.describe('payments: amounts against the outstanding balance', () => {
  test('paying more than the outstanding amount is a 409 saying how much the statement takes', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    await payments.paid(statement.statementId, { amount: '40000', source: 'tok_success' });

    const response = await payments.pay(statement.statementId, { amount: '3671', source: 'tok_success' });

    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({
      type: '/problems/payment-exceeds-outstanding',
      statementId: statement.statementId,
      payable: '3670',
    });
  });

  test('partial payments make the statement PARTIALLY_PAID, then PAID', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const statementPath = `/v1/billing-groups/${statement.billingGroupId}/statements/${statement.month}`;

    await payments.paid(statement.statementId, { amount: '20000', source: 'tok_success' });
    expect(await api.read(statementPath)).toMatchObject({ state: 'PARTIALLY_PAID' });

    await payments.paid(statement.statementId, { amount: '23670', source: 'tok_success' });
    expect(await api.read(statementPath)).toMatchObject({ state: 'PAID' });

    const extra = await payments.pay(statement.statementId, { amount: '1', source: 'tok_success' });
    expect(extra.status()).toBe(409);
  });

  test('an amount that is not positive, or finer than the currency, is a 422 naming amount', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const rules = [];
    for (const amount of ['0', '-5', '10.5', 'ten']) {
      const response = await payments.pay(statement.statementId, { amount, source: 'tok_success' });
      expect(response.status()).toBe(422);
      const [issue] = (await response.json()).errors;
      expect(issue.field).toBe('amount');
      rules.push(issue.rule);
    }

    expect(rules.slice(0, 3)).toEqual(['positive', 'positive', 'minor-unit']);
    expect(await payments.list(statement.statementId)).toEqual([]);
  });

  test('a statement’s payments page with a cursor, oldest first', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const created = [];
    for (const amount of ['1', '2', '3']) {
      created.push((await payments.paid(statement.statementId, { amount, source: 'tok_success' })).id);
    }

    const first = await api.read<{ items: { id: string }[]; nextCursor: string }>(
      `/v1/statements/${statement.statementId}/payments?limit=2`,
    );
    const second = await api.read<{ items: { id: string }[]; nextCursor: string | null }>(
      `/v1/statements/${statement.statementId}/payments?limit=2&cursor=${first.nextCursor}`,
    );

    expect([...first.items, ...second.items].map((payment) => payment.id)).toEqual(created);
    expect(second.nextCursor).toBeNull();
  });
});

test.describe('payments: Idempotency-Key', () => {
  test('the same key and body answer the same payment again, and pay once', async ({
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('same-key');
    const statement = await payableStatements.create();
    const body = { amount: '10000', source: 'tok_success' };

    const first = await payments.pay(statement.statementId, body, { key });
    const again = await payments.pay(statement.statementId, body, { key });

    expect(again.status()).toBe(201);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(first.headers()['idempotent-replayed']).toBeUndefined();
    expect(await again.json()).toEqual(await first.json());
    expect(await payments.list(statement.statementId)).toHaveLength(1);
  });

  test('the same key with a different body is a 409 idempotency-key-reuse', async ({
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('reused');
    const statement = await payableStatements.create();
    await payments.pay(statement.statementId, { amount: '100', source: 'tok_success' }, { key });

    const response = await payments.pay(
      statement.statementId,
      { amount: '200', source: 'tok_success' },
      { key },
    );

    expect(response.status()).toBe(409);
    expect((await response.json()).type).toBe('/problems/idempotency-key-reuse');
    expect(await payments.list(statement.statementId)).toHaveLength(1);
  });

  test('a key used for one statement cannot pay another', async ({ payableStatements, payments }) => {
    const key = payments.newKey('one-statement');
    const march = await payableStatements.create();
    const other = await payableStatements.create();
    const body = { amount: '100', source: 'tok_success' };
    await payments.pay(march.statementId, body, { key });

    const response = await payments.pay(other.statementId, body, { key });

    expect(response.status()).toBe(409);
    expect((await response.json()).type).toBe('/problems/idempotency-key-reuse');
  });

  test('a payment without an Idempotency-Key is a 422 naming the header', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const response = await api.post(`/v1/statements/${statement.statementId}/payments`, {
      amount: '100',
      source: 'tok_success',
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'header.idempotency-key' }),
    ]);
    expect(await payments.list(statement.statementId)).toEqual([]);
  });

  test('a refused request stores nothing: its key may be retried with a corrected body', async ({
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('retry-me');
    const statement = await payableStatements.create();

    const refused = await payments.pay(
      statement.statementId,
      { amount: '99999', source: 'tok_success' },
      {
        key,
      },
    );
    const corrected = await payments.pay(
      statement.statementId,
      { amount: TOTAL, source: 'tok_success' },
      {
        key,
      },
    );

    expect(refused.status()).toBe(409);
    expect(corrected.status()).toBe(201);
    expect(corrected.headers()['idempotent-replayed']).toBeUndefined();
  });

  test('keys belong to a tenant: another tenant’s same key is its own payment', async ({
    createTenant,
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('shared-key');
    const other = await createTenant();
    const mine = await payableStatements.create();
    const theirs = await payableStatements.create({ api: other.api });
    const body = { amount: '100', source: 'tok_success' };

    const first = await payments.pay(mine.statementId, body, { key });
    const second = await payments.pay(theirs.statementId, body, { key, api: other.api });

    expect(second.status()).toBe(201);
    expect(second.headers()['idempotent-replayed']).toBeUndefined();
    expect((await second.json()).id).not.toBe((await first.json()).id);
  });
});

test.describe('payments: concurrency', () => {
  test('20 concurrent payments with different keys never exceed the total', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const fifth = '8734'; // 5 × 8734 = 43670: at most five of the twenty fit

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        payments.pay(statement.statementId, { amount: fifth, source: 'tok_success' }),
      ),
    );

    const statuses = responses.map((response) => response.status());
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    const succeeded = (await payments.list(statement.statementId)).filter((p) => p.state === 'SUCCEEDED');
    const paid = succeeded.reduce((sum, payment) => sum + Number(payment.amount), 0);
    expect(paid).toBeLessThanOrEqual(Number(TOTAL));
    expect(succeeded).toHaveLength(5);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
  });

  test('20 concurrent copies of one payment with one key create exactly one payment', async ({
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('one-key-twenty-times');
    const statement = await payableStatements.create();
    const body = { amount: '1000', source: 'tok_success' };

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => payments.pay(statement.statementId, body, { key })),
    );

    const listed = await payments.list(statement.statementId);
    expect(listed).toHaveLength(1);
    for (const response of responses) {
      expect([201, 409]).toContain(response.status());
      const answer = await response.json();
      if (response.status() === 201) expect(answer.id).toBe(listed[0]?.id);
      else expect(answer.type).toBe('/problems/idempotency-in-progress');
    }
  });
});

test.describe('payments: refunds and transitions', () => {
  test('a refund makes the amount outstanding again', async ({ api, payableStatements, payments }) => {
    const statement = await payableStatements.create();
    const statementPath = `/v1/billing-groups/${statement.billingGroupId}/statements/${statement.month}`;
    const payment = await payments.paid(statement.statementId, { amount: TOTAL, source: 'tok_success' });
    expect(await api.read(statementPath)).toMatchObject({ state: 'PAID' });

    const refund = await payments.refund(payment.id);

    expect(refund.status()).toBe(200);
    expect(await refund.json()).toMatchObject({ id: payment.id, state: 'REFUNDED' });
    expect(await api.read(statementPath)).toMatchObject({ state: 'ISSUED' });
    expect((await payments.paid(statement.statementId, { amount: TOTAL, source: 'tok_success' })).state).toBe(
      'SUCCEEDED',
    );
  });

  test('a refund retried with its key answers the same refund; a second refund is a 409', async ({
    payableStatements,
    payments,
  }) => {
    const key = payments.newKey('refund-key');
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '100', source: 'tok_success' });

    const first = await payments.refund(payment.id, { key });
    const replayed = await payments.refund(payment.id, { key });
    const second = await payments.refund(payment.id);

    expect(replayed.status()).toBe(200);
    expect(replayed.headers()['idempotent-replayed']).toBe('true');
    expect(await replayed.json()).toEqual(await first.json());
    expect(second.status()).toBe(409);
    expect(await second.json()).toMatchObject({
      type: '/problems/invalid-transition',
      paymentId: payment.id,
    });
  });

  test('only a SUCCEEDED payment is refunded: FAILED and PENDING ones are a 409', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const failed = await payments.paid(statement.statementId, { amount: '100', source: 'tok_declined' });
    const pending = await payments.paid(statement.statementId, { amount: '100', source: 'tok_pending' });

    for (const payment of [failed, pending]) {
      const response = await payments.refund(payment.id);
      expect(response.status()).toBe(409);
      expect((await response.json()).type).toBe('/problems/invalid-transition');
    }
  });

  test('only a PENDING payment settles: settling a decided one is a 409', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const succeeded = await payments.paid(statement.statementId, { amount: '100', source: 'tok_success' });
    const failed = await payments.paid(statement.statementId, { amount: '100', source: 'tok_declined' });

    for (const [payment, outcome] of [
      [succeeded, 'FAILED'],
      [failed, 'SUCCEEDED'],
    ] as const) {
      const response = await payments.settle(payment.id, { outcome });
      expect(response.status()).toBe(409);
      expect((await response.json()).type).toBe('/problems/invalid-transition');
    }
  });

  test('a refund without an Idempotency-Key is a 422 naming the header', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '100', source: 'tok_success' });

    const response = await api.post(`/v1/payments/${payment.id}/refund`);

    expect(response.status()).toBe(422);
    expect((await response.json()).errors[0].field).toBe('header.idempotency-key');
    expect((await api.read<{ state: string }>(`/v1/payments/${payment.id}`)).state).toBe('SUCCEEDED');
  });
});

test.describe('payments: which statement takes them', () => {
  test('a carried-forward statement is a 409 naming the statement that carries it', async ({
    payableStatements,
    payments,
  }) => {
    const march = await payableStatements.create({ month: '2026-03' });
    const april = await payableStatements.closeMonth(march, '2026-04');

    const response = await payments.pay(march.statementId, { amount: '100', source: 'tok_success' });

    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({
      type: '/problems/carried-forward',
      carriedForwardBy: april.statementId,
    });
    expect((await payments.paid(april.statementId, { amount: '100', source: 'tok_success' })).state).toBe(
      'SUCCEEDED',
    );
  });

  test('a payment of a carried-forward statement is not refunded: the later statement bills it as it was', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const march = await payableStatements.create({ month: '2026-03' });
    const payment = await payments.paid(march.statementId, { amount: '1000', source: 'tok_success' });
    const april = await payableStatements.closeMonth(march, '2026-04');

    const refund = await payments.refund(payment.id);

    expect(refund.status()).toBe(409);
    expect(await refund.json()).toMatchObject({
      type: '/problems/carried-forward',
      carriedForwardBy: april.statementId,
    });
    expect((await api.read<{ state: string }>(`/v1/payments/${payment.id}`)).state).toBe('SUCCEEDED');
  });

  test('another tenant’s statement answers 404, like a missing one', async ({
    createTenant,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const other = await createTenant();

    const pay = await payments.pay(
      statement.statementId,
      { amount: '100', source: 'tok_success' },
      {
        api: other.api,
      },
    );
    const list = await other.api.get(`/v1/statements/${statement.statementId}/payments`);

    expect(pay.status()).toBe(404);
    expect(list.status()).toBe(404);
    expect((await pay.json()).detail).toBe(`statement ${statement.statementId} does not exist`);
    expect(await payments.list(statement.statementId)).toEqual([]);
  });

  test('another tenant’s payment answers 404 to reads, refunds and settlements', async ({
    createTenant,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '100', source: 'tok_pending' });
    const other = await createTenant();

    const read = await other.api.get(`/v1/payments/${payment.id}`);
    const refund = await payments.refund(payment.id, { api: other.api });
    const settle = await other.api.post(`/v1/payments/${payment.id}/settle`, { outcome: 'SUCCEEDED' });

    expect([read.status(), refund.status(), settle.status()]).toEqual([404, 404, 404]);
    expect(await payments.list(statement.statementId)).toEqual([
      expect.objectContaining({ id: payment.id, state: 'PENDING' }),
    ]);
  });
});
