import { createBenchTenant } from '../../bench/lib/api';
import { closeMonth, setUpMonthEnd } from '../../bench/lib/month-end';
import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY, EDGE_URL } from '../support/edge-server';
import { reportFigures } from './figures';

const GROUPS = 1000;
const MONTH = '2026-10';
const BUDGET_SECONDS = 60;

/**
 * The month-end budget of the performance issue, on the run's own edge (workerd, local D1), as
 * `npm run bench:close-month` measures it: a tenant of its own with 1000 billing groups of 20 usage
 * lines each, closed by one `POST /v1/jobs/close-month`, timed until the job reports it finished.
 */
test(`closing the month of ${GROUPS} billing groups takes under ${BUDGET_SECONDS} s`, async ({
  dataName,
}, testInfo) => {
  test.setTimeout(300_000);
  const api = await createBenchTenant(EDGE_URL, ADMIN_API_KEY, `${dataName}-month-end`);
  const linesPerGroup = await test.step(`set up ${GROUPS} groups with their usage`, () =>
    setUpMonthEnd(api, GROUPS, MONTH));
  const { job, resumes, seconds } = await test.step('close the month', () => closeMonth(api, MONTH));
  await reportFigures(
    testInfo,
    [
      `${job.done} statements of ${linesPerGroup} usage lines in ${seconds.toFixed(1)} s (${(job.done / seconds).toFixed(0)} statements/s)`,
      `resumed ${resumes} times`,
    ],
    { groups: GROUPS, linesPerGroup, seconds, resumes, job: { ...job, errors: job.errors.slice(0, 5) } },
  );
  expect(job).toMatchObject({ status: 'SUCCEEDED', total: GROUPS, done: GROUPS, failed: 0 });
  expect(seconds, 'seconds from the POST until the job finished').toBeLessThan(BUDGET_SECONDS);
});
