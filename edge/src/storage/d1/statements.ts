import {
  type ClosedStatement,
  ConflictError,
  type Currency,
  conflicts,
  Decimal,
  formatMoney,
  fromMinorUnits,
  type LedgerEntryKind,
  type MonthActivity,
  planConsumption,
  type StatementInput,
  type StatementResult,
  toMinorUnits,
  ValidationError,
} from '@billing/engine';
import type { StatementRecord, StatementStore, StatementSummary } from '../ports/statements';
import type { PageRequest } from '../ports/tenants';
import { creditLedgerInsert } from './credits';
import { eventInsert } from './events';

interface StatementRow {
  id: string;
  number: string;
  tenant_id: string;
  billing_group_id: string;
  month: string;
  closed_at: string;
  due_at: string;
  voided_at: string | null;
  total: string;
  currency: string;
  content_hash: string;
  carried_forward_by: string | null;
  close_job_id: string | null;
  credited_minor: number;
}

interface StatementRowWithJson extends StatementRow {
  inputs_json: string;
  result_json: string;
}

const SUMMARY_COLUMNS =
  'id, number, tenant_id, billing_group_id, month, closed_at, due_at, voided_at, total, currency, content_hash, carried_forward_by, close_job_id, credited_minor';
const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, inputs_json, result_json`;

const toSummary = (row: StatementRow): StatementSummary => ({
  id: row.id,
  number: row.number,
  tenantId: row.tenant_id,
  billingGroupId: row.billing_group_id,
  month: row.month,
  closedAt: row.closed_at,
  dueAt: row.due_at,
  voidedAt: row.voided_at,
  total: row.total,
  credited: formatMoney(
    fromMinorUnits(BigInt(row.credited_minor), row.currency as Currency),
    row.currency as Currency,
  ),
  currency: row.currency,
  carriedForwardBy: row.carried_forward_by,
  contentHash: row.content_hash,
  closeJobId: row.close_job_id,
});

/** The frozen statement as the engine closed it; its CONSUME entries follow from its applied credits. */
function toRecord(row: StatementRowWithJson): StatementRecord {
  const result = JSON.parse(row.result_json) as StatementResult;
  const closed: ClosedStatement = {
    statementId: row.id,
    billingGroupId: row.billing_group_id,
    month: row.month,
    closedAt: row.closed_at,
    dueAt: row.due_at,
    inputs: JSON.parse(row.inputs_json) as StatementInput,
    result,
    contentHash: row.content_hash,
    creditConsumption: planConsumption(row.id, result.credits, row.closed_at),
  };
  return { ...toSummary(row), closed };
}

/** Integer minor units for the columns triggers compare; amounts beyond 2^53 cannot be stored exactly. */
function minorUnits(amount: string, currency: Currency): number {
  const minor = Number(toMinorUnits(new Decimal(amount), currency, 'HALF_UP'));
  if (!Number.isSafeInteger(minor)) {
    throw new ValidationError([
      { field: 'total', rule: 'storable-amount', message: `${amount} ${currency} is too large to store` },
    ]);
  }
  return minor;
}

/** `<month>_<statementId>`: the keyset of a statement list, newest month first. */
const CURSOR = /^(\d{4}-\d{2})_([A-Za-z0-9_-]+)$/;

function statementCursor(after: string | null): { month: string; id: string } | null {
  if (after === null) return null;
  const match = CURSOR.exec(after);
  if (!match) {
    throw new ValidationError([
      { field: 'query.cursor', rule: 'cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return { month: match[1] as string, id: match[2] as string };
}

/** The D1 errors that the schema's constraints and triggers raise when a close loses a race. */
function closeConflict(message: string, closed: ClosedStatement): ConflictError | null {
  const details = { billingGroupId: closed.billingGroupId, month: closed.month };
  if (message.includes('close-inputs-changed')) {
    return new ConflictError(
      'close-inputs-changed',
      `a write to ${closed.month} or what its statement reads committed while it was being closed`,
      details,
    );
  }
  if (message.includes('UNIQUE constraint failed: statements.billing_group_id, statements.month')) {
    return new ConflictError(
      'statement-closed',
      `the statement of ${closed.month} was closed meanwhile by another request`,
      details,
    );
  }
  if (message.includes('insufficient-credit')) {
    return new ConflictError(
      'insufficient-credit',
      'a credit grant was spent meanwhile and no longer covers this statement; close it again',
      details,
    );
  }
  if (message.includes('carried-forward')) {
    return new ConflictError(
      'carried-forward',
      'the previous statement was voided or carried forward meanwhile; close it again',
      details,
    );
  }
  if (message.includes('balance-forward-changed')) {
    return new ConflictError(
      'carried-forward',
      'the previous statement was paid meanwhile, so its balance forward changed; close it again',
      details,
    );
  }
  return null;
}

/** The D1 errors that the schema's constraints and triggers raise when a void loses a race. */
function voidConflict(message: string, statement: StatementSummary): ConflictError | null {
  const details = { statementId: statement.id };
  if (message.includes('statement-void') || message.includes('UNIQUE constraint failed: credit_ledger')) {
    return new ConflictError('statement-void', conflicts.statementVoid(statement.id), details);
  }
  if (message.includes('carried-forward')) {
    return new ConflictError(
      'carried-forward',
      `statement ${statement.id} was carried forward meanwhile; void the statement that carries it first`,
      details,
    );
  }
  return null;
}

async function runBatch(
  db: D1Database,
  writes: D1PreparedStatement[],
  conflictOf: (message: string) => ConflictError | null,
): Promise<D1Result[]> {
  try {
    return await db.batch(writes);
  } catch (error) {
    throw conflictOf(String((error as Error)?.message ?? error)) ?? error;
  }
}

export function d1StatementStore(db: D1Database): StatementStore {
  const one = async (sql: string, ...params: unknown[]) => {
    const row = await db
      .prepare(sql)
      .bind(...params)
      .first<StatementRowWithJson>();
    return row && toRecord(row);
  };

  return {
    getStatement(tenantId, statementId) {
      return one(
        `SELECT ${RECORD_COLUMNS} FROM statements WHERE tenant_id = ? AND id = ?`,
        tenantId,
        statementId,
      );
    },
    async liveStatementsOfMonth(tenantId, month) {
      const { results } = await db
        .prepare(
          `SELECT ${RECORD_COLUMNS} FROM statements
           WHERE tenant_id = ? AND month = ? AND voided_at IS NULL ORDER BY id`,
        )
        .bind(tenantId, month)
        .all<StatementRowWithJson>();
      return results.map(toRecord);
    },
    latestClosedStatement(tenantId, billingGroupId) {
      return one(
        `SELECT ${RECORD_COLUMNS} FROM statements
         WHERE tenant_id = ? AND billing_group_id = ? AND voided_at IS NULL
         ORDER BY month DESC LIMIT 1`,
        tenantId,
        billingGroupId,
      );
    },
    async latestClosedStatementBefore(tenantId, billingGroupId, month) {
      // The summary only: a balance forward needs the total and dates, not the frozen inputs and
      // result, whose JSON would be parsed on every draft read.
      const row = await db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM statements
           WHERE tenant_id = ? AND billing_group_id = ? AND voided_at IS NULL AND month < ?
           ORDER BY month DESC LIMIT 1`,
        )
        .bind(tenantId, billingGroupId, month)
        .first<StatementRow>();
      return row && toSummary(row);
    },
    liveStatementForMonth(tenantId, billingGroupId, month) {
      return one(
        `SELECT ${RECORD_COLUMNS} FROM statements
         WHERE tenant_id = ? AND billing_group_id = ? AND month = ? AND voided_at IS NULL`,
        tenantId,
        billingGroupId,
        month,
      );
    },
    async listStatements(tenantId, billingGroupId, page: PageRequest) {
      const cursor = statementCursor(page.after);
      const { results } = await db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM statements
           WHERE tenant_id = ? AND billing_group_id = ? AND (? = 0 OR month < ? OR (month = ? AND id < ?))
           ORDER BY month DESC, id DESC LIMIT ?`,
        )
        .bind(
          tenantId,
          billingGroupId,
          cursor ? 1 : 0,
          cursor?.month ?? '',
          cursor?.month ?? '',
          cursor?.id ?? '',
          page.limit + 1,
        )
        .all<StatementRow>();
      const items = results.slice(0, page.limit).map(toSummary);
      const last = items.at(-1);
      const nextCursor = results.length > page.limit && last ? `${last.month}_${last.id}` : null;
      return { items, nextCursor };
    },
    async monthActivity(tenantId, billingGroupId) {
      const { results } = await db
        .prepare(
          `SELECT month, MAX(live) AS closed FROM (
             SELECT DISTINCT month, 0 AS live FROM usage_events WHERE tenant_id = ? AND billing_group_id = ?
             UNION ALL
             SELECT DISTINCT month, 0 AS live FROM adjustments WHERE tenant_id = ? AND billing_group_id = ?
             UNION ALL
             SELECT month, CASE WHEN voided_at IS NULL THEN 1 ELSE 0 END AS live FROM statements
             WHERE tenant_id = ? AND billing_group_id = ?
           ) GROUP BY month ORDER BY month`,
        )
        .bind(tenantId, billingGroupId, tenantId, billingGroupId, tenantId, billingGroupId)
        .all<{ month: string; closed: number }>();
      return results.map(
        (row): MonthActivity => ({ month: row.month, closed: row.closed === 1, hasActivity: true }),
      );
    },
    async statementLedger(tenantId, statementId) {
      const { results } = await db
        .prepare(
          `SELECT grant_id, kind, amount, at, statement_id FROM credit_ledger
           WHERE tenant_id = ? AND statement_id = ? ORDER BY seq`,
        )
        .bind(tenantId, statementId)
        .all<{ grant_id: string; kind: string; amount: string; at: string; statement_id: string }>();
      return results.map((row) => ({
        grantId: row.grant_id,
        kind: row.kind as LedgerEntryKind,
        amount: row.amount,
        at: row.at,
        statementId: row.statement_id,
      }));
    },
    async closeFence(tenantId, billingGroupId) {
      const row = await db
        .prepare(
          `SELECT revision,
             (SELECT COALESCE(MAX(seq), 0) FROM usage_events WHERE tenant_id = ? AND billing_group_id = ?) AS usage_seq
           FROM billing_groups WHERE tenant_id = ? AND id = ?`,
        )
        .bind(tenantId, billingGroupId, tenantId, billingGroupId)
        .first<{ revision: number; usage_seq: number }>();
      if (!row) throw new Error(`billing group ${billingGroupId} vanished while closing`);
      return { revision: row.revision, usageSeq: row.usage_seq };
    },
    async insertClosedStatement({ tenantId, closed, fence, closeJobId, carriesForward, events }) {
      const currency = closed.result.currency;
      const year = closed.month.slice(0, 4);
      const writes = [
        // The tenant's next number for the year: taken here, rolled back with the batch if it fails.
        db
          .prepare(
            `INSERT INTO document_sequences (tenant_id, kind, year, last) VALUES (?, 'ST', ?, 1)
             ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last = last + 1`,
          )
          .bind(tenantId, year),
        db
          .prepare(
            `INSERT INTO statements (id, tenant_id, billing_group_id, month, closed_at, due_at, voided_at, total,
               total_minor, currency, content_hash, inputs_json, result_json, carried_forward_by, close_job_id,
               unpaid_minor, fence_revision, fence_usage_seq, number)
             VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?,
               (SELECT 'ST-' || year || '-' || printf('%06d', last) FROM document_sequences
                WHERE tenant_id = ? AND kind = 'ST' AND year = ?))
             RETURNING number`,
          )
          .bind(
            closed.statementId,
            tenantId,
            closed.billingGroupId,
            closed.month,
            closed.closedAt,
            closed.dueAt,
            closed.result.total,
            minorUnits(closed.result.total, currency),
            currency,
            closed.contentHash,
            JSON.stringify(closed.inputs),
            JSON.stringify(closed.result),
            closeJobId,
            minorUnits(closed.result.unpaid, currency),
            fence.revision,
            fence.usageSeq,
            tenantId,
            year,
          ),
        ...closed.creditConsumption.map((entry) =>
          creditLedgerInsert(db, { tenantId, billingGroupId: closed.billingGroupId, currency }, entry),
        ),
      ];
      if (carriesForward !== null) {
        writes.push(
          db
            .prepare('UPDATE statements SET carried_forward_by = ? WHERE tenant_id = ? AND id = ?')
            .bind(closed.statementId, tenantId, carriesForward),
        );
      }
      // The events carry the number the statement was just given.
      writes.push(
        ...events.map((event) =>
          eventInsert(db, event, { numberOf: { table: 'statements', id: closed.statementId } }),
        ),
      );
      const results = await runBatch(db, writes, (message) => closeConflict(message, closed));
      const number = (results[1]?.results[0] as { number?: string } | undefined)?.number;
      if (!number) throw new Error(`statement ${closed.statementId} was stored without a number`);
      return number;
    },
    async voidStatement({ tenantId, statement, voidedAt, releases, events }) {
      const currency = statement.closed.result.currency;
      await runBatch(
        db,
        [
          db
            .prepare('UPDATE statements SET voided_at = ? WHERE tenant_id = ? AND id = ?')
            .bind(voidedAt, tenantId, statement.id),
          ...releases.map((entry) =>
            creditLedgerInsert(db, { tenantId, billingGroupId: statement.billingGroupId, currency }, entry),
          ),
          db
            .prepare(
              'UPDATE statements SET carried_forward_by = NULL WHERE tenant_id = ? AND carried_forward_by = ?',
            )
            .bind(tenantId, statement.id),
          ...events.map((event) => eventInsert(db, event)),
        ],
        (message) => voidConflict(message, statement),
      );
    },
  };
}
