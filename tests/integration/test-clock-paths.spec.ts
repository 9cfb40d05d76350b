import fc from 'fast-check';
import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

/**
 * Clock-path independence (DOMAIN §8a), as a property: two identical groups on two clocks, one
 * advanced to the end in one step, the other through random stops on the way, end with the same
 * statements, the same credit ledger and the same events at the same simulated times. What an
 * advance runs depends on the data, never on where earlier advances stopped.
 */

type TestClock = Schemas['TestClock'];
type Statement = Schemas['Statement'];

const START = Date.parse('2026-01-12T00:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface Scenario {
  /** Hours of compute in the start month. */
  hours: number;
  /** The credit's amount and its expiry, days after the start. */
  credit: number;
  expiresAfterDays: number;
  autoClose: boolean;
  /** Where the clock ends, hours after the start; and the stops of the many-step path. */
  endAfterHours: number;
  stops: number[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    hours: fc.integer({ min: 1, max: 500 }),
    credit: fc.constantFrom(1_000, 50_000, 10_000_000),
    expiresAfterDays: fc.integer({ min: 1, max: 80 }),
    autoClose: fc.boolean(),
    // At least to February 1st, 02:00, the daily run that auto-closes January, which the property
    // checks: 20 days after the start is February 1st at midnight, two hours short of it.
    endAfterHours: fc.integer({ min: 20 * 24 + 2, max: 95 * 24 }),
    // Stops around the 02:00 runs most of all: just before one, on one, just after one.
    stopDays: fc.uniqueArray(fc.integer({ min: 0, max: 95 }), { maxLength: 5 }),
    stopHour: fc.constantFrom(0, 1, 2, 3, 13),
  })
  .map(({ stopDays, stopHour, ...rest }) => ({
    ...rest,
    stops: stopDays
      .map((day) => day * 24 + stopHour)
      .filter((hours) => hours > 0 && hours < rest.endAfterHours)
      .sort((a, b) => a - b),
  }));

async function advanceTo(api: BillingApi, clockId: string, to: number): Promise<void> {
  await api.create(`/v1/test-clocks/${clockId}/advance`, { to: new Date(to).toISOString() }, 202);
  await expect
    .poll(async () => (await api.read<TestClock>(`/v1/test-clocks/${clockId}`)).status, { timeout: 30_000 })
    .toBe('READY');
}

async function groupOnClock(api: BillingApi, name: string, plan: Scenario) {
  const clock = await api.create<TestClock>('/v1/test-clocks', {
    name,
    frozenTime: new Date(START).toISOString(),
  });
  const group = await api.create<{ id: string }>('/v1/billing-groups', {
    name,
    autoClose: plan.autoClose,
    testClockId: clock.id,
  });
  await api.create(`/v1/billing-groups/${group.id}/credits`, {
    type: 'PROMOTIONAL',
    amount: String(plan.credit),
    expiresAt: new Date(START + plan.expiresAfterDays * DAY).toISOString(),
  });
  await api.create(
    `/v1/billing-groups/${group.id}/usage-events`,
    {
      events: [
        {
          eventId: `${name}-usage`,
          projectId: 'p-paths',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: String(plan.hours),
          timestamp: new Date(START + HOUR).toISOString(),
        },
      ],
    },
    200,
  );
  return { clockId: clock.id, groupId: group.id };
}

/** What a group went through, without the ids that differ between the two. */
async function history(api: BillingApi, groupId: string) {
  const { items: listed } = await api.read<{ items: Statement[] }>(
    `/v1/billing-groups/${groupId}/statements`,
  );
  const statements = await Promise.all(
    listed.map((item) => api.read<Statement>(`/v1/statements/${item.statementId}`)),
  );
  const { items: ledger } = await api.read<{ items: { kind: string; amount: string; at: string }[] }>(
    `/v1/billing-groups/${groupId}/credit-ledger`,
  );
  const { items: events } = await api.read<{
    items: { type: string; createdAt: string; data: { object: { billingGroupId?: string } } }[];
  }>('/v1/events?limit=100');
  return {
    statements: statements
      .map((statement) => ({
        month: statement.month,
        state: statement.state,
        closedAt: statement.closedAt,
        dueAt: statement.dueAt,
        total: statement.total,
        creditTotal: statement.result.creditTotal,
        lateFee: statement.result.lateFee,
      }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    ledger: ledger.map(({ kind, amount, at }) => ({ kind, amount, at })),
    events: events
      .filter((event) => event.data.object.billingGroupId === groupId)
      .map((event) => [event.type, event.createdAt])
      .sort(),
  };
}

test.describe('test clocks: the path an advance takes', () => {
  test('one step or many small ones: the same statements, ledger and events', async ({
    createTenant,
    checkApiProperty,
  }) => {
    test.setTimeout(180_000);
    await checkApiProperty(scenario, async (plan) => {
      // A tenant per run: its event list holds only this run's groups.
      const { api } = await createTenant();
      const oneStep = await groupOnClock(api, 'one-step', plan);
      const manySteps = await groupOnClock(api, 'many-steps', plan);
      const end = START + plan.endAfterHours * HOUR;
      await advanceTo(api, oneStep.clockId, end);
      for (const stop of [...plan.stops.map((hours) => START + hours * HOUR), end]) {
        await advanceTo(api, manySteps.clockId, stop);
      }
      const expected = await history(api, oneStep.groupId);
      expect(await history(api, manySteps.groupId)).toEqual(expected);
      // The property is about something: an auto-closing group closed its start month on the way.
      if (plan.autoClose)
        expect(expected.statements.map((statement) => statement.month)).toContain('2026-01');
    });
  });
});
