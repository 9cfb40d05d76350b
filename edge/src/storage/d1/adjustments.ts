import type { Adjustment, AdjustmentLevel, AdjustmentMethod, AdjustmentType } from '@billing/engine';
import type { AdjustmentRecord, AdjustmentStore } from '../ports/adjustments';
import { afterParams, pageOf } from './paging';

interface AdjustmentRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  month: string;
  type: string;
  method: string;
  value: string;
  level: string;
  target_project_id: string | null;
  description: string | null;
  created_at: string;
}

const ADJUSTMENT_COLUMNS =
  'id, tenant_id, billing_group_id, month, type, method, value, level, target_project_id, description, created_at';

const toAdjustment = (row: AdjustmentRow): AdjustmentRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  month: row.month,
  type: row.type as AdjustmentType,
  method: row.method as AdjustmentMethod,
  value: row.value,
  level: row.level as AdjustmentLevel,
  targetProjectId: row.target_project_id,
  description: row.description,
  createdAt: row.created_at,
});

/**
 * True when the row's month, or a later one, has a live (closed, not void) statement: months close in
 * order, so the row's month is closed for good and its adjustments are frozen.
 */
const MONTH_IS_CLOSED = `EXISTS (SELECT 1 FROM statements s
  WHERE s.billing_group_id = adjustments.billing_group_id AND s.month >= adjustments.month AND s.voided_at IS NULL)`;

export function d1AdjustmentStore(db: D1Database): AdjustmentStore {
  return {
    async adjustmentsForMonth(tenantId, billingGroupId, month) {
      const { results } = await db
        .prepare(
          `SELECT ${ADJUSTMENT_COLUMNS} FROM adjustments
           WHERE tenant_id = ? AND billing_group_id = ? AND month = ? ORDER BY id`,
        )
        .bind(tenantId, billingGroupId, month)
        .all<AdjustmentRow>();
      return results.map((row): Adjustment => {
        const { id, type, method, value, level, targetProjectId, description } = toAdjustment(row);
        return { id, type, method, value, level, targetProjectId, description };
      });
    },
    async createAdjustment(adjustment) {
      const result = await db
        .prepare(
          `INSERT INTO adjustments (${ADJUSTMENT_COLUMNS})
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
           WHERE NOT EXISTS (SELECT 1 FROM statements s
             WHERE s.billing_group_id = ? AND s.month >= ? AND s.voided_at IS NULL)
           RETURNING id`,
        )
        .bind(
          adjustment.id,
          adjustment.tenantId,
          adjustment.billingGroupId,
          adjustment.month,
          adjustment.type,
          adjustment.method,
          adjustment.value,
          adjustment.level,
          adjustment.targetProjectId,
          adjustment.description,
          adjustment.createdAt,
          adjustment.billingGroupId,
          adjustment.month,
        )
        // RETURNING, not meta.changes: D1 counts the rows the close fence's triggers touch too.
        .first<{ id: string }>();
      return result !== null;
    },
    async listAdjustments(tenantId, billingGroupId, month, page) {
      const { results } = await db
        .prepare(
          `SELECT ${ADJUSTMENT_COLUMNS} FROM adjustments
           WHERE tenant_id = ? AND billing_group_id = ? AND (? IS NULL OR month = ?) AND id > ?
           ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, month, month, ...afterParams(page))
        .all<AdjustmentRow>();
      return pageOf(results.map(toAdjustment), page);
    },
    async deleteAdjustment(tenantId, billingGroupId, adjustmentId) {
      const deleted = await db
        .prepare(
          `DELETE FROM adjustments WHERE tenant_id = ? AND billing_group_id = ? AND id = ? AND NOT ${MONTH_IS_CLOSED}
           RETURNING id`,
        )
        .bind(tenantId, billingGroupId, adjustmentId)
        .first<{ id: string }>();
      if (deleted) return { outcome: 'deleted' };
      const kept = await db
        .prepare('SELECT month FROM adjustments WHERE tenant_id = ? AND billing_group_id = ? AND id = ?')
        .bind(tenantId, billingGroupId, adjustmentId)
        .first<{ month: string }>();
      return kept ? { outcome: 'period-closed', month: kept.month } : { outcome: 'not-found' };
    },
  };
}
