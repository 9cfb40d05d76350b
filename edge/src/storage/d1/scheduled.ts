import type { ScheduledWorkStore } from '../ports/scheduled';
import { JOB_COLUMNS, type JobRow, toJob } from './jobs';

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
    async tenantsWithAutoCloseDue(month) {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT g.tenant_id FROM billing_groups AS g
           WHERE g.auto_close = 1
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
           WHERE g.voided_at IS NULL AND g.expires_at IS NOT NULL AND g.expires_at <= ?
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
           ORDER BY g.tenant_id, g.billing_group_id`,
        )
        .bind(from, until)
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map(groupRef);
    },
    async groupsWithCreditThresholds() {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT tenant_id, billing_group_id FROM credit_grants
           WHERE voided_at IS NULL AND low_balance_threshold IS NOT NULL ORDER BY tenant_id, billing_group_id`,
        )
        .all<{ tenant_id: string; billing_group_id: string }>();
      return results.map(groupRef);
    },
    async groupsWithBudgets() {
      const { results } = await db
        .prepare(
          'SELECT DISTINCT tenant_id, billing_group_id FROM budgets ORDER BY tenant_id, billing_group_id',
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
