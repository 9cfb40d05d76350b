import type { BillingApi } from '../support/api/billing-api';
import { expect, test } from '../support/api-test';
import type { JobBody } from '../support/fixtures/statements';

/**
 * The month-end batch (DOMAIN §7). A job closes every group of its tenant, so each test runs in a
 * tenant of its own: jobs never touch another test's groups.
 */

const MARCH = '2026-03';
const APRIL = '2026-04';

async function createGroups(api: BillingApi, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push((await api.create<{ id: string }>('/v1/billing-groups', { name: `group-${index}` })).id);
  }
  return ids;
}

async function liveStatementsOf(api: BillingApi, billingGroupId: string, month: string) {
  const page = await api.read<{ items: { statementId: string; month: string; state: string }[] }>(
    `/v1/billing-groups/${billingGroupId}/statements`,
  );
  return page.items.filter((item) => item.month === month && item.state !== 'VOID');
}

test.describe('close-month job', () => {
  test('closes every billing group with activity in the month, once each', { tag: ['@smoke'] }, async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
  }) => {
    const { api } = await createTenant();
    const [first, second, third, idle] = await createGroups(api, 4);
    for (const group of [first, second, third] as string[]) {
      await monthActivity.ingestUsage(group, MARCH, { api });
    }

    const started = await closeMonthJobs.start(MARCH, api);
    expect(started.status()).toBe(202);
    const job = await closeMonthJobs.waitUntilFinished(((await started.json()) as JobBody).id, api);

    expect(job).toMatchObject({
      month: MARCH,
      status: 'SUCCEEDED',
      total: 3,
      done: 3,
      failed: 0,
      errors: [],
    });
    for (const group of [first, second, third] as string[]) {
      expect(await liveStatementsOf(api, group, MARCH)).toHaveLength(1);
    }
    expect(await liveStatementsOf(api, idle as string, MARCH)).toHaveLength(0);
  });

  test('a re-run closes nothing twice: closed groups count as done', async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
  }) => {
    const { api } = await createTenant();
    const groups = await createGroups(api, 2);
    for (const group of groups) await monthActivity.ingestUsage(group, MARCH, { api });
    const firstRun = await closeMonthJobs.start(MARCH, api);
    const firstJob = await closeMonthJobs.waitUntilFinished(((await firstRun.json()) as JobBody).id, api);
    const closedBefore = await Promise.all(groups.map((group) => liveStatementsOf(api, group, MARCH)));

    const secondRun = await closeMonthJobs.start(MARCH, api);

    expect(secondRun.status()).toBe(202);
    const secondJob = (await secondRun.json()) as JobBody;
    expect(secondJob.id).not.toBe(firstJob.id);
    expect(secondJob).toMatchObject({ status: 'SUCCEEDED', total: 2, done: 2, failed: 0 });
    const closedAfter = await Promise.all(groups.map((group) => liveStatementsOf(api, group, MARCH)));
    expect(closedAfter).toEqual(closedBefore);
  });

  test('a group closed by hand before the job counts as done and keeps its statement', async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
    statements,
  }) => {
    const { api } = await createTenant();
    const [byHand, byJob] = (await createGroups(api, 2)) as [string, string];
    await monthActivity.ingestUsage(byHand, MARCH, { api });
    await monthActivity.ingestUsage(byJob, MARCH, { api });
    const closedByHand = await statements.close(byHand, MARCH, api);

    const started = await closeMonthJobs.start(MARCH, api);
    const job = await closeMonthJobs.waitUntilFinished(((await started.json()) as JobBody).id, api);

    expect(job).toMatchObject({ status: 'SUCCEEDED', total: 2, done: 2 });
    expect((await liveStatementsOf(api, byHand, MARCH)).map((item) => item.statementId)).toEqual([
      closedByHand.statementId,
    ]);
    expect(await liveStatementsOf(api, byJob, MARCH)).toHaveLength(1);
  });

  test('a group that cannot close is recorded as an error and the others still close', async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
    statements,
  }) => {
    const { api } = await createTenant();
    const [blocked, ready] = (await createGroups(api, 2)) as [string, string];
    await monthActivity.ingestUsage(blocked, MARCH, { api });
    await monthActivity.ingestUsage(blocked, APRIL, { api });
    await monthActivity.ingestUsage(ready, APRIL, { api });

    const job = await test.step('run the April batch', async () => {
      const started = await closeMonthJobs.start(APRIL, api);
      return closeMonthJobs.waitUntilFinished(((await started.json()) as JobBody).id, api);
    });

    await test.step('the blocked group failed on month order, the other closed', async () => {
      expect(job).toMatchObject({ status: 'FAILED', total: 2, done: 1, failed: 1 });
      expect(job.errors).toEqual([
        { billingGroupId: blocked, message: expect.stringContaining('month-order') },
      ]);
      expect(await liveStatementsOf(api, ready, APRIL)).toHaveLength(1);
      expect(await liveStatementsOf(api, blocked, APRIL)).toHaveLength(0);
    });
    await test.step('once March is closed, a re-run closes the blocked group', async () => {
      await statements.close(blocked, MARCH, api);
      const started = await closeMonthJobs.start(APRIL, api);
      const rerun = await closeMonthJobs.waitUntilFinished(((await started.json()) as JobBody).id, api);
      expect(rerun).toMatchObject({ status: 'SUCCEEDED', total: 2, done: 2, failed: 0, errors: [] });
      expect(await liveStatementsOf(api, blocked, APRIL)).toHaveLength(1);
    });
  });

  test('two POSTs for one month at once never close a group twice', async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
  }) => {
    const { api } = await createTenant();
    const groups = await createGroups(api, 3);
    for (const group of groups) await monthActivity.ingestUsage(group, MARCH, { api });

    const responses = await Promise.all([closeMonthJobs.start(MARCH, api), closeMonthJobs.start(MARCH, api)]);
    const jobs = (await Promise.all(responses.map((response) => response.json()))) as JobBody[];

    expect(responses.map((response) => response.status())).toContain(202);
    // While a job runs, the other POST answers it (200); a job already finished lets a new one start (202).
    if (responses.some((response) => response.status() === 200)) expect(jobs[0]?.id).toBe(jobs[1]?.id);
    for (const job of jobs) await closeMonthJobs.waitUntilFinished(job.id, api);
    for (const group of groups) expect(await liveStatementsOf(api, group, MARCH)).toHaveLength(1);
  });

  test('a month without activity finishes at once with nothing to close', async ({
    closeMonthJobs,
    createTenant,
  }) => {
    const { api } = await createTenant();
    await createGroups(api, 1);

    const started = await closeMonthJobs.start('2026-01', api);

    expect(started.status()).toBe(202);
    expect(await started.json()).toMatchObject({ status: 'SUCCEEDED', total: 0, done: 0, failed: 0 });
  });

  test('statements the job closed carry balances forward and replay identically', async ({
    closeMonthJobs,
    createTenant,
    monthActivity,
    statements,
  }) => {
    const { api } = await createTenant();
    const [group] = (await createGroups(api, 1)) as [string];
    await monthActivity.ingestUsage(group, MARCH, { api, hours: '100' });
    await monthActivity.ingestUsage(group, APRIL, { api, hours: '10' });

    for (const month of [MARCH, APRIL]) {
      const started = await closeMonthJobs.start(month, api);
      await closeMonthJobs.waitUntilFinished(((await started.json()) as JobBody).id, api);
    }

    const april = await statements.read(group, APRIL, api);
    expect(april.state).toBe('ISSUED');
    expect(april.total).toEqualMoney('48037');
    const replay = await api.create<{ identical: boolean }>(
      `/v1/statements/${april.statementId}/replay`,
      undefined,
      200,
    );
    expect(replay.identical).toBe(true);
  });

  test('progress is read back by job id', async ({ closeMonthJobs, createTenant, monthActivity }) => {
    const { api } = await createTenant();
    const [group] = (await createGroups(api, 1)) as [string];
    await monthActivity.ingestUsage(group, MARCH, { api });
    const started = (await (await closeMonthJobs.start(MARCH, api)).json()) as JobBody;

    const job = await closeMonthJobs.waitUntilFinished(started.id, api);

    expect(job).toMatchObject({ id: started.id, month: MARCH, total: 1, done: 1 });
    expect(await api.read(`/v1/jobs/${started.id}`)).toEqual(job);
  });

  test('another tenant’s job answers 404', async ({ closeMonthJobs, createTenant }) => {
    const owner = await createTenant();
    const other = await createTenant();
    const started = (await (await closeMonthJobs.start(MARCH, owner.api)).json()) as JobBody;

    const response = await other.api.get(`/v1/jobs/${started.id}`);

    expect(response.status()).toBe(404);
  });

  test('a month that has not begun cannot be batch-closed', async ({ closeMonthJobs, createTenant }) => {
    const { api } = await createTenant();

    const response = await closeMonthJobs.start('2099-01', api);

    expect(response.status()).toBe(409);
    expect((await response.json()).type).toBe('/problems/month-not-started');
  });
});
