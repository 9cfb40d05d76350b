import type {
  TestClockRecord,
  TestClockRunError,
  TestClockStatus,
  TestClockStore,
} from '../ports/test-clocks';
import { type BillingGroupRow, GROUP_WITH_CLOCK, toGroup } from './billing-groups';
import { afterParams, pageOf } from './paging';

export interface TestClockRow {
  id: string;
  tenant_id: string;
  name: string;
  frozen_time: string;
  ran_through: string;
  status: string;
  advancing_to: string | null;
  runs_total: number;
  runs_done: number;
  run_failed: number;
  run_errors: string;
  lease_id: string | null;
  created_at: string;
  updated_at: string;
}

export const TEST_CLOCK_COLUMNS =
  'id, tenant_id, name, frozen_time, ran_through, status, advancing_to, runs_total, runs_done, run_failed, run_errors, lease_id, created_at, updated_at';

export const toTestClock = (row: TestClockRow): TestClockRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  frozenTime: row.frozen_time,
  ranThrough: row.ran_through,
  status: row.status as TestClockStatus,
  advancingTo: row.advancing_to,
  runsTotal: row.runs_total,
  runsDone: row.runs_done,
  runFailed: row.run_failed === 1,
  runErrors: JSON.parse(row.run_errors) as TestClockRunError[],
  leaseId: row.lease_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The message of the trigger that refuses deleting a clock with groups on it (0015_test_clocks.sql). */
const IN_USE = 'test-clock-in-use';

export function d1TestClockStore(db: D1Database): TestClockStore {
  return {
    async createTestClock(clock) {
      await db
        .prepare(
          `INSERT INTO test_clocks (${TEST_CLOCK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          clock.id,
          clock.tenantId,
          clock.name,
          clock.frozenTime,
          clock.ranThrough,
          clock.status,
          clock.advancingTo,
          clock.runsTotal,
          clock.runsDone,
          clock.runFailed ? 1 : 0,
          JSON.stringify(clock.runErrors),
          clock.leaseId,
          clock.createdAt,
          clock.updatedAt,
        )
        .run();
    },
    async getTestClock(tenantId, testClockId) {
      const row = await db
        .prepare(`SELECT ${TEST_CLOCK_COLUMNS} FROM test_clocks WHERE id = ? AND tenant_id = ?`)
        .bind(testClockId, tenantId)
        .first<TestClockRow>();
      return row && toTestClock(row);
    },
    async listTestClocks(tenantId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${TEST_CLOCK_COLUMNS} FROM test_clocks WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, ...afterParams(page))
        .all<TestClockRow>();
      return pageOf(results.map(toTestClock), page);
    },
    async startTestClockAdvance({ tenantId, testClockId, to, runsTotal, leaseId, updatedAt }) {
      const row = await db
        .prepare(
          `UPDATE test_clocks SET status = 'ADVANCING', advancing_to = ?1, runs_total = ?2, runs_done = 0,
             lease_id = ?3, updated_at = ?4
           WHERE id = ?5 AND tenant_id = ?6 AND status = 'READY' AND frozen_time < ?1
           RETURNING ${TEST_CLOCK_COLUMNS}`,
        )
        .bind(to, runsTotal, leaseId, updatedAt, testClockId, tenantId)
        .first<TestClockRow>();
      return row && toTestClock(row);
    },
    async saveTestClockStep(step) {
      const ready = step.status === 'READY';
      const result = await db
        .prepare(
          `UPDATE test_clocks SET frozen_time = ?, ran_through = ?, runs_done = ?, run_failed = ?, run_errors = ?, status = ?,
             advancing_to = CASE WHEN ? THEN NULL ELSE advancing_to END,
             lease_id = CASE WHEN ? THEN NULL ELSE lease_id END, updated_at = ?
           WHERE id = ? AND tenant_id = ? AND status = 'ADVANCING' AND lease_id = ?`,
        )
        .bind(
          step.frozenTime,
          step.ranThrough,
          step.runsDone,
          step.runFailed ? 1 : 0,
          JSON.stringify(step.runErrors),
          step.status,
          ready ? 1 : 0,
          ready ? 1 : 0,
          step.updatedAt,
          step.testClockId,
          step.tenantId,
          step.leaseId,
        )
        .run();
      return result.meta.changes === 1;
    },
    async takeOverTestClockAdvance({ tenantId, testClockId, seenUpdatedAt, newLeaseId, updatedAt }) {
      const row = await db
        .prepare(
          `UPDATE test_clocks SET lease_id = ?, updated_at = ?
           WHERE id = ? AND tenant_id = ? AND status = 'ADVANCING' AND updated_at = ?
           RETURNING ${TEST_CLOCK_COLUMNS}`,
        )
        .bind(newLeaseId, updatedAt, testClockId, tenantId, seenUpdatedAt)
        .first<TestClockRow>();
      return row && toTestClock(row);
    },
    async deleteTestClock(tenantId, testClockId) {
      try {
        const result = await db
          .prepare('DELETE FROM test_clocks WHERE id = ? AND tenant_id = ?')
          .bind(testClockId, tenantId)
          .run();
        return result.meta.changes === 1 ? 'deleted' : 'missing';
      } catch (error) {
        if (String(error).includes(IN_USE)) return 'in-use';
        throw error;
      }
    },
    async creditExpiriesOnTestClock(tenantId, testClockId) {
      const { results } = await db
        .prepare(
          `SELECT g.expires_at,
             (SELECT COALESCE(SUM(l.amount_minor), 0) FROM credit_ledger AS l
              WHERE l.tenant_id = g.tenant_id AND l.grant_id = g.id) > 0 AS has_balance
           FROM billing_groups AS b
           JOIN credit_grants AS g ON g.tenant_id = b.tenant_id AND g.billing_group_id = b.id
           WHERE b.test_clock_id = ? AND b.tenant_id = ? AND g.voided_at IS NULL AND g.expires_at IS NOT NULL
           ORDER BY g.expires_at`,
        )
        .bind(testClockId, tenantId)
        .all<{ expires_at: string; has_balance: number }>();
      return results.map((row) => ({ expiresAt: row.expires_at, hasBalance: row.has_balance === 1 }));
    },
    async latestTestClockTime(tenantId) {
      const row = await db
        .prepare('SELECT MAX(frozen_time) AS latest FROM test_clocks WHERE tenant_id = ?')
        .bind(tenantId)
        .first<{ latest: string | null }>();
      return row?.latest ?? null;
    },
    async groupsOnTestClock(tenantId, testClockId) {
      const { results } = await db
        .prepare(`${GROUP_WITH_CLOCK} WHERE g.test_clock_id = ? AND g.tenant_id = ? ORDER BY g.id`)
        .bind(testClockId, tenantId)
        .all<BillingGroupRow>();
      return results.map(toGroup);
    },
  };
}
