import type { MonthCloseCandidate } from '@billing/engine';
import type { JobKind, JobRecord, JobStatus, JobStore } from '../ports/jobs';
import { eventInsertIfChanged } from './events';
import { afterParams, pageOf } from './paging';

export interface JobRow {
  id: string;
  tenant_id: string;
  kind: string;
  month: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  errors_json: string;
  lease_id: string;
  created_at: string;
  updated_at: string;
}

export const JOB_COLUMNS =
  'id, tenant_id, kind, month, status, total, done, failed, errors_json, lease_id, created_at, updated_at';

export const toJob = (row: JobRow): JobRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  kind: row.kind as JobKind,
  month: row.month,
  status: row.status as JobStatus,
  total: row.total,
  done: row.done,
  failed: row.failed,
  errors: JSON.parse(row.errors_json) as JobRecord['errors'],
  leaseId: row.lease_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function d1JobStore(db: D1Database): JobStore {
  return {
    async createJob(job) {
      try {
        await db
          .prepare(`INSERT INTO jobs (${JOB_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .bind(
            job.id,
            job.tenantId,
            job.kind,
            job.month,
            job.status,
            job.total,
            job.done,
            job.failed,
            JSON.stringify(job.errors),
            job.leaseId,
            job.createdAt,
            job.updatedAt,
          )
          .run();
        return job;
      } catch (error) {
        if (String((error as Error)?.message).includes('UNIQUE constraint failed: jobs.')) return null;
        throw error;
      }
    },
    async getJob(tenantId, jobId) {
      const row = await db
        .prepare(`SELECT ${JOB_COLUMNS} FROM jobs WHERE tenant_id = ? AND id = ?`)
        .bind(tenantId, jobId)
        .first<JobRow>();
      return row && toJob(row);
    },
    async listJobs(tenantId, filter, page) {
      const { results } = await db
        .prepare(
          `SELECT ${JOB_COLUMNS} FROM jobs
           WHERE tenant_id = ?1 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR month = ?3) AND id > ?4
           ORDER BY id LIMIT ?5`,
        )
        .bind(tenantId, filter.kind, filter.month, ...afterParams(page))
        .all<JobRow>();
      return pageOf(results.map(toJob), page);
    },
    async runningJob(tenantId, kind, month) {
      const row = await db
        .prepare(
          `SELECT ${JOB_COLUMNS} FROM jobs WHERE tenant_id = ? AND kind = ? AND month = ? AND status = 'RUNNING'`,
        )
        .bind(tenantId, kind, month)
        .first<JobRow>();
      return row && toJob(row);
    },
    async takeOverJob({ tenantId, jobId, progress, status, updatedAt, seenUpdatedAt, newLeaseId }) {
      const row = await db
        .prepare(
          `UPDATE jobs SET lease_id = ?, status = ?, total = ?, done = ?, failed = ?, errors_json = ?, updated_at = ?
           WHERE tenant_id = ? AND id = ? AND status = 'RUNNING' AND updated_at = ?
           RETURNING ${JOB_COLUMNS}`,
        )
        .bind(
          newLeaseId,
          status,
          progress.total,
          progress.done,
          progress.failed,
          JSON.stringify(progress.errors),
          updatedAt,
          tenantId,
          jobId,
          seenUpdatedAt,
        )
        .first<JobRow>();
      return row && toJob(row);
    },
    async saveJobProgress({ tenantId, jobId, leaseId, progress, status, updatedAt, event }) {
      const update = db
        .prepare(
          `UPDATE jobs SET status = ?, total = ?, done = ?, failed = ?, errors_json = ?, updated_at = ?
           WHERE tenant_id = ? AND id = ? AND lease_id = ? AND status = 'RUNNING'`,
        )
        .bind(
          status,
          progress.total,
          progress.done,
          progress.failed,
          JSON.stringify(progress.errors),
          updatedAt,
          tenantId,
          jobId,
          leaseId,
        );
      const [result] = await db.batch(event ? [update, eventInsertIfChanged(db, event)] : [update]);
      return (result?.meta.changes ?? 0) > 0;
    },
    async monthCloseCandidates(tenantId, month, onlyAutoClose = false) {
      const { results } = await db
        .prepare(
          `SELECT billing_group_id, MAX(live) AS closed FROM (
             SELECT DISTINCT billing_group_id, 0 AS live FROM usage_events WHERE tenant_id = ?1 AND month = ?2
             UNION ALL
             SELECT DISTINCT billing_group_id, 0 AS live FROM adjustments WHERE tenant_id = ?1 AND month = ?2
             UNION ALL
             SELECT billing_group_id, CASE WHEN voided_at IS NULL THEN 1 ELSE 0 END AS live FROM statements
             WHERE tenant_id = ?1 AND month = ?2
           ) AS activity
           WHERE ?3 = 0 OR billing_group_id IN (
             SELECT id FROM billing_groups WHERE tenant_id = ?1 AND auto_close = 1 AND test_clock_id IS NULL
           )
           GROUP BY billing_group_id`,
        )
        .bind(tenantId, month, onlyAutoClose ? 1 : 0)
        .all<{ billing_group_id: string; closed: number }>();
      return results.map(
        (row): MonthCloseCandidate => ({ billingGroupId: row.billing_group_id, closed: row.closed === 1 }),
      );
    },
  };
}
