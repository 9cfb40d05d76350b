import type { BudgetKind, BudgetRecord, BudgetStore } from '../ports/budgets';
import { afterParams, pageOf } from './paging';

interface BudgetRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  name: string;
  kind: string;
  counter_name: string | null;
  threshold: string;
  created_at: string;
}

const COLUMNS = 'id, tenant_id, billing_group_id, name, kind, counter_name, threshold, created_at';

const toBudget = (row: BudgetRow): BudgetRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  name: row.name,
  kind: row.kind as BudgetKind,
  counterName: row.counter_name,
  threshold: row.threshold,
  createdAt: row.created_at,
});

/** The dedupe key of a budget's crossing: once per budget and month (services/budgets.ts). */
export const budgetCrossingKey = (budgetId: string, month: string) =>
  `budget.threshold_crossed:${budgetId}:${month}`;

export function d1BudgetStore(db: D1Database): BudgetStore {
  return {
    async createBudget(budget) {
      await db
        .prepare(`INSERT INTO budgets (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .bind(
          budget.id,
          budget.tenantId,
          budget.billingGroupId,
          budget.name,
          budget.kind,
          budget.counterName,
          budget.threshold,
          budget.createdAt,
        )
        .run();
    },
    async listBudgets(tenantId, billingGroupId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM budgets WHERE tenant_id = ? AND billing_group_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, ...afterParams(page))
        .all<BudgetRow>();
      return pageOf(results.map(toBudget), page);
    },
    async budgetsOfGroup(tenantId, billingGroupId) {
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM budgets WHERE tenant_id = ? AND billing_group_id = ? ORDER BY id`)
        .bind(tenantId, billingGroupId)
        .all<BudgetRow>();
      return results.map(toBudget);
    },
    async deleteBudget(tenantId, billingGroupId, budgetId) {
      const row = await db
        .prepare('DELETE FROM budgets WHERE tenant_id = ? AND billing_group_id = ? AND id = ? RETURNING id')
        .bind(tenantId, billingGroupId, budgetId)
        .first<{ id: string }>();
      return row !== null;
    },
    async crossedBudgets(tenantId, billingGroupId, month) {
      const { results } = await db
        .prepare(
          `SELECT b.id, ev.created_at FROM budgets b
           JOIN events ev ON ev.tenant_id = b.tenant_id
             AND ev.dedupe_key = 'budget.threshold_crossed:' || b.id || ':' || ?
           WHERE b.tenant_id = ? AND b.billing_group_id = ?`,
        )
        .bind(month, tenantId, billingGroupId)
        .all<{ id: string; created_at: string }>();
      return new Map(results.map((row) => [row.id, row.created_at]));
    },
  };
}
