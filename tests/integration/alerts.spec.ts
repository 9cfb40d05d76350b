import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

/**
 * Alerts (DOMAIN §8b): a budget crossed reports `budget.threshold_crossed` once per month and
 * threshold; a grant below its low-balance threshold reports `credit.low` once; a grant that expires
 * within seven days with a balance left reports `credit.expiring` once. Each test has a tenant and an
 * endpoint of its own (`webhookTenant`), so every event it sees is its own.
 */

type Budget = Schemas['Budget'];
const RECEIVED = { timeout: 15_000, intervals: [100] };
const MONTH = new Date().toISOString().slice(0, 7);

function computeHours(eventId: string, hours: string, timestamp = new Date().toISOString()) {
  return {
    eventId,
    projectId: 'p-alerts',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA',
    unit: 'HOURS',
    volume: hours,
    timestamp,
  };
}

test.describe('alerts: budgets', () => {
  test('crossing a running-total budget is reported once, however much more usage arrives', async ({
    webhookTenant,
    webhookReceiver,
  }) => {
    const { api } = webhookTenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'budgeted' });
    const budget = await api.create<Budget>(`/v1/billing-groups/${group.id}/budgets`, {
      name: 'monthly cap',
      kind: 'TOTAL',
      threshold: '50000',
    });
    expect(budget).toMatchObject({ month: MONTH, value: '0', crossed: false, crossedAt: null });

    // 100 hours: 39700 + VAT 3970 = 43670, under the threshold.
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      { events: [computeHours('a-1', '100')] },
      200,
    );
    // 100 more: 87340, over it; and 100 more again: still the same crossing.
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      { events: [computeHours('a-2', '100')] },
      200,
    );
    await expect.poll(() => webhookReceiver.events(budget.id).length, RECEIVED).toBe(1);
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      { events: [computeHours('a-3', '100')] },
      200,
    );

    const listed = await api.read<{ items: Budget[] }>(`/v1/billing-groups/${group.id}/budgets`);
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: budget.id,
        value: '131010',
        crossed: true,
        crossedAt: expect.any(String),
      }),
    ]);
    const [crossing] = webhookReceiver.events(budget.id);
    expect(crossing).toMatchObject({ type: 'budget.threshold_crossed' });
    expect(crossing?.data.object).toMatchObject({
      id: budget.id,
      month: MONTH,
      threshold: '50000',
      crossed: true,
    });
    expect(await webhookTenant.events('type=budget.threshold_crossed')).toHaveLength(1);

    await test.step('a look at another month reports nothing, and uses up nothing', async () => {
      const next = await api.read<{ items: Budget[] }>(
        `/v1/billing-groups/${group.id}/budgets?month=2099-01`,
      );
      expect(next.items[0]).toMatchObject({ month: '2099-01', crossedAt: null });
      expect(await webhookTenant.events('type=budget.threshold_crossed')).toHaveLength(1);
    });
  });

  test('a quantity budget watches one counter; a budget already crossed reports at its creation', async ({
    webhookTenant,
    webhookReceiver,
  }) => {
    const { api } = webhookTenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'quantity' });
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      { events: [computeHours('q-1', '30')] },
      200,
    );

    const over = await api.create<Budget>(`/v1/billing-groups/${group.id}/budgets`, {
      name: 'compute hours',
      kind: 'QUANTITY',
      counterName: 'compute.c2.c8m8',
      threshold: '25',
    });
    const other = await api.create<Budget>(`/v1/billing-groups/${group.id}/budgets`, {
      name: 'gpu hours',
      kind: 'QUANTITY',
      counterName: 'compute.g1.gpu',
      threshold: '1',
    });
    expect(over).toMatchObject({ value: '30', crossed: true, crossedAt: expect.any(String) });
    expect(other).toMatchObject({ value: '0', crossed: false });
    await expect.poll(() => webhookReceiver.events(over.id).length, RECEIVED).toBe(1);
    expect(webhookReceiver.events(other.id)).toEqual([]);
  });
});

test.describe('alerts: credit', () => {
  test('a close that takes a grant below its threshold reports credit.low once', async ({
    webhookTenant,
    webhookReceiver,
    payableStatements,
  }) => {
    const { api } = webhookTenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'low credit' });
    const grant = await api.create<{ id: string; lowBalanceThreshold: string }>(
      `/v1/billing-groups/${group.id}/credits`,
      {
        type: 'PROMOTIONAL',
        amount: '50000',
        grantedAt: '2026-01-01T00:00:00Z',
        lowBalanceThreshold: '10000',
      },
    );
    expect(grant.lowBalanceThreshold).toBe('10000');
    const first = { billingGroupId: group.id, statementId: '', month: '2026-02', total: '' };
    // February's 100 hours (39700 before VAT) leave 10300: not below the threshold yet.
    await payableStatements.closeMonth(first, '2026-02', { api, hours: '100' });
    expect(webhookReceiver.events(grant.id)).toEqual([]);
    // March's one hour (397) leaves 9903: below it.
    await payableStatements.closeMonth(first, '2026-03', { api, hours: '1' });

    await expect
      .poll(() => webhookReceiver.events(grant.id).map((event) => event.type), RECEIVED)
      .toEqual(['credit.low']);
    expect(webhookReceiver.events(grant.id)[0]?.data.object).toMatchObject({ id: grant.id, balance: '9903' });
  });

  test('a grant that expires within seven days with a balance left reports credit.expiring', async ({
    webhookTenant,
    webhookReceiver,
  }) => {
    const { api } = webhookTenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'expiring' });
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const inMonths = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString();
    const soon = await api.create<{ id: string }>(`/v1/billing-groups/${group.id}/credits`, {
      type: 'FREE',
      amount: '1000',
      expiresAt: inThreeDays,
    });
    const later = await api.create<{ id: string }>(`/v1/billing-groups/${group.id}/credits`, {
      type: 'FREE',
      amount: '1000',
      expiresAt: inMonths,
    });

    await expect
      .poll(() => webhookReceiver.events(soon.id).map((event) => event.type), RECEIVED)
      .toEqual(['credit.expiring']);
    expect(webhookReceiver.events(later.id)).toEqual([]);
    expect(await webhookTenant.events('type=credit.expiring')).toHaveLength(1);
  });
});
