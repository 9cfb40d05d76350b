import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

/**
 * Credit notes (DOMAIN §6) on the fixture's statements: 100 hours of compute (39700 + VAT 10% =
 * 43670 KRW). A note of net 10000 carries VAT 1000 and totals 11000.
 */

type CreditNote = Schemas['CreditNote'];
type Statement = Schemas['Statement'];

test.describe('credit notes', () => {
  test('on an unpaid statement: VAT at its rate, the outstanding amount lowered, numbered CN-', {
    tag: ['@smoke'],
  }, async ({ payableStatements, api }) => {
    const statement = await payableStatements.create();
    const note = await api.create<CreditNote>(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '10000',
      reason: 'service outage on the 3rd',
    });

    expect(note).toMatchObject({
      net: '10000',
      vat: '1000',
      total: '11000',
      applied: '11000',
      refunded: '0',
      refundGrantId: null,
      currency: 'KRW',
    });
    expect(note.number).toMatch(/^CN-\d{4}-\d{6}$/);
    const after = await api.read<Statement>(`/v1/statements/${statement.statementId}`);
    expect(after).toMatchObject({
      total: '43670',
      credited: '11000',
      paid: '0',
      outstanding: '32670',
      state: 'ISSUED',
    });
    const listed = await api.read<{ items: CreditNote[] }>(
      `/v1/statements/${statement.statementId}/credit-notes`,
    );
    expect(listed.items).toEqual([note]);
  });

  test('on a partly paid statement: up to the outstanding amount lowers it, the rest is REFUND credit', async ({
    payableStatements,
    payments,
    api,
    credits,
  }) => {
    const statement = await payableStatements.create();
    await payments.paid(statement.statementId, { amount: '40000', source: 'tok_success' });

    const note = await api.create<CreditNote>(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '10000',
      reason: 'overcharged',
    });

    // Outstanding was 3670: that much is applied, the other 7330 is granted back.
    expect(note).toMatchObject({ total: '11000', applied: '3670', refunded: '7330' });
    expect(await api.read<Statement>(`/v1/statements/${statement.statementId}`)).toMatchObject({
      outstanding: '0',
      state: 'PAID',
    });
    const grant = await credits.get(statement.billingGroupId, note.refundGrantId ?? '');
    expect(grant).toMatchObject({ type: 'REFUND', amount: '7330', balance: '7330' });
  });

  test('on a paid statement: all of it is REFUND credit, and no payment can follow', async ({
    payableStatements,
    payments,
    api,
  }) => {
    const statement = await payableStatements.create();
    await payments.paid(statement.statementId, { amount: '43670', source: 'tok_success' });

    const note = await api.create<CreditNote>(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '1000',
      reason: 'goodwill',
    });
    expect(note).toMatchObject({ total: '1100', applied: '0', refunded: '1100' });
    const after = await api.read<Statement>(`/v1/statements/${statement.statementId}`);
    expect(after).toMatchObject({ outstanding: '0', state: 'PAID', credited: '0' });
  });

  test('credit notes never exceed the statement’s total; a payment cannot pay what they took off', async ({
    payableStatements,
    payments,
    api,
  }) => {
    const statement = await payableStatements.create();
    await api.create(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '30000',
      reason: 'first',
    });

    const over = await api.post(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '10000',
      reason: 'too much',
    });
    expect(over.status()).toBe(422);
    expect((await over.json()).errors).toEqual([
      expect.objectContaining({ field: 'net', rule: 'exceeds-total' }),
    ]);

    // 43670 − 33000 credited leaves 10670 to pay.
    const overpay = await payments.pay(statement.statementId, { amount: '10671', source: 'tok_success' });
    expect(overpay.status()).toBe(409);
    expect((await overpay.json()).type).toBe('/problems/payment-exceeds-outstanding');
    const exact = await payments.pay(statement.statementId, { amount: '10670', source: 'tok_success' });
    expect(exact.status()).toBe(201);
  });

  test('a credit note is carried into the next month’s balance forward, and reported credit_note.created', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api } = webhookTenant;
    const march = await payableStatements.create({ api, month: '2026-03' });
    const note = await api.create<CreditNote>(`/v1/statements/${march.statementId}/credit-notes`, {
      net: '10000',
      reason: 'outage',
    });
    const april = await payableStatements.closeMonth(march, '2026-04', { api });
    const closed = await api.read<Statement>(`/v1/statements/${april.statementId}`);
    expect(closed.result.unpaid).toBe('32670');

    await expect
      .poll(() => webhookReceiver.events(note.id).map((event) => event.type), { timeout: 15_000 })
      .toEqual(['credit_note.created']);
    expect(webhookReceiver.events(note.id)[0]?.data.object).toEqual(note);
  });

  test('a void statement takes no credit note', async ({ payableStatements, api }) => {
    const statement = await payableStatements.create();
    await api.create(`/v1/statements/${statement.statementId}/void`, {}, 200);
    const refused = await api.post(`/v1/statements/${statement.statementId}/credit-notes`, {
      net: '100',
      reason: 'x',
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).type).toBe('/problems/not-creditable');
  });
});
