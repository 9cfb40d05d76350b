import type { ReconcileDifference } from '@billing/engine';
import type { ReconciliationFinding, ReconciliationStore } from '../ports/reconciliation';
import { afterParams, pageOf } from './paging';

interface FindingRow {
  id: string;
  tenant_id: string;
  sweep_id: string;
  statement_id: string;
  billing_group_id: string;
  month: string;
  differences_json: string;
  found_at: string;
}

const toFinding = (row: FindingRow): ReconciliationFinding => ({
  id: row.id,
  tenantId: row.tenant_id,
  sweepId: row.sweep_id,
  statementId: row.statement_id,
  billingGroupId: row.billing_group_id,
  month: row.month,
  differences: JSON.parse(row.differences_json) as ReconcileDifference[],
  foundAt: row.found_at,
});

export function d1ReconciliationStore(db: D1Database): ReconciliationStore {
  return {
    async recordFindings(findings) {
      if (findings.length === 0) return;
      await db.batch(
        findings.map((finding) =>
          db
            .prepare(
              `INSERT OR IGNORE INTO reconciliation_findings
                 (id, tenant_id, sweep_id, statement_id, billing_group_id, month, differences_json, found_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .bind(
              finding.id,
              finding.tenantId,
              finding.sweepId,
              finding.statementId,
              finding.billingGroupId,
              finding.month,
              JSON.stringify(finding.differences),
              finding.foundAt,
            ),
        ),
      );
    },
    async listFindings(tenantId, month, page) {
      const { results } = await db
        .prepare(
          `SELECT id, tenant_id, sweep_id, statement_id, billing_group_id, month, differences_json, found_at
           FROM reconciliation_findings
           WHERE tenant_id = ? AND (? IS NULL OR month = ?) AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, month, month, ...afterParams(page))
        .all<FindingRow>();
      return pageOf(results.map(toFinding), page);
    },
  };
}
