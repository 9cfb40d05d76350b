/**
 * The engine's public face: what edge/, mock/ and fixtures/ use, and the plain data shapes of its
 * inputs and results. Helpers below these stay inside; the few the unit tests check on their own
 * are in `internal.ts` (`@billing/engine/internal`).
 */

export { parseAdjustment } from './adjust';
export { aggregateUsage } from './aggregate';
// §2 metering.
export {
  BILLING_WINDOW_RULE,
  FIRST_BILLING_YEAR,
  isInstantInBillingWindow,
  isMonthInBillingWindow,
  LAST_BILLING_YEAR,
} from './billing-window';
// §8b: budgets against a month's statement.
export { type Budget, type BudgetStanding, budgetStandings } from './budgets';
export { canonicalJson } from './canonical';
export { closeStatement, replayStatement } from './close';
export { compatCalculate, compatCreatePayment, compatInvalidJson, compatPaymentStatements } from './compat';
// §9 the legacy calculator API.
export type * from './compat/types';
// §6: credit notes.
export {
  type CreditableStatement,
  type CreditNoteAmounts,
  type CreditNoteSettlement,
  creditNoteAmounts,
  settleCreditNote,
} from './credit-notes';
export { burnCredits, DEFAULT_CREDIT_PRIORITY, type ParsedCreditGrant, parseCreditGrant } from './credits';
// §1 money.
export { Decimal, max, sum, toDecimalString, ZERO } from './decimal';
// Errors and their sentences.
export {
  type ConflictCode,
  ConflictError,
  IssueCollector,
  ValidationError,
  type ValidationIssue,
} from './errors';
export { formatTrace, stepsOfRule, TraceBuilder } from './explain';
export {
  classifyEvent,
  FUTURE_TOLERANCE_MS,
  type IngestState,
  type IngestVerdict,
  ingestBatch,
  MAX_BATCH_SIZE,
  type RejectionReason,
  seriesMismatch,
  usageEventKeys,
} from './ingest';
// §5 ledger, §6 close, replay, reconcile, lifecycle, §7 month close.
export { appendToLedger, LEDGER_SIGN, planConsumption, planExpiry, planVoid } from './ledger';
export {
  assertClosable,
  assertMonthCanClose,
  assertPaymentAcceptable,
  deriveStatementState,
  isPeriodClosed,
  type MonthActivity,
  openMonthsBefore,
  outstandingAmount,
  planStatementVoid,
  type StatementStanding,
  transitionPayment,
} from './lifecycle';
export { conflicts, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, messages } from './messages';
export {
  formatMoney,
  fromMinorUnits,
  isWholeMinorUnits,
  MINOR_UNITS,
  minorUnit,
  toMinorUnits,
} from './money';
export {
  type MonthCloseCandidate,
  type MonthCloseOutcome,
  type MonthCloseProgress,
  nextMonthCloseBatch,
  planMonthClose,
  progressAfterStep,
  startMonthClose,
} from './month-close';
export { compareMonths, monthOfMillis, nextMonth, periodOf, previousMonth, toInstant } from './period';
// §3–§5, §8: pricing, the statement and its trace. The parsers are what the edge validates stored
// price books, contracts, adjustments and grants with before they reach a statement input.
export { DEFAULT_PRICE_BOOK, parseContract, parsePriceBook } from './price';
export { type ReconcileDifference, type ReconcileReport, reconcileStatement } from './reconcile';
export { computeStatement } from './statement';
export { DEFAULT_BILLING_GROUP_SETTINGS } from './statement-input';
// §8a: test clocks, the arithmetic of an advance.
export {
  type AdvanceAgenda,
  type AdvanceState,
  type AdvanceStep,
  assertAdvanceTarget,
  MAX_ADVANCE_YEARS,
  monthStartRunAfter,
  nextAdvanceStep,
  nextScheduledRun,
  SCHEDULED_RUN_HOUR_UTC,
  scheduledRunAtOrAfter,
  scheduledRunsBetween,
} from './test-clock';
// Data shapes (types.ts) and the vocabularies their enums come from.
export type * from './types';
export {
  ADJUSTMENT_LEVELS,
  ADJUSTMENT_METHODS,
  ADJUSTMENT_TYPES,
  COUNTER_TYPES,
  CREDIT_TYPES,
  CURRENCIES,
  LEDGER_ENTRY_KINDS,
  PAYMENT_STATES,
  PRICING_MODELS,
  ROUNDING_MODES,
} from './types';
export {
  USAGE_EVENT_FIELDS,
  USAGE_EVENT_MAX_LENGTHS,
  type UsageSeriesKey,
  type UsageSeriesShape,
  usageEventFingerprint,
  usageSeriesKey,
  usageSeriesLabel,
} from './usage-event';
// An ISO 8601 instant with an offset, on a real calendar day, as every rule reads one.
export { readInstant } from './validate';
