import {
  DEFAULT_CREDIT_PRIORITY,
  deriveStatementState,
  type Payment,
  type StatementResult,
  type StatementStanding,
  toDecimalString,
} from '@billing/engine';
import type { CreditGrantRecord } from '../storage/ports/credits';
import type { JobRecord } from '../storage/ports/jobs';
import type { StatementSummary } from '../storage/ports/statements';

/**
 * Objects as the API shows them, shared by their routes and by the events that report on them
 * (services/events.ts), so a webhook carries exactly what a GET of the object would answer.
 */

/** What the lifecycle rules read of a closed statement. */
export function standingOf(statement: StatementSummary): StatementStanding {
  return {
    statementId: statement.id,
    total: statement.total,
    closedAt: statement.closedAt,
    dueAt: statement.dueAt,
    voidedAt: statement.voidedAt,
    carriedForwardBy: statement.carriedForwardBy,
    credited: statement.credited,
  };
}

/** A closed or voided statement's standing as of `now`, from its close, void and payments. */
export function statementStandingToWire(statement: StatementSummary, payments: Payment[], now: string) {
  const { state, paid, outstanding } = deriveStatementState(standingOf(statement), payments, now);
  return {
    statementId: statement.id,
    number: statement.number,
    billingGroupId: statement.billingGroupId,
    month: statement.month,
    currency: statement.currency as StatementResult['currency'],
    state,
    total: statement.total,
    paid: toDecimalString(paid),
    credited: statement.credited,
    outstanding: toDecimalString(outstanding),
    closedAt: statement.closedAt,
    dueAt: statement.dueAt,
    voidedAt: statement.voidedAt,
    carriedForwardBy: statement.carriedForwardBy,
    contentHash: statement.contentHash,
  };
}

export const jobToWire = (job: JobRecord) => ({
  id: job.id,
  kind: job.kind,
  month: job.month,
  status: job.status,
  total: job.total,
  done: job.done,
  failed: job.failed,
  errors: job.errors,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
});

export const grantToWire = (grant: CreditGrantRecord) => ({
  id: grant.id,
  billingGroupId: grant.billingGroupId,
  type: grant.type,
  amount: grant.amount,
  balance: grant.balance,
  priority: grant.priority ?? DEFAULT_CREDIT_PRIORITY[grant.type],
  priorityIsDefault: grant.priority === null,
  expiresAt: grant.expiresAt,
  grantedAt: grant.grantedAt,
  campaignId: grant.campaignId,
  name: grant.name,
  voidedAt: grant.voidedAt,
  createdAt: grant.createdAt,
  lowBalanceThreshold: grant.lowBalanceThreshold,
});
