import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

type AdjustmentBody = Schemas['Adjustment'];

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const discount = { month: '2026-03', type: 'DISCOUNT', method: 'RATE', value: '10', level: 'BILLING_GROUP' };
const path = (billingGroupId: string) => `/v1/billing-groups/${billingGroupId}/adjustments`;

test.describe('adjustments', () => {
  test('the engine’s rules refuse an adjustment, naming every broken field and rule', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const cases: [Record<string, unknown>, { field: string; rule: string }[]][] = [
      [{ ...discount, value: '100.01' }, [{ field: 'value', rule: 'max-100' }]],
      [{ ...discount, value: '-1', method: 'FIXED' }, [{ field: 'value', rule: 'non-negative' }]],
      [{ ...discount, level: 'PROJECT' }, [{ field: 'targetProjectId', rule: 'required' }]],
      [{ ...discount, targetProjectId: 'p-web' }, [{ field: 'targetProjectId', rule: 'not-allowed' }]],
      [
        { ...discount, value: '150', level: 'PROJECT' },
        [
          { field: 'value', rule: 'max-100' },
          { field: 'targetProjectId', rule: 'required' },
        ],
      ],
    ];

    for (const [body, expected] of cases) {
      const response = await api.post(path(group.id), body);
      expect(response.status(), JSON.stringify(body)).toBe(422);
      const errors: { field: string; rule: string; message: string }[] = (await response.json()).errors;
      expect(errors.map(({ field, rule }) => ({ field, rule }))).toEqual(expected);
      for (const error of errors) expect(error.message).not.toBe('');
    }
  });

  test('malformed fields are refused before the engine sees them, each named', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const response = await api.post(path(group.id), {
      month: '2026-13',
      type: 'REBATE',
      method: 'RATE',
      value: 10,
    });

    expect(response.status()).toBe(422);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['month', 'type', 'value', 'level']));
  });

  test('a surcharge rate may exceed 100%, and a value is stored normalised', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const created = await api.create<AdjustmentBody>(path(group.id), {
      ...discount,
      type: 'SURCHARGE',
      value: '150.50',
    });

    expect(created).toMatchObject({ type: 'SURCHARGE', value: '150.5', targetProjectId: null });
  });

  test('adjustments shape the month’s statement: a 10% group discount on 39700 is 3970', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, '2026-03', { hours: '100' });

    await api.create(path(group.id), discount);

    const draft = await statements.read(group.id, '2026-03');
    expect(draft.result.adjustmentTotal).toEqualMoney('-3970');
    expect(draft.result.chargeBeforeCredits).toEqualMoney('35730');
  });

  test('the list filters by month and pages through with a cursor', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();
    const march: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      march.push(
        (await api.create<AdjustmentBody>(path(group.id), { ...discount, value: String(index + 1) })).id,
      );
    }
    await api.create(path(group.id), { ...discount, month: '2026-04' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `month=2026-03&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page<AdjustmentBody> = await api.read(`${path(group.id)}?${query}`);
      expect(page.items.every((item) => item.month === '2026-03')).toBe(true);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.sort()).toEqual(march.sort());
    expect((await api.read<Page<AdjustmentBody>>(path(group.id))).items).toHaveLength(4);
  });

  test('a deleted adjustment is gone; deleting it again is a 404', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();
    const adjustment = await api.create<AdjustmentBody>(path(group.id), discount);

    expect((await api.delete(`${path(group.id)}/${adjustment.id}`)).status()).toBe(204);

    expect((await api.read<Page<AdjustmentBody>>(path(group.id))).items).toEqual([]);
    expect((await api.delete(`${path(group.id)}/${adjustment.id}`)).status()).toBe(404);
  });

  test('a closed month’s adjustments are frozen: adding or deleting is a 409 period-closed', async ({
    api,
    billingGroups,
    statements,
  }) => {
    const group = await billingGroups.create();
    const march = await api.create<AdjustmentBody>(path(group.id), discount);
    await test.step('close March', async () => {
      await statements.close(group.id, '2026-03');
    });

    const added = await api.post(path(group.id), discount);
    const deleted = await api.delete(`${path(group.id)}/${march.id}`);

    for (const response of [added, deleted]) {
      expect(response.status()).toBe(409);
      expect(await response.json()).toMatchObject({ type: '/problems/period-closed', month: '2026-03' });
    }
    expect((await api.read<Page<AdjustmentBody>>(path(group.id))).items.map((item) => item.id)).toEqual([
      march.id,
    ]);
    await api.create(path(group.id), { ...discount, month: '2026-04' });
  });

  test('another tenant cannot see, add to or delete a group’s adjustments', async ({
    api,
    billingGroups,
    createTenant,
  }) => {
    const group = await billingGroups.create();
    const adjustment = await api.create<AdjustmentBody>(path(group.id), discount);
    const other = await createTenant();
    const theirGroup = await other.api.create<{ id: string }>('/v1/billing-groups', { name: 'theirs' });

    expect((await other.api.get(path(group.id))).status()).toBe(404);
    expect((await other.api.post(path(group.id), discount)).status()).toBe(404);
    expect((await other.api.delete(`${path(group.id)}/${adjustment.id}`)).status()).toBe(404);
    expect((await other.api.delete(`${path(theirGroup.id)}/${adjustment.id}`)).status()).toBe(404);
    expect((await api.read<Page<AdjustmentBody>>(path(group.id))).items).toHaveLength(1);
  });
});
