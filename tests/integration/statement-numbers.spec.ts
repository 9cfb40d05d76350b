import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

/**
 * Statement numbers (DOMAIN §6): gapless per tenant and year, in the order the closes commit,
 * `ST-<year>-<NNNNNN>`; a voided statement keeps its number and its reissue gets the next one. Each
 * test numbers the statements of a tenant of its own, so it sees the whole sequence.
 */

type Statement = Schemas['Statement'];

function hoursIn(month: string, eventId: string) {
  return {
    events: [
      {
        eventId,
        projectId: 'p-numbers',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        volume: '1',
        timestamp: `${month}-10T00:00:00Z`,
      },
    ],
  };
}

test.describe('statement numbers', () => {
  test('20 concurrent closes across groups take 20 consecutive numbers, none twice', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const groups = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        api.create<{ id: string }>('/v1/billing-groups', { name: `n-${index}` }),
      ),
    );
    await Promise.all(
      groups.map((group, index) =>
        api.create(`/v1/billing-groups/${group.id}/usage-events`, hoursIn('2026-03', `n-${index}`), 200),
      ),
    );

    const closed = await Promise.all(
      groups.map((group) =>
        api.create<Statement>(`/v1/billing-groups/${group.id}/statements/2026-03/close`, {}),
      ),
    );

    const numbers = closed.map((statement) => statement.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, index) => `ST-2026-${String(index + 1).padStart(6, '0')}`),
    );
    const reread = await Promise.all(
      closed.map((statement) => api.read<Statement>(`/v1/statements/${statement.statementId}`)),
    );
    expect(reread.map((statement) => statement.number)).toEqual(closed.map((statement) => statement.number));
  });

  test('closes that lose a race for the same month take no number: the next close gets the next one', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const [racing, after] = await Promise.all([
      api.create<{ id: string }>('/v1/billing-groups', { name: 'racing' }),
      api.create<{ id: string }>('/v1/billing-groups', { name: 'after' }),
    ]);
    await api.create(`/v1/billing-groups/${racing.id}/usage-events`, hoursIn('2026-03', 'race'), 200);
    await api.create(`/v1/billing-groups/${after.id}/usage-events`, hoursIn('2026-03', 'after'), 200);

    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.post(`/v1/billing-groups/${racing.id}/statements/2026-03/close`, {}),
      ),
    );
    expect(attempts.map((attempt) => attempt.status()).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const next = await api.create<Statement>(`/v1/billing-groups/${after.id}/statements/2026-03/close`, {});

    expect(next.number).toBe('ST-2026-000002');
  });

  test('a voided statement keeps its number, its reissue takes the next, and a new year starts at 1', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'reissue' });
    const path = `/v1/billing-groups/${group.id}`;
    await api.create(`${path}/usage-events`, hoursIn('2025-12', 'dec'), 200);
    await api.create(`${path}/usage-events`, hoursIn('2026-01', 'jan'), 200);

    const december = await api.create<Statement>(`${path}/statements/2025-12/close`, {});
    const january = await api.create<Statement>(`${path}/statements/2026-01/close`, {});
    expect([december.number, january.number]).toEqual(['ST-2025-000001', 'ST-2026-000001']);

    const voided = await api.create<Statement>(`/v1/statements/${january.statementId}/void`, {}, 200);
    expect(voided).toMatchObject({ state: 'VOID', number: 'ST-2026-000001' });
    const reissued = await api.create<Statement>(`${path}/statements/2026-01/close`, {});
    expect(reissued.number).toBe('ST-2026-000002');

    const listed = await api.read<{ items: { number: string; state: string }[] }>(`${path}/statements`);
    // December's outstanding amount went into January's statement, which carries it forward.
    expect(listed.items.map((item) => [item.number, item.state]).sort()).toEqual([
      ['ST-2025-000001', 'CARRIED_FORWARD'],
      ['ST-2026-000001', 'VOID'],
      ['ST-2026-000002', 'ISSUED'],
    ]);
    const draft = await api.read<Statement>(`${path}/statements/2026-02`);
    expect(draft.number).toBeNull();
  });
});
