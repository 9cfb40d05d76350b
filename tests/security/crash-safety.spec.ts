import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { createEdgeTenant, type EdgeTenant, onEdge, postAs } from './support/edge-tenant';
import { mapConcurrently, RawHttp } from './support/http';
import { creditInvariantViolations, readAll, readCreditFacts, statementsOfMonth } from './support/ledger';

/**
 * The edge dies (SIGKILL to workerd, then to its host process) in the middle of a month-end batch over 200
 * billing groups and comes back on the same local D1: with no further client request, the job
 * resumes by itself (its runner's Durable Object alarm fires again) and every group ends with its
 * month closed exactly once, its credit consumed exactly once and its usage intact. Each test runs
 * an edge of its own, so the run's shared edge is never touched.
 */

const GROUPS = 200;
const MONTH = '2026-03';
const EVENTS_PER_GROUP = 2;

/** A group with a credit and two usage events in MONTH: 100 hours of compute, 39700 before credits. */
async function createBusyGroup(tenant: EdgeTenant, index: number): Promise<string> {
  const group = await postAs(tenant, '/v1/billing-groups', { name: `crash-${index}` }, [201]);
  const groupPath = `/v1/billing-groups/${group.id}`;
  await postAs(
    tenant,
    `${groupPath}/credits`,
    { type: 'PROMOTIONAL', amount: '5000', grantedAt: '2026-01-01T00:00:00Z' },
    [201],
  );
  await postAs(
    tenant,
    `${groupPath}/usage-events`,
    {
      events: Array.from({ length: EVENTS_PER_GROUP }, (_, event) => ({
        eventId: `crash-${index}-${event}`,
        projectId: 'p-crash',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        volume: '50',
        timestamp: `${MONTH}-1${event}T00:00:00Z`,
      })),
    },
    [200],
  );
  return group.id as string;
}

type JobBody = Schemas['Job'];

