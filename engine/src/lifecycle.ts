import { isMonthInBillingWindow } from './billing-window';
import { Decimal, sum, ZERO } from './decimal';
import { ConflictError } from './errors';
import { planRelease } from './ledger';
import { conflicts } from './messages';
import { compareMonths } from './period';
import type {
  DecimalString,
  Instant,
  LedgerEntry,
  Month,
  Payment,
  PaymentState,
  StatementState,
} from './types';

/** What the lifecycle rules need to know of a statement. */
export interface StatementStanding {
  statementId: string;
  total: string;
  /** Null while the statement is a draft. */
  closedAt: Instant | null;
  dueAt: Instant | null;
  voidedAt?: Instant | null;
  /** The later statement that took over this one's outstanding amount as its unpaid balance. */
  carriedForwardBy?: string | null;
  /** What its credit notes took off the outstanding amount (not what they refunded); none: 0. */
  credited?: DecimalString | null;
}

/** Payment transitions (DOMAIN §6): PENDING → SUCCEEDED | FAILED, SUCCEEDED → REFUNDED, nothing else. */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  PENDING: ['SUCCEEDED', 'FAILED'],
  SUCCEEDED: ['REFUNDED'],
  FAILED: [],
  REFUNDED: [],
};

export function transitionPayment(payment: Payment, to: PaymentState): Payment {
  if (!PAYMENT_TRANSITIONS[payment.state].includes(to)) {
    throw new ConflictError('invalid-transition', conflicts.invalidTransition(payment.state, to), {
      paymentId: payment.paymentId,
    });
  }
  return { ...payment, state: to };
}

/** What succeeded payments have paid; a refunded payment no longer counts. */
export function paidAmount(payments: readonly Payment[]): Decimal {
  return sumOf(payments, ['SUCCEEDED']);
}

/** What is still owed once succeeded payments are taken off. */
export function outstandingAmount(statement: StatementStanding, payments: readonly Payment[]): Decimal {
  return new Decimal(statement.total).minus(statement.credited ?? 0).minus(paidAmount(payments));
}

export interface DerivedState {
  state: StatementState;
  paid: Decimal;
  outstanding: Decimal;
}

/** A statement's state follows from its close, void, carry-forward and payments (DOMAIN §6). */
export function deriveStatementState(
  statement: StatementStanding,
  payments: readonly Payment[],
  asOf: Instant,
): DerivedState {
  const paid = paidAmount(payments);
  const outstanding = outstandingAmount(statement, payments);
  const state = ((): StatementState => {
    if (statement.closedAt === null) return 'DRAFT';
    if (statement.voidedAt) return 'VOID';
    if (statement.carriedForwardBy) return 'CARRIED_FORWARD';
    if (!outstanding.greaterThan(0)) return 'PAID';
    if (statement.dueAt !== null && Date.parse(asOf) > Date.parse(statement.dueAt)) return 'OVERDUE';
    return paid.greaterThan(0) ? 'PARTIALLY_PAID' : 'ISSUED';
  })();
  return { state, paid, outstanding };
}

/**
 * Refuses a payment the statement cannot take: a void, draft or carried-forward statement, or an
 * amount beyond what is left once succeeded and still-pending payments are counted, so two
 * concurrent payments can never together exceed the outstanding amount.
 */
export function assertPaymentAcceptable(
  statement: StatementStanding,
  payments: readonly Payment[],
  amount: Decimal,
  asOf: Instant,
): void {
  const { state } = deriveStatementState(statement, payments, asOf);
  if (state === 'CARRIED_FORWARD') {
    throw new ConflictError(
      'carried-forward',
      conflicts.carriedForward(statement.statementId, statement.carriedForwardBy as string),
      { statementId: statement.statementId, carriedForwardBy: statement.carriedForwardBy as string },
    );
  }
  if (state === 'VOID' || state === 'DRAFT') {
    throw new ConflictError('not-payable', conflicts.notPayable(statement.statementId, state), {
      statementId: statement.statementId,
    });
  }
  const payable = new Decimal(statement.total).minus(sumOf(payments, ['SUCCEEDED', 'PENDING']));
  if (amount.greaterThan(payable)) {
    throw new ConflictError(
      'payment-exceeds-outstanding',
      conflicts.paymentExceedsOutstanding(amount.toFixed(), payable.toFixed()),
      { statementId: statement.statementId, payable: payable.toFixed() },
    );
  }
}

