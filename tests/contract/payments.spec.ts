import { expect, test } from '../support/api-test';

test.describe('contract: payments', () => {
  test('a new payment, and its replay, match the schema', async ({ payableStatements, payments }) => {
    const key = payments.newKey('contract-pay');
    const statement = await payableStatements.create();
    const body = { amount: '1000', source: 'tok_success' };

    const created = await payments.pay(statement.statementId, body, { key });
    const replayed = await payments.pay(statement.statementId, body, { key });

    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createPayment');
    expect(replayed.status()).toBe(201);
    await expect(replayed).toMatchContract('createPayment');
  });

  test('paying refusals are problems: missing key 422, unknown statement 404, overpayment 409', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();

    const missingKey = await api.post(`/v1/statements/${statement.statementId}/payments`, {
      amount: '1',
      source: 'tok_success',
    });
    const unknown = await payments.pay('st_missing', { amount: '1', source: 'tok_success' });
    const overpaid = await payments.pay(statement.statementId, { amount: '1000000', source: 'tok_success' });

    expect([missingKey.status(), unknown.status(), overpaid.status()]).toEqual([422, 404, 409]);
    await expect(missingKey).toMatchContract('createPayment');
    await expect(unknown).toMatchContract('createPayment');
    await expect(overpaid).toMatchContract('createPayment');
  });

  test('a statement’s payments match the page schema; an unknown statement is a 404', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    await payments.paid(statement.statementId, { amount: '1', source: 'tok_declined' });

    await expect(await api.get(`/v1/statements/${statement.statementId}/payments?limit=1`)).toMatchContract(
      'listStatementPayments',
    );
    const unknown = await api.get('/v1/statements/st_missing/payments');
    expect(unknown.status()).toBe(404);
    await expect(unknown).toMatchContract('listStatementPayments');
  });

  test('a cursor the API did not issue is a 400 problem', async ({ api }) => {
    const response = await api.get('/v1/statements/st_missing/payments?cursor=%%%');

    expect(response.status()).toBe(400);
    await expect(response).toMatchContract('listStatementPayments');
  });

  test('one payment matches its schema; an unknown one is a 404', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '1', source: 'tok_success' });

    await expect(await api.get(`/v1/payments/${payment.id}`)).toMatchContract('getPayment');
    const unknown = await api.get('/v1/payments/pay_missing');
    expect(unknown.status()).toBe(404);
    await expect(unknown).toMatchContract('getPayment');
  });

  test('a refund matches the schema; refunding twice is a 409, without a key a 422', async ({
    api,
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '1', source: 'tok_success' });

    const refunded = await payments.refund(payment.id);
    const again = await payments.refund(payment.id);
    const missingKey = await api.post(`/v1/payments/${payment.id}/refund`);
    const unknown = await payments.refund('pay_missing');

    expect([refunded.status(), again.status(), missingKey.status(), unknown.status()]).toEqual([
      200, 409, 422, 404,
    ]);
    await expect(refunded).toMatchContract('refundPayment');
    await expect(again).toMatchContract('refundPayment');
    await expect(missingKey).toMatchContract('refundPayment');
    await expect(unknown).toMatchContract('refundPayment');
  });

  test('a settlement matches the schema; a second one is a 409, a bad outcome a 422', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '1', source: 'tok_pending' });

    const settled = await payments.settle(payment.id, { outcome: 'SUCCEEDED' });
    const again = await payments.settle(payment.id, { outcome: 'FAILED' });
    const invalid = await payments.settle(payment.id, { outcome: 'MAYBE' as 'FAILED' });

    expect([settled.status(), again.status(), invalid.status()]).toEqual([200, 409, 422]);
    await expect(settled).toMatchContract('settlePayment');
    await expect(again).toMatchContract('settlePayment');
    await expect(invalid).toMatchContract('settlePayment');
    expect((await invalid.json()).errors[0].field).toBe('outcome');
  });

  test('settling an unknown payment is a 404; a reason with SUCCEEDED a 422', async ({
    payableStatements,
    payments,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '1', source: 'tok_pending' });

    const unknown = await payments.settle('pay_missing', { outcome: 'SUCCEEDED' });
    const reasonWithSuccess = await payments.settle(payment.id, {
      outcome: 'SUCCEEDED',
      failureReason: 'card_declined',
    });

    expect([unknown.status(), reasonWithSuccess.status()]).toEqual([404, 422]);
    await expect(unknown).toMatchContract('settlePayment');
    await expect(reasonWithSuccess).toMatchContract('settlePayment');
    expect((await reasonWithSuccess.json()).errors[0]).toMatchObject({
      field: 'failureReason',
      rule: 'only-when-failed',
    });
  });
});
