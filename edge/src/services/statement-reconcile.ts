import {
  ConflictError,
  conflicts,
  type Month,
  type ReconcileReport,
  reconcileStatement,
} from '@billing/engine';
import type { Storage } from '../storage/port';
import type { ReconciliationFinding } from '../storage/ports/reconciliation';
import type { StatementRecord } from '../storage/ports/statements';
import type { StatementContext } from './statement-close';
import { balanceForward } from './statement-input';
import { aggregateStoredUsage } from './usage-aggregation';

/**
 * Recomputes a closed statement from what storage holds now for its period and diffs it with the
 * closed one (DOMAIN §6, engine `reconcileStatement`). A voided statement's month is open again, so
 * there is nothing to reconcile it with: 409 `statement-void`.
 */
export async function reconcileClosedStatement(
  storage: Storage,
  statement: StatementRecord,
): Promise<ReconcileReport> {
  if (statement.voidedAt !== null) {
    throw new ConflictError('statement-void', conflicts.statementVoid(statement.id), {
      statementId: statement.id,
    });
  }
  const { tenantId, billingGroupId, month } = statement;
  const [contract, events, adjustments, ledger, previousOutstanding] = await Promise.all([
    storage.contractForMonth(tenantId, billingGroupId, month),
    storage.usageEventsForStatement(tenantId, billingGroupId, month),
    storage.adjustmentsForMonth(tenantId, billingGroupId, month),
    storage.statementLedger(tenantId, statement.id),
    outstandingNow(storage, tenantId, statement.closed.inputs.previousStatement?.statementId ?? null),
  ]);
  return reconcileStatement(statement.closed, {
    usage: aggregateStoredUsage(events, month),
    adjustments,
    contract,
    ledger,
    previousOutstanding,
  });
}

/** What the statement a close carried forward owes now, as a balance forward would read it today. */
async function outstandingNow(storage: Storage, tenantId: string, statementId: string | null) {
  if (statementId === null) return null;
  const [previous, payments] = await Promise.all([
    storage.getStatement(tenantId, statementId),
    storage.paymentsForStatement(tenantId, statementId),
  ]);
  return previous ? balanceForward(previous, payments).outstanding : null;
}

export interface ReconciliationSweep {
  id: string;
  month: Month;
  checked: number;
  findings: ReconciliationFinding[];
  startedAt: string;
  finishedAt: string;
}

/**
 * Reconciles every live closed statement of the tenant's month and records a finding for each one
 * that differs. Run on demand and by the month-end job once it has closed the month.
 */
export async function sweepMonth(
  context: StatementContext,
  tenantId: string,
  month: Month,
): Promise<ReconciliationSweep> {
  const { storage, deps } = context;
  const id = deps.newId('rs');
  const startedAt = deps.clock().toISOString();
  const statements = await storage.liveStatementsOfMonth(tenantId, month);
  const findings: ReconciliationFinding[] = [];
  for (const statement of statements) {
    const report = await reconcileClosedStatement(storage, statement);
    if (report.clean) continue;
    findings.push({
      id: deps.newId('rf'),
      tenantId,
      sweepId: id,
      statementId: statement.id,
      billingGroupId: statement.billingGroupId,
      month,
      differences: report.differences,
      foundAt: deps.clock().toISOString(),
    });
  }
  await storage.recordFindings(findings);
  return {
    id,
    month,
    checked: statements.length,
    findings,
    startedAt,
    finishedAt: deps.clock().toISOString(),
  };
}
