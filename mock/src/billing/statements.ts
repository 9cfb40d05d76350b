import {
  type Adjustment,
  appendToLedger,
  assertClosable,
  assertMonthCanClose,
  ConflictError,
  closeStatement,
  compareMonths,
  Decimal,
  deriveStatementState,
  type Instant,
  type Month,
  type MonthActivity,
  max,
  outstandingAmount,
  type Payment,
  periodOf,
  planStatementVoid,
  type StatementInput,
  type StatementStanding,
  toDecimalString,
  ZERO,
} from '@billing/engine';
import { ApiError } from '../../../edge/src/lib/problem';
import { aggregateStoredUsage } from '../../../edge/src/services/usage-aggregation';
import { newId } from '../operation';
import type { BillingGroupRecord, PaymentRecord, StatementRecord, TenantData, World } from '../store';
import { appendLedger, creditGrantsForStatement, ledgerOfGrants } from './credits';
import { contractForMonth, enginePriceBook, findPriceBook } from './pricing';
import { usageEventsForStatement } from './usage';

/** The built-in price books, by currency: only KRW has one (DOMAIN §3). */
const DEFAULT_PRICE_BOOKS: Partial<Record<string, string>> = { KRW: 'default-krw' };

export function standingOf(statement: StatementRecord): StatementStanding {
  return {
    statementId: statement.id,
    total: statement.total,
    closedAt: statement.closedAt,
    dueAt: statement.dueAt,
    voidedAt: statement.voidedAt,
    carriedForwardBy: statement.carriedForwardBy,
  };
}

export function enginePayments(payments: readonly PaymentRecord[]): Payment[] {
  return payments.map((payment) => ({
    paymentId: payment.id,
    statementId: payment.statementId,
    amount: payment.amount,
    state: payment.state,
  }));
}

/** A closed or voided statement's standing as of now: its state from close, void and payments. */
export function standingToWire(data: TenantData, statement: StatementRecord, asOf: Instant) {
  const { state, paid, outstanding } = deriveStatementState(
    standingOf(statement),
    enginePayments(data.paymentsOf(statement.id)),
    asOf,
  );
  return {
    statementId: statement.id,
    billingGroupId: statement.billingGroupId,
    month: statement.month,
    currency: statement.currency,
    state,
    total: statement.total,
    paid: toDecimalString(paid),
    outstanding: toDecimalString(outstanding),
    closedAt: statement.closedAt,
    dueAt: statement.dueAt,
    voidedAt: statement.voidedAt,
    carriedForwardBy: statement.carriedForwardBy,
    contentHash: statement.contentHash,
  };
}

export function closedToWire(data: TenantData, statement: StatementRecord, asOf: Instant) {
  return { ...standingToWire(data, statement, asOf), result: statement.closed.result };
}

export interface AssembledInput {
  input: StatementInput;
  previous: StatementRecord | null;
  previousPayments: PaymentRecord[];
}

/**
 * Everything a statement of (group, month) is computed from (DOMAIN §4), as of `asOf`: settings,
 * price book, contract, usage, adjustments, credits and the balance forward of the group's latest
 * live closed statement of an earlier month.
 */
export function assembleStatementInput(
  data: TenantData,
  group: BillingGroupRecord,
  month: Month,
  asOf: Instant,
): AssembledInput {
  const priceBook = priceBookOf(data, group);
  const previous = data.latestLiveStatement(group.id, month);
  const previousPayments = previous ? data.paymentsOf(previous.id) : [];
  const adjustments = [...data.adjustments.values()]
    .filter((adjustment) => adjustment.billingGroupId === group.id && adjustment.month === month)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(
      ({ id, type, method, value, level, targetProjectId, description }): Adjustment => ({
        id,
        type,
        method,
        value,
        level,
        targetProjectId,
        description,
      }),
    );
  return {
    input: {
      billingGroup: {
        id: group.id,
        currency: group.currency,
        vatRate: group.vatRate,
        roundingMode: group.roundingMode,
        paymentTermsDays: group.paymentTermsDays,
        lateFeeRate: group.lateFeeRate,
      },
      month,
      priceBook,
      contract: contractForMonth(data, group.id, month),
      usage: aggregateStoredUsage(usageEventsForStatement(data, group.id, month), month),
      adjustments,
      credits: creditGrantsForStatement(data, group.id, group.currency),
      previousStatement: previous && {
        statementId: previous.id,
        month: previous.month,
        outstanding: toDecimalString(
          max(outstandingAmount(standingOf(previous), enginePayments(previousPayments)), ZERO),
        ),
        dueAt: previous.dueAt,
      },
      asOf,
    },
    previous,
    previousPayments,
  };
}

function priceBookOf(data: TenantData, group: BillingGroupRecord) {
  const priceBookId = group.priceBookId ?? DEFAULT_PRICE_BOOKS[group.currency];
  if (priceBookId === undefined) {
    throw new ApiError(
      409,
      'price-book-required',
      'The billing group has no price book',
      `billing group ${group.id} bills in ${group.currency}, and the built-in price book is KRW only: ` +
        `create a ${group.currency} price book and set it as the group's priceBookId`,
      { extensions: { billingGroupId: group.id, currency: group.currency } },
    );
  }
  const book = findPriceBook(data, priceBookId);
  if (!book) {
    throw new ApiError(
      409,
      'price-book-missing',
      'The billing group’s price book does not exist',
      `billing group ${group.id} is billed from price book ${priceBookId}, which does not exist`,
      { extensions: { billingGroupId: group.id, priceBookId } },
    );
  }
  return enginePriceBook(book);
}

