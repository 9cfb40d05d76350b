import { expect, test } from '../support/api-test';

const MARCH = '2026-03';

test.describe('contract: statements', () => {
  test('a draft matches its schema', async ({ api, billingGroups, monthActivity }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}`);

    expect(response.status()).toBe(200);
    await expect(response).toMatchContract('getStatementOfMonth');
  });

  test('a closed month read by month matches its schema', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await statements.close(group.id, MARCH);

    await expect(await api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}`)).toMatchContract(
      'getStatementOfMonth',
    );
  });

  test('a statement of an unknown billing group is a 404 problem', async ({ api }) => {
    const response = await api.get(`/v1/billing-groups/bg_missing/statements/${MARCH}`);

    expect(response.status()).toBe(404);
    await expect(response).toMatchContract('getStatementOfMonth');
  });

  test('a malformed month is a 422 problem', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/March`);

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('getStatementOfMonth');
  });

  test('a group that has no price book in its currency is a 409 problem', async ({ api, billingGroups }) => {
    const group = await billingGroups.create({ currency: 'EUR' });

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}`);

    expect(response.status()).toBe(409);
    await expect(response).toMatchContract('getStatementOfMonth');
  });

  test('a statement without an API key is a 401 problem', async ({ anonymousApi }) => {
    const response = await anonymousApi.get(`/v1/billing-groups/bg_any/statements/${MARCH}`);

    expect(response.status()).toBe(401);
    await expect(response).toMatchContract('getStatementOfMonth');
  });

  test('the explain trace matches its schema, and an unknown group is a 404', async ({
    api,
    billingGroups,
    monthActivity,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);

    const explained = await api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}/explain`);
    const missing = await api.get(`/v1/billing-groups/bg_missing/statements/${MARCH}/explain`);

    expect([explained.status(), missing.status()]).toEqual([200, 404]);
    await expect(explained).toMatchContract('explainStatementOfMonth');
    await expect(missing).toMatchContract('explainStatementOfMonth');
  });

  test('closing matches its schema, and closing again is a 409 problem', async ({
    api,
    billingGroups,
    monthActivity,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);

    const closed = await api.post(`/v1/billing-groups/${group.id}/statements/${MARCH}/close`);
    const again = await api.post(`/v1/billing-groups/${group.id}/statements/${MARCH}/close`);

    expect([closed.status(), again.status()]).toEqual([201, 409]);
    await expect(closed).toMatchContract('closeStatementOfMonth');
    await expect(again).toMatchContract('closeStatementOfMonth');
  });

  test('closing an unknown group is a 404 and a malformed month a 422', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const missing = await api.post(`/v1/billing-groups/bg_missing/statements/${MARCH}/close`);
    const malformed = await api.post(`/v1/billing-groups/${group.id}/statements/2026-3/close`);

    expect([missing.status(), malformed.status()]).toEqual([404, 422]);
    await expect(missing).toMatchContract('closeStatementOfMonth');
    await expect(malformed).toMatchContract('closeStatementOfMonth');
  });

  test('closing with a body that is not JSON is a 415 problem', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/statements/${MARCH}/close`, undefined, {
      rawBody: 'month=2026-03',
      headers: { 'Content-Type': 'text/plain' },
    });

    expect(response.status()).toBe(415);
    await expect(response).toMatchContract('closeStatementOfMonth');
  });

  test('the statement list matches its schema, and an unknown group is a 404', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await statements.close(group.id, MARCH);

    const listed = await api.get(`/v1/billing-groups/${group.id}/statements?limit=1`);
    const missing = await api.get('/v1/billing-groups/bg_missing/statements');

    expect([listed.status(), missing.status()]).toEqual([200, 404]);
    await expect(listed).toMatchContract('listStatements');
    await expect(missing).toMatchContract('listStatements');
  });

  test('a statement list with a bad limit is a 422 problem', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.get(`/v1/billing-groups/${group.id}/statements?limit=0`);

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('listStatements');
  });

  test('a statement by id matches its schema, and an unknown id is a 404', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);

    const found = await api.get(`/v1/statements/${closed.statementId}`);
    const missing = await api.get('/v1/statements/st_missing');

    expect([found.status(), missing.status()]).toEqual([200, 404]);
    await expect(found).toMatchContract('getStatement');
    await expect(missing).toMatchContract('getStatement');
  });

  test('voiding matches its schema, and voiding again is a 409 problem', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);

    const voided = await api.post(`/v1/statements/${closed.statementId}/void`);
    const again = await api.post(`/v1/statements/${closed.statementId}/void`);

    expect([voided.status(), again.status()]).toEqual([200, 409]);
    await expect(voided).toMatchContract('voidStatement');
    await expect(again).toMatchContract('voidStatement');
  });

  test('voiding an unknown statement is a 404 problem', async ({ api }) => {
    const response = await api.post('/v1/statements/st_missing/void');

    expect(response.status()).toBe(404);
    await expect(response).toMatchContract('voidStatement');
  });

  test('a replay matches its schema, and an unknown statement is a 404', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);

    const replayed = await api.post(`/v1/statements/${closed.statementId}/replay`);
    const missing = await api.post('/v1/statements/st_missing/replay');

    expect([replayed.status(), missing.status()]).toEqual([200, 404]);
    await expect(replayed).toMatchContract('replayStatement');
    await expect(missing).toMatchContract('replayStatement');
  });

  test('a reconciliation matches its schema, and an unknown statement is a 404', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);

    const reconciled = await api.post(`/v1/statements/${closed.statementId}/reconcile`);
    const missing = await api.post('/v1/statements/st_missing/reconcile');

    expect([reconciled.status(), missing.status()]).toEqual([200, 404]);
    expect((await reconciled.json()).clean).toBe(true);
    await expect(reconciled).toMatchContract('reconcileStatement');
    await expect(missing).toMatchContract('reconcileStatement');
  });

  test('a month’s reconciliation sweep and its findings match their schemas; a bad month is a 422', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await statements.close(group.id, MARCH);

    const sweep = await api.post('/v1/reconciliations', { month: MARCH });
    const badMonth = await api.post('/v1/reconciliations', { month: '2026-13' });
    const findings = await api.get(`/v1/reconciliation-findings?month=${MARCH}&limit=5`);

    expect([sweep.status(), badMonth.status(), findings.status()]).toEqual([201, 422, 200]);
    await expect(sweep).toMatchContract('runReconciliation');
    await expect(badMonth).toMatchContract('runReconciliation');
    await expect(findings).toMatchContract('listReconciliationFindings');
  });
});
