import { type APIResponse, expect, test } from '../support/api-test';

/**
 * A request body is the client's whole instruction: a field the operation does not know is refused
 * (422 naming it, rule `unknown-field`), never silently dropped, at every level of the body; an
 * operation that takes no body refuses one that says anything (edge/LIMITS.md, request bodies).
 */

const MARCH = '2026-03';

const unknownField = (field: string) => ({
  field,
  rule: 'unknown-field',
  message: 'is not a field of this request',
});

async function expectRefusedField(response: APIResponse, field: string): Promise<void> {
  expect(response.status(), await response.text()).toBe(422);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect((await response.json()).errors).toContainEqual(unknownField(field));
}

test.describe('usage events: unknown fields are refused, and texts have a maximum length', () => {
  test('an unknown field of a lone usage event is refused, naming the event', async ({
    billingGroups,
    api,
    dataName,
    usageEvents,
  }) => {
    const group = await billingGroups.create();

    const response = await usageEvents.send(group.id, [
      { ...usageEvents.build({ eventId: `${dataName}-ev` }), foo: 'bar' },
    ]);

    await expectRefusedField(response, 'events[0].foo');
    const stored = await api.read<{ items: unknown[] }>(`/v1/billing-groups/${group.id}/usage-events`);
    expect(stored.items).toEqual([]);
  });

  test('in a batch, the event with an unknown field is rejected and the others accepted', async ({
    billingGroups,
    dataName,
    usageEvents,
  }) => {
    const group = await billingGroups.create();

    const result = await usageEvents.ingest(group.id, [
      usageEvents.build({ eventId: `${dataName}-ok` }),
      { ...usageEvents.build({ eventId: `${dataName}-junk` }), quantity: '5' },
    ]);

    expect(result.verdicts).toEqual([
      expect.objectContaining({ index: 0, verdict: 'accepted' }),
      expect.objectContaining({
        index: 1,
        verdict: 'rejected',
        reason: 'invalid',
        field: 'events[1].quantity',
        rule: 'unknown-field',
      }),
    ]);
  });

  const LIMITS = {
    eventId: 200,
    projectId: 100,
    counterName: 200,
    unit: 50,
    resourceId: 100,
    resourceName: 200,
  } as const;

  for (const [field, limit] of Object.entries(LIMITS)) {
    test(`${field} of ${limit} characters is taken, of ${limit + 1} refused`, async ({
      billingGroups,
      dataName,
      usageEvents,
    }) => {
      const group = await billingGroups.create();
      const sized = (length: number) =>
        field === 'eventId' ? `${dataName}-`.padEnd(length, 'x') : 'x'.repeat(length);

      const refused = await usageEvents.send(group.id, [
        { ...usageEvents.build({ eventId: `${dataName}-long` }), [field]: sized(limit + 1) },
      ]);
      expect(refused.status()).toBe(422);
      expect((await refused.json()).errors).toContainEqual(
        expect.objectContaining({ field: `events[0].${field}`, rule: 'too_big' }),
      );

      // The longest allowed value passes the length check (an unpriced counter is refused later).
      const taken = await usageEvents.send(group.id, [
        { ...usageEvents.build({ eventId: `${dataName}-ok` }), [field]: sized(limit) },
      ]);
      const errors = taken.status() === 200 ? [] : (await taken.json()).errors;
      expect(errors).not.toContainEqual(expect.objectContaining({ rule: 'too_big' }));
    });
  }

  test('a 900 000-character eventId is refused, not stored and echoed', async ({
    billingGroups,
    api,
    usageEvents,
  }) => {
    const group = await billingGroups.create();

    const response = await usageEvents.send(group.id, [usageEvents.build({ eventId: 'e'.repeat(900_000) })]);

    expect(response.status()).toBe(422);
    expect(await response.text()).not.toContain('e'.repeat(1000));
    const stored = await api.read<{ items: unknown[] }>(`/v1/billing-groups/${group.id}/usage-events`);
    expect(stored.items).toEqual([]);
  });
});