/** Every month of the group with usage, adjustments or a statement, and whether it is closed. */
function monthActivity(data: TenantData, billingGroupId: string): MonthActivity[] {
  const closed = new Map<Month, boolean>();
  const mark = (month: Month, live: boolean) => closed.set(month, (closed.get(month) ?? false) || live);
  for (const event of data.eventsOf(billingGroupId)) mark(event.month, false);
  for (const adjustment of data.adjustments.values()) {
    if (adjustment.billingGroupId === billingGroupId) mark(adjustment.month, false);
  }
  for (const statement of data.statementsOf(billingGroupId))
    mark(statement.month, statement.voidedAt === null);
  return [...closed]
    .sort(([a], [b]) => compareMonths(a, b))
    .map(([month, isClosed]) => ({ month, closed: isClosed, hasActivity: true }));
}

/** A month closes once it has begun; closing a month ahead would let later usage skip its statement. */
export function assertMonthStarted(month: Month, now: string): void {
  if (periodOf(month).start > Date.parse(now)) {
    throw new ApiError(
      409,
      'month-not-started',
      'The month has not begun',
      `${month} has not begun yet; a month closes once it has started`,
      { extensions: { month } },
    );
  }
}

/**
 * Closes the group's statement of `month` (DOMAIN §6): months close in order and once; the
 * statement, its credit consumption and the carry-forward of the previous statement are written
 * together.
 */
export async function closeMonthOfGroup(
  world: World,
  data: TenantData,
  group: BillingGroupRecord,
  month: Month,
  closedAt: Instant,
): Promise<StatementRecord> {
  assertMonthStarted(month, closedAt);
  const existing = data.liveStatement(group.id, month);
  if (existing) assertClosable(standingOf(existing));
  const months = monthActivity(data, group.id);
  assertMonthCanClose(month, months);
  const later = months.find((entry) => entry.closed && compareMonths(entry.month, month) > 0);
  if (later) {
    throw new ConflictError(
      'month-order',
      `${month} cannot close after ${later.month}, a later month, was closed; void ${later.month} first`,
      { laterMonth: later.month },
    );
  }
  const { input, previous, previousPayments } = assembleStatementInput(data, group, month, closedAt);
  if (previous && previousPayments.some((payment) => payment.state === 'PENDING')) {
    throw new ApiError(
      409,
      'payment-pending',
      'The previous statement has a pending payment',
      `statement ${previous.id} (${previous.month}) has a pending payment; ${month} closes once it has settled`,
      { extensions: { previousStatementId: previous.id } },
    );
  }
  const closed = await closeStatement(input, { statementId: newId('st'), closedAt });
  // The close awaited the content hash: a concurrent close of the month may have won meanwhile.
  if (data.liveStatement(group.id, month)) {
    throw new ConflictError(
      'statement-closed',
      `the statement of ${month} was closed meanwhile by another request`,
      {
        billingGroupId: group.id,
        month,
      },
    );
  }
  appendToLedger(ledgerOfGrants(data, group.id), closed.creditConsumption);
  const record: StatementRecord = {
    id: closed.statementId,
    billingGroupId: group.id,
    month,
    closedAt,
    dueAt: closed.dueAt,
    voidedAt: null,
    total: closed.result.total,
    currency: closed.result.currency,
    carriedForwardBy: null,
    contentHash: closed.contentHash,
    closed,
  };
  data.statements.set(record.id, record);
  appendLedger(world, data, group.id, group.currency, closed.creditConsumption);
  // Only a statement with something left to pay is taken over; a paid one stays PAID.
  if (previous && new Decimal(closed.result.unpaid).greaterThan(0)) previous.carriedForwardBy = record.id;
  return record;
}

/**
 * Voids a closed statement (DOMAIN §6): its credits are released and the statement it carried
 * forward is payable on its own again. Statements void newest first and without payments.
 */
export function voidClosedStatement(
  world: World,
  data: TenantData,
  statement: StatementRecord,
  voidedAt: Instant,
) {
  const latest = data.latestLiveStatement(statement.billingGroupId);
  const payments = data.paymentsOf(statement.id);
  const ledger = ledgerOfGrants(data, statement.billingGroupId).filter(
    (entry) => entry.statementId === statement.id,
  );
  const plan = planStatementVoid(standingOf(statement), ledger, voidedAt);
  if (latest && latest.id !== statement.id && compareMonths(latest.month, statement.month) > 0) {
    throw new ConflictError(
      'month-order',
      `statement ${statement.id} (${statement.month}) is followed by ${latest.id} (${latest.month}); ` +
        `statements are voided newest first, so void ${latest.id} first`,
      { laterStatementId: latest.id, laterMonth: latest.month },
    );
  }
  const paying = payments.filter((payment) => payment.state === 'SUCCEEDED' || payment.state === 'PENDING');
  if (paying.length > 0) {
    throw new ApiError(
      409,
      'statement-has-payments',
      'The statement has payments',
      `statement ${statement.id} has ${paying.length} succeeded or pending payment(s); refund them before voiding it`,
      { extensions: { statementId: statement.id } },
    );
  }
  if (statement.carriedForwardBy) {
    throw new ConflictError(
      'carried-forward',
      `statement ${statement.id} was carried forward meanwhile; void the statement that carries it first`,
      { statementId: statement.id },
    );
  }
  statement.voidedAt = voidedAt;
  appendLedger(world, data, statement.billingGroupId, statement.currency, plan.releases);
  for (const carried of data.statements.values()) {
    if (carried.carriedForwardBy === statement.id) carried.carriedForwardBy = null;
  }
  return statement;
}
