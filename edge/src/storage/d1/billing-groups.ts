import type { Currency, RoundingMode } from '@billing/engine';
import type { BillingGroupRecord, BillingGroupStore, ProjectRecord } from '../ports/billing-groups';
import { afterParams, pageOf } from './paging';

export interface BillingGroupRow {
  id: string;
  tenant_id: string;
  name: string;
  currency: string;
  vat_rate: string;
  rounding_mode: string;
  payment_terms_days: number;
  late_fee_rate: string;
  price_book_id: string | null;
  auto_close: number;
  test_clock_id: string | null;
  clock_time: string | null;
  created_at: string;
}

const GROUP_COLUMNS =
  'id, tenant_id, name, currency, vat_rate, rounding_mode, payment_terms_days, late_fee_rate, price_book_id, auto_close, test_clock_id, created_at';

/** A group with its test clock's time, read in the same query (DOMAIN §8a). */
export const GROUP_WITH_CLOCK = `SELECT ${GROUP_COLUMNS.split(', ')
  .map((column) => `g.${column}`)
  .join(', ')}, c.frozen_time AS clock_time
  FROM billing_groups AS g LEFT JOIN test_clocks AS c ON c.id = g.test_clock_id`;

export const toGroup = (row: BillingGroupRow): BillingGroupRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  currency: row.currency as Currency,
  vatRate: row.vat_rate,
  roundingMode: row.rounding_mode as RoundingMode,
  paymentTermsDays: row.payment_terms_days,
  lateFeeRate: row.late_fee_rate,
  priceBookId: row.price_book_id,
  autoClose: row.auto_close === 1,
  testClockId: row.test_clock_id,
  clockTime: row.clock_time,
  createdAt: row.created_at,
});

interface ProjectRow {
  id: string;
  tenant_id: string;
  billing_group_id: string;
  name: string;
  created_at: string;
}

const toProject = (row: ProjectRow): ProjectRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  name: row.name,
  createdAt: row.created_at,
});

/** Column for each changeable field; only these names ever reach the SQL text. */
const CHANGE_COLUMNS = {
  name: 'name',
  vatRate: 'vat_rate',
  roundingMode: 'rounding_mode',
  paymentTermsDays: 'payment_terms_days',
  lateFeeRate: 'late_fee_rate',
  priceBookId: 'price_book_id',
  autoClose: 'auto_close',
} as const;

/** D1 binds no booleans: a flag is stored as 0 or 1. */
const columnValue = (value: string | number | boolean | null | undefined) =>
  typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);

export function d1BillingGroupStore(db: D1Database): BillingGroupStore {
  return {
    async createBillingGroup(group, maxOnClock = Number.MAX_SAFE_INTEGER) {
      const values = [
        group.id,
        group.tenantId,
        group.name,
        group.currency,
        group.vatRate,
        group.roundingMode,
        group.paymentTermsDays,
        group.lateFeeRate,
        group.priceBookId,
        group.autoClose ? 1 : 0,
        group.testClockId,
        group.createdAt,
      ];
      if (group.testClockId === null) {
        await db
          .prepare(
            `INSERT INTO billing_groups (${GROUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(...values)
          .run();
        return true;
      }
      // On a clock, one statement: of two creates on an almost full clock, at most the room left goes in.
      const result = await db
        .prepare(
          `INSERT INTO billing_groups (${GROUP_COLUMNS})
           SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12
           WHERE (SELECT COUNT(*) FROM billing_groups WHERE test_clock_id = ?11) < ?13`,
        )
        .bind(...values, maxOnClock)
        .run();
      return result.meta.changes === 1;
    },
    async getBillingGroup(tenantId, billingGroupId) {
      const row = await db
        .prepare(`${GROUP_WITH_CLOCK} WHERE g.tenant_id = ? AND g.id = ?`)
        .bind(tenantId, billingGroupId)
        .first<BillingGroupRow>();
      return row && toGroup(row);
    },
    async listBillingGroups(tenantId, page) {
      const { results } = await db
        .prepare(`${GROUP_WITH_CLOCK} WHERE g.tenant_id = ? AND g.id > ? ORDER BY g.id LIMIT ?`)
        .bind(tenantId, ...afterParams(page))
        .all<BillingGroupRow>();
      return pageOf(results.map(toGroup), page);
    },
    async updateBillingGroup(tenantId, billingGroupId, changes) {
      const fields = (Object.keys(CHANGE_COLUMNS) as (keyof typeof CHANGE_COLUMNS)[]).filter(
        (field) => changes[field] !== undefined,
      );
      if (fields.length === 0) return this.getBillingGroup(tenantId, billingGroupId);
      const assignments = fields.map((field) => `${CHANGE_COLUMNS[field]} = ?`).join(', ');
      // The row as this UPDATE left it, the clock's time included (RETURNING cannot join, but a
      // subquery may read it): a second read could show a concurrent change's name instead.
      const updated = await db
        .prepare(
          `UPDATE billing_groups SET ${assignments} WHERE tenant_id = ? AND id = ?
           RETURNING ${GROUP_COLUMNS},
             (SELECT c.frozen_time FROM test_clocks AS c WHERE c.id = billing_groups.test_clock_id) AS clock_time`,
        )
        .bind(...fields.map((field) => columnValue(changes[field])), tenantId, billingGroupId)
        .first<BillingGroupRow>();
      return updated && toGroup(updated);
    },
    async createProject(project) {
      await db
        .prepare(
          'INSERT INTO projects (id, tenant_id, billing_group_id, name, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .bind(project.id, project.tenantId, project.billingGroupId, project.name, project.createdAt)
        .run();
    },
    async getProject(tenantId, projectId) {
      const row = await db
        .prepare(
          'SELECT id, tenant_id, billing_group_id, name, created_at FROM projects WHERE tenant_id = ? AND id = ?',
        )
        .bind(tenantId, projectId)
        .first<ProjectRow>();
      return row && toProject(row);
    },
    async listProjects(tenantId, billingGroupId, page) {
      const { results } = await db
        .prepare(
          `SELECT id, tenant_id, billing_group_id, name, created_at FROM projects
           WHERE tenant_id = ? AND billing_group_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, ...afterParams(page))
        .all<ProjectRow>();
      return pageOf(results.map(toProject), page);
    },
  };
}
