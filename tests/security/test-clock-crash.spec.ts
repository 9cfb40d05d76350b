import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { createEdgeTenant, type EdgeTenant, onEdge, postAs } from './support/edge-tenant';
import { mapConcurrently, RawHttp } from './support/http';
import { readAll, statementsOfMonth } from './support/ledger';

/**
 * A test clock's advance (DOMAIN §8a) killed mid-way (SIGKILL to workerd, or to the Node host)
 * finishes by itself after a restart, with no client request: on Workers the runner's Durable
 * Object alarm fires again, on Node the stale sweep takes the advance over. Every run it passed
 * ran once: each group's month closed once, at the run's simulated time, and each grant expired
 * once. Each test runs an edge of its own.
 */

type TestClock = Schemas['TestClock'];
type LedgerEntry = { kind: string; grantId: string; at: string };

const START = '2026-01-05T00:00:00Z';
const TARGET = '2026-12-31T00:00:00Z';
/** Grants per group, each expiring on a day of its own: runs with work all through the year. */
const GRANTS = 12;

/** Waits, reading only, until the advance the restart found unfinished has finished by itself. */
async function untilReadyAfterRestart(tenant: EdgeTenant, clockId: string, timeout: number): Promise<void> {
  const stalled = await tenant.read<TestClock>(`/v1/test-clocks/${clockId}`);
  expect(stalled.status, 'the restart found the advance unfinished').toBe('ADVANCING');
  await expect
    .poll(async () => (await tenant.read<TestClock>(`/v1/test-clocks/${clockId}`)).status, {
      message: 'the advance finishes by itself, no request after the restart',
      intervals: [200],
      timeout,
    })
    .toBe('READY');
}

/** A clock with `groups` auto-closing groups, each with usage in January and GRANTS expiring grants. */
async function busyClock(
  tenant: EdgeTenant,
  groups: number,
): Promise<{ clockId: string; groupIds: string[] }> {
  const clock = await postAs(tenant, '/v1/test-clocks', { name: 'crash', frozenTime: START });
  const groupIds = await mapConcurrently(
    Array.from({ length: groups }, (_, index) => index),
    4,
    async (index) => {
      const group = await postAs(tenant, '/v1/billing-groups', {
        name: `clock-crash-${index}`,
        autoClose: true,
        testClockId: clock.id,
      });
      const path = `/v1/billing-groups/${group.id}`;
      for (let grant = 0; grant < GRANTS; grant += 1) {
        const expiresAt = new Date(Date.parse(START) + (grant * 27 + index + 3) * 86_400_000).toISOString();
        await postAs(tenant, `${path}/credits`, { type: 'PROMOTIONAL', amount: '10', expiresAt });
      }
      await postAs(tenant, `${path}/usage-events`, {
        events: [
          {
            eventId: `clock-crash-${index}`,
            projectId: 'p-crash',
            counterName: 'compute.c2.c8m8',
            counterType: 'DELTA',
            unit: 'HOURS',
            volume: '100',
            timestamp: START,
          },
        ],
      });
      return group.id as string;
    },
  );
  return { clockId: clock.id as string, groupIds };
}

/** What every group must show once the advance is done: January closed once, every grant expired once. */
async function problemsOf(tenant: EdgeTenant, groupIds: string[]): Promise<string[]> {
  const perGroup = await mapConcurrently(groupIds, 4, async (groupId) => {
    const found: string[] = [];
    const january = await statementsOfMonth(tenant.read, groupId, '2026-01');
    const closedAt = january.map((statement) => statement.closedAt);
    if (JSON.stringify(closedAt) !== JSON.stringify(['2026-02-01T02:00:00.000Z'])) {
      found.push(`${groupId}: January closed at ${JSON.stringify(closedAt)}`);
    }
    const ledger = await readAll<LedgerEntry>(tenant.read, `/v1/billing-groups/${groupId}/credit-ledger`);
    const expiries = ledger.filter((entry) => entry.kind === 'EXPIRE');
    const grants = new Set(ledger.filter((entry) => entry.kind === 'GRANT').map((entry) => entry.grantId));
    const expiredOnce = new Set(expiries.map((entry) => entry.grantId));
    // January's statement took the first grants' 10 each; the rest expire, each once, at a 02:00 run.
    if (expiries.length !== expiredOnce.size) found.push(`${groupId}: a grant expired twice`);
    if (expiries.some((entry) => !entry.at.endsWith('T02:00:00.000Z')))
      found.push(`${groupId}: an expiry off a run`);
    if ([...expiredOnce].some((grantId) => !grants.has(grantId))) found.push(`${groupId}: an unknown grant`);
    return found;
  });
  return perGroup.flat();
}

test.describe('test clock crash safety', { tag: ['@slow'] }, () => {
  test('an advance killed mid-way on workerd finishes by itself after a restart: every run ran once', async ({
    privateEdges,
  }) => {
    test.setTimeout(240_000);
    let edge = await privateEdges.start();
    let tenant = await createEdgeTenant(new RawHttp(edge.url), 'clock crash tenant');
    const { clockId, groupIds } = await busyClock(tenant, 6);

    await test.step('advance a year and kill workerd while it runs', async () => {
      await postAs(tenant, `/v1/test-clocks/${clockId}/advance`, { to: TARGET });
      let seen: TestClock | null = null;
      await expect
        .poll(
          async () => {
            seen = await tenant.read<TestClock>(`/v1/test-clocks/${clockId}`);
            return seen.status !== 'ADVANCING' || seen.progress.runsDone >= 40;
          },
          { message: 'the advance passes its first month', intervals: [5], timeout: 120_000 },
        )
        .toBe(true);
      expect((seen as TestClock | null)?.status, 'the clock must still be advancing when killed').toBe(
        'ADVANCING',
      );
      expect((await edge.crash()).length).toBeGreaterThan(0);
    });

    await test.step('restart on the same local D1, and only read the clock', async () => {
      edge = await privateEdges.restart(edge);
      tenant = onEdge(tenant, new RawHttp(edge.url));
      await untilReadyAfterRestart(tenant, clockId, 120_000);
    });
    const clock = await tenant.read<TestClock>(`/v1/test-clocks/${clockId}`);
    expect(clock.frozenTime).toBe(new Date(TARGET).toISOString());
    expect(await problemsOf(tenant, groupIds)).toEqual([]);
  });

  test('on the Node host, an advance whose process was killed is taken over by the stale sweep', async ({
    nodeEdges,
  }) => {
    test.setTimeout(180_000);
    // The lease after which the restarted host's sweep takes the orphaned advance over (default 30 s).
    let edge = await nodeEdges.start({ JOB_LEASE_SECONDS: '1', EDGE_LOG_LEVEL: 'error' });
    let tenant = await createEdgeTenant(new RawHttp(edge.url), 'clock crash tenant');
    const { clockId, groupIds } = await busyClock(tenant, 6);
    await postAs(tenant, `/v1/test-clocks/${clockId}/advance`, { to: TARGET });
    await expect
      .poll(async () => (await tenant.read<TestClock>(`/v1/test-clocks/${clockId}`)).progress.runsDone, {
        message: 'the advance has begun',
        intervals: [5],
      })
      .toBeGreaterThan(0);
    await edge.crash();

    edge = await nodeEdges.restart(edge);
    tenant = onEdge(tenant, new RawHttp(edge.url));
    await untilReadyAfterRestart(tenant, clockId, 60_000);
    expect(await problemsOf(tenant, groupIds)).toEqual([]);
  });
});
