import { expect, test } from '../support/api-test';

test.describe('contract: credit notes', () => {
  test('a credit note and the list match their schemas; refusals are problems naming the field', async ({
    payableStatements,
    api,
  }) => {
    const statement = await payableStatements.create();
    const path = `/v1/statements/${statement.statementId}/credit-notes`;

    const created = await api.post(path, { net: '1000', reason: 'outage', lineId: null });
    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createCreditNote');
    await expect(await api.get(path)).toMatchContract('listCreditNotes');

    for (const [body, field, rule] of [
      [{ net: '0', reason: 'zero' }, 'net', 'positive'],
      [{ net: '10.5', reason: 'half a won' }, 'net', 'minor-unit'],
      [{ net: '100', reason: 'no such line', lineId: 'line-missing' }, 'lineId', 'unknown-line'],
      [{ net: '999999', reason: 'more than the total' }, 'net', 'exceeds-total'],
    ] as const) {
      const refused = await api.post(path, body);
      expect(refused.status(), JSON.stringify(body)).toBe(422);
      await expect(refused).toMatchContract('createCreditNote');
      expect((await refused.json()).errors).toEqual([expect.objectContaining({ field, rule })]);
    }
    const missing = await api.get('/v1/statements/st_missing/credit-notes');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('listCreditNotes');
  });
});
