import type { ScheduledWorkStore } from '../ports/scheduled';
import { JOB_COLUMNS, type JobRow, toJob } from './jobs';
import { TEST_CLOCK_COLUMNS, type TestClockRow, toTestClock } from './test-clocks';

/** Leaves out the groups that live on a test clock (`alias` is the row naming the group). */
const inRealTime = (alias: string) =>
  `(SELECT b.test_clock_id FROM billing_groups AS b WHERE b.id = ${alias}.billing_group_id) IS NULL`;

const groupRef = (row: { tenant_id: string; billing_group_id: string }) => ({
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
});

export function d1ScheduledWorkStore(db: D1Database): ScheduledWorkStore {
  return {
    async staleRunningJobs(updatedBefore) {
      const { results } = await db
        .prepare(
          `SELECT ${JOB_COLUMNS} FROM jobs WHERE status = 'RUNNING' AND updated_at < ? ORDER BY updated_at`,
        )
        .bind(updatedBefore)
        .all<JobRow>();
      return results.map(toJob);
    },
    async staleTestClockAdvances(updatedBefore) {
      const { results } = await db
        .prepare(
          `SELECT ${TEST_CLOCK_COLUMNS} FROM test_clocks
           WHERE status = 'ADVANCING' AND updated_at < ? ORDER BY updated_at`,
        )
        .bind(updatedBefore)
        .all<TestClockRow>();
      return results.map(toTestClock);
    },
    async tenantsWithAutoCloseDue(month) {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT g.tenant_id FROM billing_groups AS g
           WHERE g.auto_close = 1 AND g.test_clock_id IS NULL
             AND (EXISTS (SELECT 1 FROM usage_events AS u
                          WHERE u.tenant_id = g.tenant_id AND u.billing_group_id = g.id AND u.month = ?1)
               OR EXISTS (SELECT 1 FROM adjustments AS a
                          WHERE a.tenant_id = g.tenant_id AND a.billing_group_id = g.id AND a.month = ?1))
             AND NOT EXISTS (SELECT 1 FROM statements AS s
                             WHERE s.tenant_id = g.tenant_id AND s.billing_group_id = g.id AND s.month = ?1
                               AND s.voided_at IS NULL)
           ORDER BY g.tenant_id`,
        )
        .bind(month)
        .all<{ tenant_id: string }>();
      return results.map((row) => row.tenant_id);
    },
    async groupsWithExpiredCredit(asOf) {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT g.tenant_id, g.billing_group_id FROM credit_grants AS g
           WHERE g.voided_at IS NULL AND g.expires_at IS NOT NULL AND g.expires_at <= ? AND ${inRealTime('g')}
             AND (SELECT COALESCE(SUM(l.amount_minor), 0) FROM credit_ledger AS l
                  WHERE l.tenant_id = g.tenant_id AND l.grant_id = g.id) > 0
           ORDER BY g.tenant_id, g.billing_group_id`,
        )
        .bind(asOf)
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map((row) => ({ tenantId: row.tenant_id, billingGroupId: row.billing_group_id }));
    },
    async groupsWithCreditExpiring(from, until) {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT g.tenant_id, g.billing_group_id FROM credit_grants AS g
           WHERE g.voided_at IS NULL AND g.expires_at IS NOT NULL AND g.expires_at > ? AND g.expires_at <= ?
             AND ${inRealTime('g')}
           ORDER BY g.tenant_id, g.billing_group_id`,
        )
        .bind(from, until)
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map(groupRef);
    },
    async groupsWithCreditThresholds() {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT g.tenant_id, g.billing_group_id FROM credit_grants AS g
           WHERE g.voided_at IS NULL AND g.low_balance_threshold IS NOT NULL AND ${inRealTime('g')}
           ORDER BY g.tenant_id, g.billing_group_id`,
        )
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map(groupRef);
    },
    async groupsWithBudgets() {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT u.tenant_id, u.billing_group_id FROM budgets AS u WHERE ${inRealTime('u')}
           ORDER BY u.tenant_id, u.billing_group_id`,
        )
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map(groupRef);
    },
    async tenantsWithStatementsIn(month) {
      const { results } = await db
        .prepare(
          'SELECT DISTINCT tenant_id FROM statements WHERE month = ? AND voided_at IS NULL ORDER BY tenant_id',
        )
        .bind(month)
        .all<{ tenant_id: string }>();
      return results.map((row) => row.tenant_id);
    },
  };
}