test.describe('crash safety', { tag: ['@slow'] }, () => {
  test('a month-end job killed mid-batch finishes by itself after a restart: every group closed once, credits consumed once, nothing lost', async ({
    privateEdges,
    securitySummary,
  }) => {
    test.setTimeout(240_000);
    let edge = await test.step('start an edge of its own', () => privateEdges.start());
    let tenant = await createEdgeTenant(new RawHttp(edge.url), 'crash tenant');

    const groupIds =
      await test.step(`create ${GROUPS} billing groups with a credit and usage in ${MONTH}`, () =>
        mapConcurrently(
          Array.from({ length: GROUPS }, (_, index) => index),
          8,
          (index) => createBusyGroup(tenant, index),
        ));

    const { job, doneAtCrash, killed } =
      await test.step('start close-month and kill workerd while it runs', async () => {
        const started = (await postAs(
          tenant,
          '/v1/jobs/close-month',
          { month: MONTH },
          [202],
        )) as unknown as JobBody;
        let seen = started;
        await expect
          .poll(
            async () => {
              seen = await tenant.read<JobBody>(`/v1/jobs/${started.id}`);
              return seen.status !== 'RUNNING' || seen.done >= GROUPS / 10;
            },
            { message: `the job closes a tenth of its ${GROUPS} groups`, intervals: [5], timeout: 120_000 },
          )
          .toBe(true);
        expect(seen.status, 'the job must still be running when the edge is killed').toBe('RUNNING');
        const killedPids = await edge.crash();
        return { job: started, doneAtCrash: seen.done, killed: killedPids };
      });
    expect(killed.length).toBeGreaterThan(0);

    const resumed = await test.step('restart on the same local D1, and only read the job', async () => {
      edge = await privateEdges.restart(edge);
      tenant = onEdge(tenant, new RawHttp(edge.url));
      let seen = await tenant.read<JobBody>(`/v1/jobs/${job.id}`);
      expect(seen.done, 'the restart found the job unfinished').toBeLessThan(GROUPS);
      await expect
        .poll(
          async () => {
            seen = await tenant.read<JobBody>(`/v1/jobs/${job.id}`);
            return seen.status;
          },
          {
            message: 'the job finishes by itself, no POST after the restart',
            intervals: [100],
            timeout: 120_000,
          },
        )
        .not.toBe('RUNNING');
      return seen;
    });
    expect(resumed).toMatchObject({
      status: 'SUCCEEDED',
      total: GROUPS,
      done: GROUPS,
      failed: 0,
      errors: [],
    });

    const problems =
      await test.step('every group: one statement, one credit consumption, all its usage', async () => {
        const perGroup = await mapConcurrently(groupIds, 8, async (groupId) => {
          const found: string[] = [];
          const statements = await statementsOfMonth(tenant.read, groupId, MONTH);
          if (statements.length !== 1 || statements[0]?.voidedAt !== null) {
            found.push(`${groupId}: ${statements.length} statements of ${MONTH}`);
          }
          const facts = await readCreditFacts(tenant.read, groupId);
          found.push(...creditInvariantViolations(facts).map((violation) => `${groupId}: ${violation}`));
          const consumed = facts.ledger.filter((entry) => entry.kind === 'CONSUME');
          if (consumed.length !== 1 || consumed[0]?.statementId !== statements[0]?.statementId) {
            found.push(`${groupId}: ${consumed.length} consumptions`);
          }
          const events = await readAll(
            tenant.read,
            `/v1/billing-groups/${groupId}/usage-events?month=${MONTH}`,
          );
          if (events.length !== EVENTS_PER_GROUP) found.push(`${groupId}: ${events.length} usage events`);
          return found;
        });
        return perGroup.flat();
      });
    expect(problems).toEqual([]);

    const groups = await readAll(tenant.read, '/v1/billing-groups');
    expect(groups).toHaveLength(GROUPS);
    securitySummary.note('crash', 'groups', GROUPS);
    securitySummary.note('crash', 'closedBeforeKill', doneAtCrash);
    securitySummary.note('crash', 'workerdKilled', killed.length);
    securitySummary.note(
      'crash',
      'result',
      `killed at ${doneAtCrash}/${GROUPS}; resumed by itself, no client request: ${resumed.done}/${GROUPS} closed once, 1 CONSUME per group, 0 lost events`,
    );
  });

  test('on the Node host, a month-end job whose process was killed finishes by itself after a restart', async ({
    nodeEdges,
  }) => {
    test.setTimeout(180_000);
    const groups = 40;
    // The lease after which the restarted host's scheduler takes the orphaned job over (default 30 s).
    let edge = await nodeEdges.start({ JOB_LEASE_SECONDS: '1', EDGE_LOG_LEVEL: 'error' });
    let tenant = await createEdgeTenant(new RawHttp(edge.url), 'node crash tenant');
    await mapConcurrently(
      Array.from({ length: groups }, (_, index) => index),
      4,
      (index) => createBusyGroup(tenant, index),
    );
    const started = (await postAs(
      tenant,
      '/v1/jobs/close-month',
      { month: MONTH },
      [202],
    )) as unknown as JobBody;
    await expect
      .poll(async () => (await tenant.read<JobBody>(`/v1/jobs/${started.id}`)).done, {
        message: 'the job has begun closing',
        intervals: [5],
      })
      .toBeGreaterThan(0);
    await edge.crash();

    edge = await nodeEdges.restart(edge);
    tenant = onEdge(tenant, new RawHttp(edge.url));
    const stalled = await tenant.read<JobBody>(`/v1/jobs/${started.id}`);
    expect(stalled.done, 'the restart found the job unfinished').toBeLessThan(groups);
    await expect
      .poll(async () => (await tenant.read<JobBody>(`/v1/jobs/${started.id}`)).status, {
        message: 'the job finishes by itself, no POST after the restart',
        intervals: [200],
        timeout: 60_000,
      })
      .toBe('SUCCEEDED');
    const finished = await tenant.read<JobBody>(`/v1/jobs/${started.id}`);
    expect(finished).toMatchObject({ total: groups, done: groups, failed: 0 });
  });

  test('data survives a restart: what was written before reads back the same after', async ({
    privateEdges,
  }) => {
    test.setTimeout(120_000);
    let edge = await privateEdges.start();
    const tenant = await createEdgeTenant(new RawHttp(edge.url), 'restart tenant');
    const groupId = await createBusyGroup(tenant, 0);
    const closed = await postAs(tenant, `/v1/billing-groups/${groupId}/statements/${MONTH}/close`, {}, [201]);
    const before = {
      group: await tenant.read(`/v1/billing-groups/${groupId}`),
      statement: await tenant.read(`/v1/statements/${closed.statementId}`),
      ledger: await readAll(tenant.read, `/v1/billing-groups/${groupId}/credit-ledger`),
      events: await readAll(tenant.read, `/v1/billing-groups/${groupId}/usage-events`),
    };

    await test.step('stop the edge gracefully, then kill a second one outright', async () => {
      await edge.stop();
      edge = await privateEdges.restart(edge);
      await edge.crash();
      edge = await privateEdges.restart(edge);
    });

    const { read } = onEdge(tenant, new RawHttp(edge.url));
    expect(await read(`/v1/billing-groups/${groupId}`)).toEqual(before.group);
    expect(await read(`/v1/statements/${closed.statementId}`)).toMatchObject({
      ...(before.statement as object),
      state: expect.any(String),
    });
    expect(await readAll(read, `/v1/billing-groups/${groupId}/credit-ledger`)).toEqual(before.ledger);
    expect(await readAll(read, `/v1/billing-groups/${groupId}/usage-events`)).toEqual(before.events);
  });
});