test.describe('request bodies: unknown fields are refused, not dropped', () => {
  test('close-month with a dryRun flag is refused and closes nothing', async ({
    billingGroups,
    monthActivity,
    statements,
    api,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);

    const response = await api.post('/v1/jobs/close-month', { month: MARCH, dryRun: true });

    await expectRefusedField(response, 'dryRun');
    expect((await statements.read(group.id, MARCH)).state).toBe('DRAFT');
  });

  test('an API key asking for scopes is refused, not created without them', async ({ api, dataName }) => {
    const response = await api.post('/v1/api-keys', { name: `${dataName}-key`, scopes: ['admin'] });

    await expectRefusedField(response, 'scopes');
  });

  test('every write operation with a body names an unknown top-level field', async ({ api, adminApi }) => {
    const operations: [string, string][] = [
      ['POST', '/v1/billing-groups/bg_missing/projects'],
      ['POST', '/v1/billing-groups/bg_missing/usage-events'],
      ['POST', '/v1/billing-groups/bg_missing/adjustments'],
      ['POST', '/v1/billing-groups/bg_missing/credits'],
      ['POST', '/v1/billing-groups/bg_missing/credits/preview'],
      ['POST', '/v1/billing-groups/bg_missing/budgets'],
      ['POST', '/v1/billing-groups/bg_missing/contract-assignments'],
      ['POST', '/v1/statements/st_missing/payments'],
      ['POST', '/v1/payments/pay_missing/settle'],
      ['POST', '/v1/statements/st_missing/credit-notes'],
      ['POST', '/v1/price-books'],
      ['POST', '/v1/contracts'],
      ['POST', '/v1/reconciliations'],
      ['POST', '/v1/webhook-endpoints'],
      ['PATCH', '/v1/webhook-endpoints/we_missing'],
      ['POST', '/v1/webhook-endpoints/we_missing/redeliveries'],
      ['POST', '/v1/calculate'],
      ['POST', '/v1/jobs/close-month'],
      ['POST', '/v1/api-keys'],
    ];
    const refused: string[] = [];
    for (const [method, path] of operations) {
      const body = { surplus: 'x' };
      const headers = { 'Idempotency-Key': `strict-${crypto.randomUUID()}` };
      const response =
        method === 'PATCH'
          ? await api.patch(path, body, { headers })
          : await api.post(path, body, { headers });
      const errors = response.status() === 422 ? (await response.json()).errors : [];
      if (errors.some((error: { field: string; rule: string }) => error.field === 'surplus')) {
        refused.push(`${method} ${path}`);
      }
    }
    const tenant = await adminApi.post('/v1/tenants', { name: 'strict', surplus: 'x' });
    if (tenant.status() === 422) refused.push('POST /v1/tenants');

    expect(refused).toEqual([...operations.map(([method, path]) => `${method} ${path}`), 'POST /v1/tenants']);
  });

  test('nested objects of a price book refuse unknown fields at every level', async ({ api, dataName }) => {
    const entry = (pricing: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      counterName: 'compute.c2.c8m8',
      unit: 'HOURS',
      pricing,
      ...extra,
    });
    const book = (entries: unknown[]) => ({ name: `${dataName}-book`, currency: 'KRW', entries });
    const tiers = [{ from: '0', to: null, unitPrice: '1', note: 'x' }];

    await expectRefusedField(
      await api.post('/v1/price-books', book([entry({ model: 'PER_UNIT', unitPrice: '1' }, { note: 'x' })])),
      'entries[0].note',
    );
    await expectRefusedField(
      await api.post(
        '/v1/price-books',
        book([entry({ model: 'PER_UNIT', unitPrice: '1', currency: 'USD' })]),
      ),
      'entries[0].pricing.currency',
    );
    await expectRefusedField(
      await api.post('/v1/price-books', book([entry({ model: 'GRADUATED', tiers })])),
      'entries[0].pricing.tiers[0].note',
    );
  });
});

test.describe('operations without a body refuse one', () => {
  test('a partial refund is refused: refund takes no amount, and the payment stays paid', async ({
    payableStatements,
    payments,
    api,
  }) => {
    const statement = await payableStatements.create();
    const payment = await payments.paid(statement.statementId, { amount: '10000', source: 'tok_success' });

    const response = await api.post(
      `/v1/payments/${payment.id}/refund`,
      { amount: '99999999' },
      { headers: { 'Idempotency-Key': payments.newKey('refund') } },
    );

    await expectRefusedField(response, 'amount');
    const [listed] = await payments.list(statement.statementId);
    expect(listed?.state).toBe('SUCCEEDED');
  });

  test('void with malformed JSON is a 400 and the statement stays issued', async ({
    payableStatements,
    statements,
    api,
  }) => {
    const statement = await payableStatements.create();

    const response = await api.post(`/v1/statements/${statement.statementId}/void`, undefined, {
      rawBody: '{oops',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ type: '/problems/malformed-json' });
    expect((await statements.get(statement.statementId)).state).toBe('ISSUED');
  });

  test('void with a field is a 422 naming it, and the statement stays issued', async ({
    payableStatements,
    statements,
    api,
  }) => {
    const statement = await payableStatements.create();

    const response = await api.post(`/v1/statements/${statement.statementId}/void`, { reason: 'duplicate' });

    await expectRefusedField(response, 'reason');
    expect((await statements.get(statement.statementId)).state).toBe('ISSUED');
  });

  test('close with a field is a 422 and the month stays open; {} and no body still close', async ({
    billingGroups,
    monthActivity,
    statements,
    api,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await monthActivity.ingestUsage(group.id, '2026-04');
    const closePath = (month: string) => `/v1/billing-groups/${group.id}/statements/${month}/close`;

    await expectRefusedField(await api.post(closePath(MARCH), { force: true }), 'force');
    expect((await statements.read(group.id, MARCH)).state).toBe('DRAFT');

    const malformed = await api.post(closePath(MARCH), undefined, {
      rawBody: '{oops',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status()).toBe(400);

    const array = await api.post(closePath(MARCH), [1]);
    expect(array.status()).toBe(422);
    expect((await array.json()).errors).toEqual([expect.objectContaining({ field: 'body' })]);

    expect((await api.post(closePath(MARCH), {})).status()).toBe(201);
    expect((await api.post(closePath('2026-04'))).status()).toBe(201);
  });

  test('void with {} or no body at all still voids', async ({ payableStatements, statements, api }) => {
    const first = await payableStatements.create();
    const second = await payableStatements.create();

    expect((await api.post(`/v1/statements/${first.statementId}/void`, {})).status()).toBe(200);
    expect((await api.post(`/v1/statements/${second.statementId}/void`)).status()).toBe(200);
    expect((await statements.get(first.statementId)).state).toBe('VOID');
    expect((await statements.get(second.statementId)).state).toBe('VOID');
  });
});