/** Closing twice is refused: a closed statement is immutable, and a void one stays void. */
export function assertClosable(statement: StatementStanding): void {
  if (statement.voidedAt) {
    throw new ConflictError('statement-void', conflicts.statementVoid(statement.statementId), {
      statementId: statement.statementId,
    });
  }
  if (statement.closedAt !== null) {
    throw new ConflictError('statement-closed', conflicts.statementClosed(statement.statementId), {
      statementId: statement.statementId,
    });
  }
}

export interface StatementVoid {
  voidedAt: Instant;
  /** The RELEASE entries that give back every credit the statement consumed. */
  releases: LedgerEntry[];
}

/**
 * Voids a closed statement (DOMAIN §6): the only change a closed statement allows. Its credits are
 * released, once, in the same write as the void; a reissue is a new statement of the same month.
 */
export function planStatementVoid(
  statement: StatementStanding,
  ledger: readonly LedgerEntry[],
  voidedAt: Instant,
): StatementVoid {
  if (statement.voidedAt) {
    throw new ConflictError('statement-void', conflicts.statementVoid(statement.statementId), {
      statementId: statement.statementId,
    });
  }
  if (statement.closedAt === null) {
    throw new ConflictError('statement-draft', conflicts.statementDraft(statement.statementId), {
      statementId: statement.statementId,
    });
  }
  return { voidedAt, releases: planRelease(ledger, statement.statementId, voidedAt) };
}

export interface MonthActivity {
  month: Month;
  closed: boolean;
  /** Usage, adjustments or a statement exist for the month. */
  hasActivity: boolean;
}

/**
 * Months close in order: an earlier month with activity must close first (409 otherwise). A month
 * outside the billing window (data stored before that rule existed, e.g. `0000-01`) can never be
 * closed, so it blocks nothing.
 */
export function assertMonthCanClose(month: Month, months: readonly MonthActivity[]): void {
  const blocking = months
    .filter((entry) => isMonthInBillingWindow(entry.month))
    .filter((entry) => compareMonths(entry.month, month) < 0 && entry.hasActivity && !entry.closed)
    .sort((a, b) => compareMonths(a.month, b.month))[0];
  if (blocking) {
    throw new ConflictError('month-order', conflicts.monthOrder(month, blocking.month), {
      blockingMonth: blocking.month,
    });
  }
}

/**
 * The months before `month` that must close before it (activity, no live statement, inside the
 * billing window), oldest first: what an auto-close closes first, in order.
 */
export function openMonthsBefore(month: Month, months: readonly MonthActivity[]): Month[] {
  return months
    .filter((entry) => isMonthInBillingWindow(entry.month))
    .filter((entry) => compareMonths(entry.month, month) < 0 && entry.hasActivity && !entry.closed)
    .map((entry) => entry.month)
    .sort(compareMonths);
}

/**
 * A month is closed once it, or any later month, has a live statement: months close in order, so an
 * earlier month left open then could never close, and what it took would never be billed.
 */
export function isPeriodClosed(month: Month, latestClosedMonth: Month | null): boolean {
  return latestClosedMonth !== null && compareMonths(month, latestClosedMonth) <= 0;
}

/** Writes to a closed period are refused (409 `period-closed`). */
export function assertPeriodOpen(month: Month, latestClosedMonth: Month | null): void {
  if (isPeriodClosed(month, latestClosedMonth))
    throw new ConflictError('period-closed', conflicts.periodClosed(month), { month });
}

function sumOf(payments: readonly Payment[], states: readonly PaymentState[]): Decimal {
  const amounts = payments
    .filter((payment) => states.includes(payment.state))
    .map((p) => new Decimal(p.amount));
  return amounts.length === 0 ? ZERO : sum(amounts);
}
