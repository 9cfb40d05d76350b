import type { ClosedStatement, LedgerEntry, Month, MonthActivity } from '@billing/engine';
import type { NewEvent } from './events';
import type { Page, PageRequest } from './tenants';

/** What a list shows of a closed (or voided) statement, without its frozen inputs and result. */
export interface StatementSummary {
  id: string;
  /** `ST-<year>-<NNNNNN>`: gapless per tenant and year of the statement's month, given at close. */
  number: string;
  tenantId: string;
  billingGroupId: string;
  month: Month;
  closedAt: string;
  dueAt: string;
  voidedAt: string | null;
  total: string;
  /** What its credit notes took off the outstanding amount, in its currency. */
  credited: string;
  currency: string;
  carriedForwardBy: string | null;
  contentHash: string;
  /** The month-end job that closed it, or null when it was closed on its own. */
  closeJobId: string | null;
}

/** A closed (or voided) statement as stored (owner: the statement routes). */
export interface StatementRecord extends StatementSummary {
  closed: ClosedStatement;
}

/**
 * What a close's snapshot saw, read before its inputs (edge/STATEMENTS.md, "The close fence"): the
 * close commits only if nothing it read has changed since.
 */
export interface CloseFence {
  /** The group's revision: every write a statement reads, other than usage, moves it. */
  revision: number;
  /** The group's highest usage event `seq`: no event of the month or earlier may be stored after it. */
  usageSeq: number;
}

/** Everything one close writes, in one atomic batch. */
export interface StatementClose {
  tenantId: string;
  closed: ClosedStatement;
  fence: CloseFence;
  closeJobId: string | null;
  /** The earlier statement whose outstanding amount this one takes over as its unpaid balance. */
  carriesForward: string | null;
  /** The events that report the close (`statement.closed`), written in the same batch (the outbox). */
  events: NewEvent[];
}

/** Everything one void writes, in one atomic batch. */
export interface StatementVoidWrite {
  tenantId: string;
  statement: StatementRecord;
  voidedAt: string;
  /** RELEASE entries giving back every credit the statement consumed. */
  releases: LedgerEntry[];
  /** The events that report the void (`statement.voided`), written in the same batch. */
  events: NewEvent[];
}

export interface StatementStore {
  getStatement(tenantId: string, statementId: string): Promise<StatementRecord | null>;
  /** The tenant's live (closed, not void) statements of a month, in id order: what a reconcile sweep reads. */
  liveStatementsOfMonth(tenantId: string, month: Month): Promise<StatementRecord[]>;
  /** The group's latest live (not void) closed statement: the one a payment pays. */
  latestClosedStatement(tenantId: string, billingGroupId: string): Promise<StatementRecord | null>;
  /** The group's latest live closed statement of a month before `month`: a statement's balance forward. */
  latestClosedStatementBefore(
    tenantId: string,
    billingGroupId: string,
    month: Month,
  ): Promise<StatementSummary | null>;
  /** The live (not void) statement of that month, if it is closed. */
  liveStatementForMonth(
    tenantId: string,
    billingGroupId: string,
    month: Month,
  ): Promise<StatementRecord | null>;
  /**
   * The group's statements, voided ones included, newest month first. The cursor (`after`) is
   * `<month>_<statementId>` of the last item; a cursor of another shape throws a ValidationError.
   */
  listStatements(
    tenantId: string,
    billingGroupId: string,
    page: PageRequest,
  ): Promise<Page<StatementSummary>>;
  /** Every month of the group with usage, adjustments or a statement, and whether it is closed. */
  monthActivity(tenantId: string, billingGroupId: string): Promise<MonthActivity[]>;
  /** The CONSUME and RELEASE ledger entries that name the statement. */
  statementLedger(tenantId: string, statementId: string): Promise<LedgerEntry[]>;
  /** The close fence's snapshot of the group, read before a close reads its inputs. */
  closeFence(tenantId: string, billingGroupId: string): Promise<CloseFence>;
  /**
   * Inserts the statement, its CONSUME entries and the carry-forward mark in one batch. A write the
   * fence did not see throws ConflictError `close-inputs-changed`; a second live statement for the
   * month throws `statement-closed`; a credit that no longer covers its consumption throws
   * `insufficient-credit`. Answers the number the statement was given (the tenant's next for its
   * year, taken in the same batch); its `statement.closed` events carry it too.
   */
  insertClosedStatement(write: StatementClose): Promise<string>;
  /**
   * Marks the statement void, writes its RELEASE entries and lifts the carry-forward mark from the
   * statement it had taken over, in one batch. A statement voided meanwhile throws `statement-void`.
   */
  voidStatement(write: StatementVoidWrite): Promise<void>;
}
