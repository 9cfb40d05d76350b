import {
  type Currency,
  type Instant,
  type Month,
  max,
  outstandingAmount,
  type Payment,
  type PreviousStatement,
  type StatementInput,
  toDecimalString,
  ZERO,
} from '@billing/engine';
import { ApiError } from '../http/problem';
import type { Storage } from '../storage/port';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import type { StatementSummary } from '../storage/ports/statements';
import { aggregateStoredUsage } from './usage-aggregation';
import { standingOf } from './wire-objects';

/** The built-in price books, by currency: only KRW has one (DOMAIN §3). */
const DEFAULT_PRICE_BOOKS: Partial<Record<Currency, string>> = { KRW: 'default-krw' };

export interface AssembledInput {
  input: StatementInput;
  /** The statement whose outstanding amount becomes this one's unpaid balance, if any. */
  previous: StatementSummary | null;
  /** The previous statement's payments, as read for its outstanding amount. */
  previousPayments: Payment[];
}

/**
 * Everything a statement of (group, month) is computed from (DOMAIN §4), read from storage as of
 * `asOf`: settings, price book, contract, usage, adjustments, credits, and the balance forward of
 * the group's latest live closed statement of an earlier month.
 */
export async function assembleStatementInput(
  storage: Storage,
  group: BillingGroupRecord,
  month: Month,
  asOf: Instant,
): Promise<AssembledInput> {
  const tenantId = group.tenantId;
  const [priceBook, contract, events, adjustments, credits, previous] = await Promise.all([
    priceBookOf(storage, group),
    storage.contractForMonth(tenantId, group.id, month),
    storage.usageEventsForStatement(tenantId, group.id, month),
    storage.adjustmentsForMonth(tenantId, group.id, month),
    storage.creditGrantsForStatement(tenantId, group.id),
    storage.latestClosedStatementBefore(tenantId, group.id, month),
  ]);
  const previousPayments = previous ? await storage.paymentsForStatement(tenantId, previous.id) : [];
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
      contract,
      usage: aggregateStoredUsage(events, month),
      adjustments,
      credits,
      previousStatement: previous && balanceForward(previous, previousPayments),
      asOf,
    },
    previous,
    previousPayments,
  };
}

/** What is still owed on a closed statement once its credit notes and succeeded payments are taken off. */
export function balanceForward(statement: StatementSummary, payments: readonly Payment[]): PreviousStatement {
  // Credit notes took their part off before it is carried (standingOf counts them).
  const outstanding = outstandingAmount(standingOf(statement), payments);
  return {
    statementId: statement.id,
    month: statement.month,
    outstanding: toDecimalString(max(outstanding, ZERO)),
    dueAt: statement.dueAt,
  };
}

async function priceBookOf(storage: Storage, group: BillingGroupRecord) {
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
  const priceBook = await storage.getPriceBook(group.tenantId, priceBookId);
  if (!priceBook) {
    throw new ApiError(
      409,
      'price-book-missing',
      'The billing group’s price book does not exist',
      `billing group ${group.id} is billed from price book ${priceBookId}, which does not exist`,
      { extensions: { billingGroupId: group.id, priceBookId } },
    );
  }
  return priceBook;
}
