import fc from 'fast-check';
import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { apiRuns } from '../support/fixtures/random';
import { settleAll } from '../support/settle-all';

/**
 * Property of statement numbers (DOMAIN §6, issue 22): whatever closes, voids and reissues race one
 * another, a tenant's numbers per year are exactly 1…n with no gap and none twice, n being the closes
 * the API answered 201; a refused close takes none, a voided statement keeps its own, and the number
 * a close answered is the one stored. Each run numbers a tenant of its own, so it sees the whole
 * sequence; months run over a year's end so that two sequences count at once.
 */

type Statement = Schemas['Statement'];

const MONTHS = ['2025-12', '2026-01', '2026-02'] as const;
type Month = (typeof MONTHS)[number];

type Action = { kind: 'close'; group: number; month: Month } | { kind: 'void'; group: number };

interface Scenario {
  /** The months each group has usage in (at least one). */
  groups: Month[][];
  /** Waves of actions; the actions of a wave are sent all at once, a wave after the one before it. */
  waves: Action[][];
}

const GROUPS = 4;

const scenario: fc.Arbitrary<Scenario> = fc.record({
  groups: fc.array(fc.subarray([...MONTHS], { minLength: 1 }), { minLength: 2, maxLength: GROUPS }),
  waves: fc.array(
    fc.array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('close' as const),
            group: fc.nat({ max: GROUPS - 1 }),
            month: fc.constantFrom(...MONTHS),
          }),
        },
        // Voids often enough that reissues (a close of a voided month) race the other closes.
        {
          weight: 2,
          arbitrary: fc.record({ kind: fc.constant('void' as const), group: fc.nat({ max: GROUPS - 1 }) }),
        },
      ),
      { minLength: 2, maxLength: 8 },
    ),
    // More than one wave, so that later waves void and reissue what earlier ones closed.
    { minLength: 2, maxLength: 5 },
  ),
});

/** What the closes and voids answered: every 201 close is a statement that must hold a number. */
interface Answers {
  closed: Statement[];
  voided: Statement[];
}

async function newestLiveStatement(api: BillingApi, groupId: string) {
  const { items } = await api.read<{ items: Statement[] }>(
    `/v1/billing-groups/${groupId}/statements?limit=100`,
  );
  return items
    .filter((statement) => statement.closedAt !== null && statement.voidedAt === null)
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
}

async function act(api: BillingApi, groupIds: string[], action: Action, answers: Answers) {
  const groupId = groupIds[action.group % groupIds.length] as string;
  if (action.kind === 'close') {
    const response = await api.post(`/v1/billing-groups/${groupId}/statements/${action.month}/close`, {});
    const body = await response.json();
    // Refusals are part of the race (month order, a month already closed, the close fence), never a 5xx.
    expect([201, 409], `close ${action.month}: ${JSON.stringify(body)}`).toContain(response.status());
    if (response.status() === 201) answers.closed.push(body as Statement);
    return;
  }
  const newest = await newestLiveStatement(api, groupId);
  if (!newest?.statementId) return;
  const response = await api.post(`/v1/statements/${newest.statementId}/void`, {});
  const body = await response.json();
  expect([200, 409], `void ${newest.month}: ${JSON.stringify(body)}`).toContain(response.status());
  if (response.status() === 200) answers.voided.push(body as Statement);
}

test.describe('properties: statement numbers', () => {
  test('property: numbers are gapless and unique per tenant and year under concurrent closes, voids and reissues', async ({
    checkApiProperty,
    createTenant,
  }) => {
    // A run is a tenant, a few groups and up to 40 requests: a handful keeps the suite fast. Shrinking
    // a failure reruns it dozens of times, hence the time beyond the runs themselves.
    test.setTimeout(60_000 + apiRuns * 5_000);
    await checkApiProperty(scenario, async ({ groups, waves }) => {
      const { api } = await createTenant();
      const groupIds = await Promise.all(
        groups.map(async (months, index) => {
          const group = await api.create<{ id: string }>('/v1/billing-groups', { name: `numbers-${index}` });
          await api.create(
            `/v1/billing-groups/${group.id}/usage-events`,
            {
              events: months.map((month) => ({
                eventId: `n-${index}-${month}`,
                projectId: 'p-numbers',
                counterName: 'compute.c2.c8m8',
                counterType: 'DELTA',
                unit: 'HOURS',
                volume: '1',
                timestamp: `${month}-10T00:00:00Z`,
              })),
            },
            200,
          );
          return group.id;
        }),
      );
      const answers: Answers = { closed: [], voided: [] };
      for (const wave of waves) {
        await settleAll(wave.map((action) => act(api, groupIds, action, answers)));
      }

      const stored = (
        await Promise.all(
          groupIds.map((id) =>
            api.read<{ items: Statement[] }>(`/v1/billing-groups/${id}/statements?limit=100`),
          ),
        )
      ).flatMap((page) => page.items.filter((statement) => statement.closedAt !== null));
      for (const year of ['2025', '2026']) {
        const closes = answers.closed.filter((statement) => statement.month.startsWith(year)).length;
        const numbers = stored
          .filter((statement) => statement.month.startsWith(year))
          .map((statement) => statement.number)
          .sort();
        expect(
          numbers,
          `${year}: one number for each of the ${closes} closes answered 201, 1 to ${closes}`,
        ).toEqual(
          Array.from({ length: closes }, (_, index) => `ST-${year}-${String(index + 1).padStart(6, '0')}`),
        );
      }
      const numberOf = new Map(stored.map((statement) => [statement.statementId, statement.number]));
      for (const closed of answers.closed) {
        expect(numberOf.get(closed.statementId), `the number ${closed.month}'s close answered is kept`).toBe(
          closed.number,
        );
      }
      for (const voided of answers.voided) {
        expect(voided.state, `${voided.number} voided`).toBe('VOID');
        expect(numberOf.get(voided.statementId), 'a voided statement keeps its number').toBe(voided.number);
      }
    });
  });
});
