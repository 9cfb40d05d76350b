import { expect, test } from '../support/api-test';
import type { JobBody } from '../support/fixtures/statements';

/** Each test runs the month-end batch in a tenant of its own, so it closes no other test's groups. */
test.describe('contract: jobs', () => {
  test('starting the month-end batch matches its schema', async ({ closeMonthJobs, createTenant }) => {
    const { api } = await createTenant();

    const response = await closeMonthJobs.start('2026-02', api);

    expect(response.status()).toBe(202);
    await expect(response).toMatchContract('startCloseMonthJob');
  });

  test('a malformed month is a 422 problem naming the month', async ({ api }) => {
    const response = await api.post('/v1/jobs/close-month', { month: '2026/03' });

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('startCloseMonthJob');
    expect((await response.json()).errors[0].field).toBe('month');
  });

  test('a body that is not JSON is a 400 problem', async ({ api }) => {
    const response = await api.post('/v1/jobs/close-month', undefined, {
      rawBody: '{"month":',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status()).toBe(400);
    await expect(response).toMatchContract('startCloseMonthJob');
  });

  test('a month that has not begun is a 409 problem', async ({ api }) => {
    const response = await api.post('/v1/jobs/close-month', { month: '2099-12' });

    expect(response.status()).toBe(409);
    await expect(response).toMatchContract('startCloseMonthJob');
  });

  test('a job read by id matches its schema, and an unknown job is a 404', async ({
    api,
    closeMonthJobs,
    createTenant,
  }) => {
    const owner = await createTenant();
    const started = (await (await closeMonthJobs.start('2026-02', owner.api)).json()) as JobBody;

    const found = await owner.api.get(`/v1/jobs/${started.id}`);
    const missing = await api.get('/v1/jobs/job_missing');

    expect([found.status(), missing.status()]).toEqual([200, 404]);
    await expect(found).toMatchContract('getJob');
    await expect(missing).toMatchContract('getJob');
  });

  test('the job list matches its schema, filters by kind and month, and refuses an unknown kind', async ({
    closeMonthJobs,
    createTenant,
  }) => {
    const { api } = await createTenant();
    const started = (await (await closeMonthJobs.start('2026-02', api)).json()) as JobBody;

    const all = await api.get('/v1/jobs');
    const february = await api.get('/v1/jobs?kind=close-month&month=2026-02');
    const march = await api.get('/v1/jobs?month=2026-03');
    const bad = await api.get('/v1/jobs?kind=close-everything');

    expect([all, february, march, bad].map((response) => response.status())).toEqual([200, 200, 200, 422]);
    for (const response of [all, february, bad]) await expect(response).toMatchContract('listJobs');
    expect(((await february.json()) as { items: JobBody[] }).items.map((job) => job.id)).toEqual([
      started.id,
    ]);
    expect(((await march.json()) as { items: JobBody[] }).items).toEqual([]);
    expect((await bad.json()).errors[0].field).toBe('query.kind');
  });

  test('a job without an API key is a 401 problem', async ({ anonymousApi }) => {
    const response = await anonymousApi.get('/v1/jobs/job_any');

    expect(response.status()).toBe(401);
    await expect(response).toMatchContract('getJob');
  });
});
