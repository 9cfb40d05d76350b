import type { BillingMonth, CreditGrant, RoundingMode } from '../regression/billing-month';
import { type OracleStatement, oracleStatement } from '../regression/oracle/statement';
import { addDecimals, lineKey, minorOfWire, type WireEvent, wireOfMinor } from './billing-model';

/**
 * The model of billing groups on a test clock (DOMAIN §8a): what a careful client knows from the
 * answers it got, plus what the daily 02:00 UTC runs must have done between the clock's times. It
 * replays every run itself (not only the ones the edge finds work for), so a run the edge passes
 * over wrongly shows up as a difference. Expected statements come from the regression oracle,
 * never from `@billing/engine`.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The daily scheduled run is at 02:00 UTC. */
const RUN_HOUR_UTC = 2;
/** Usage more than a day after "now" is `timestamp-in-future` (DOMAIN §2). */
export const FUTURE_TOLERANCE_MS = DAY_MS;
/** `credit.expiring` is reported once a grant's expiry is this close and it has a balance (§8b). */
const EXPIRING_WITHIN_MS = 7 * DAY_MS;

export const iso = (millis: number) => new Date(millis).toISOString();
/** The UTC month `YYYY-MM` of an instant. */
export const monthOfMillis = (millis: number) => iso(millis).slice(0, 7);

/** The daily runs after `from` (exclusive) up to `to` (inclusive), as DOMAIN §8a counts them. */
export function runsBetween(from: number, to: number): number[] {
  const day = new Date(from);
  let run = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), RUN_HOUR_UTC);
  if (run <= from) run += DAY_MS;
  const runs: number[] = [];
  for (; run <= to; run += DAY_MS) runs.push(run);
  return runs;
}

export interface ClockStatement {
  /** Learnt from the edge: the close's answer, or the list after the run that closed it. */
  id: string | null;
  month: string;
  closedAt: number;
  dueAt: number;
  /** Who closed it: a daily run of an advance, or the client's own close. */
  by: 'run' | 'request';
  /** The oracle's statement at its close: a closed statement never changes. */
  expected: OracleStatement;
  quantities: Map<string, string>;
  /** Succeeded payments, in minor units. */
  paid: bigint;
  /** A later close took its outstanding amount over as its balance forward. */
  carriedForward: boolean;
}

export interface ClockGrant extends Omit<CreditGrant, 'balance'> {
  balanceMinor: bigint;
  /** The run that expired it and what it took, once a run at or after `expiresAt` has run. */
  expired: { at: number; amount: bigint } | null;
  /** When `credit.expiring` was found for it: the first check within its last 7 days with a balance. */
  expiringReportedAt: number | null;
}

export interface ClockGroup {
  index: number;
  id: string;
  roundingMode: RoundingMode;
  autoClose: boolean;
  paymentTermsDays: number;
  /** Every event the edge answered `accepted`, by event id. */
  events: Map<string, WireEvent>;
  /** Every month an event was sent for, accepted or not: storage must hold only the accepted. */
  sentMonths: Set<string>;
  statements: ClockStatement[];
  grants: ClockGrant[];
  payments: { id: string; statementId: string; amount: bigint }[];
}

export interface ClockModel {
  clockId: string;
  /** The clock's time, in epoch milliseconds. */
  now: number;
  groups: ClockGroup[];
  /** Numbers fresh event ids and idempotency keys. */
  counter: number;
}

export interface GroupSettings {
  autoClose: boolean;
  roundingMode: RoundingMode;
  paymentTermsDays: number;
}

export function freshClockId(model: ClockModel, prefix: string): string {
  model.counter += 1;
  return `${prefix}-${model.counter}`;
}

const latestClosedMonth = (group: ClockGroup) =>
  group.statements
    .map((statement) => statement.month)
    .sort()
    .at(-1) ?? null;

/** A month is closed once it, or any later month, has a statement (nothing here voids one). */
export function isClosed(group: ClockGroup, month: string): boolean {
  const latest = latestClosedMonth(group);
  return latest !== null && month <= latest;
}

/**
 * The months with activity before `month` that no statement closed yet, oldest first: what a run
 * auto-closes. Activity is usage here (this model makes no adjustments, and a month with a statement
 * is closed already).
 */
export function openMonthsBefore(group: ClockGroup, month: string): string[] {
  const months = new Set([...group.events.values()].map((event) => event.timestamp.slice(0, 7)));
  return [...months].filter((candidate) => candidate < month && !isClosed(group, candidate)).sort();
}

export const outstandingOf = (statement: ClockStatement) => statement.expected.total - statement.paid;

/** The newest statement: the one that takes payments and whose balance a later close carries. */
export const latestStatement = (group: ClockGroup, before = '9999-12') =>
  group.statements
    .filter((statement) => statement.month < before)
    .sort((a, b) => b.month.localeCompare(a.month))[0];

/** DOMAIN §2 DELTA aggregation of the accepted events of a month, exact. */
export function clockUsageOf(group: ClockGroup, month: string) {
  const sums = new Map<string, BillingMonth['usage'][number]>();
  for (const event of group.events.values()) {
    if (event.timestamp.slice(0, 7) !== month) continue;
    const key = lineKey(event.projectId, event.counterName, event.resourceId);
    const previous = sums.get(key);
    sums.set(key, {
      projectId: event.projectId,
      counterName: event.counterName,
      unit: event.unit,
      resourceId: event.resourceId,
      quantity: previous ? addDecimals(previous.quantity, event.volume) : event.volume,
    });
  }
  return [...sums.values()];
}

/**
 * The month's statement as the oracle computes it at `asOf` (a close's instant, or the clock's time
 * for a draft): the balance forward is the latest earlier statement's outstanding amount, with a late
 * fee when that statement is past its due date at `asOf`.
 */
export function expectedAt(group: ClockGroup, month: string, asOf: number) {
  const previous = latestStatement(group, month);
  const unpaid = previous ? outstandingOf(previous) : 0n;
  const input: BillingMonth = {
    month,
    billingGroup: {
      currency: 'KRW',
      vatRate: '10',
      roundingMode: group.roundingMode,
      paymentTermsDays: group.paymentTermsDays,
      lateFeeRate: '5',
    },
    usage: clockUsageOf(group, month),
    contract: null,
    adjustments: [],
    credits: group.grants.map(
      ({ balanceMinor, expired: _expired, expiringReportedAt: _reported, ...grant }) => ({
        ...grant,
        balance: wireOfMinor(balanceMinor),
      }),
    ),
    unpaid:
      previous && unpaid > 0n ? { amount: wireOfMinor(unpaid), isOverdue: asOf > previous.dueAt } : null,
    asOf: iso(asOf),
  };
  return {
    expected: oracleStatement(input),
    quantities: new Map(
      input.usage.map((usage) => [
        lineKey(usage.projectId, usage.counterName, usage.resourceId ?? null),
        usage.quantity,
      ]),
    ),
    previous,
  };
}

/** Records a close at `at`: credits consumed, the previous statement carried forward if owed. */
export function recordClockClose(
  group: ClockGroup,
  month: string,
  at: number,
  by: ClockStatement['by'],
  id: string | null,
): ClockStatement {
  const { expected, quantities, previous } = expectedAt(group, month, at);
  for (const credit of expected.credits) {
    const grant = group.grants.find((entry) => entry.id === credit.grantId);
    if (grant) grant.balanceMinor -= credit.applied;
  }
  // Only a statement with something left to pay is taken over (DOMAIN §6); a paid one stays PAID.
  if (previous && expected.unpaid > 0n) previous.carriedForward = true;
  // A close that spent credit looks for credit alerts at once (§8b: whichever check finds it first).
  if (expected.credits.some((credit) => credit.applied > 0n)) checkCreditAlerts(group, at);
  const statement: ClockStatement = {
    id,
    month,
    closedAt: at,
    dueAt: at + group.paymentTermsDays * DAY_MS,
    by,
    expected,
    quantities,
    paid: 0n,
    carriedForward: false,
  };
  group.statements.push(statement);
  return statement;
}

/**
 * One look for `credit.expiring` at `at` (§8b): a grant not reported yet, expiring after `at` and
 * within seven days of it, with a balance left, is reported now. The edge looks when a grant is made,
 * after a close that spent credit, and at the daily run; a run the edge passes over finds nothing
 * the first run within a grant's last seven days (which it never passes over) would not.
 */
export function checkCreditAlerts(group: ClockGroup, at: number) {
  for (const grant of group.grants) {
    if (grant.expiringReportedAt !== null || grant.expiresAt == null || grant.balanceMinor <= 0n) continue;
    const expiresAt = Date.parse(grant.expiresAt);
    if (expiresAt > at && expiresAt - at <= EXPIRING_WITHIN_MS) grant.expiringReportedAt = at;
  }
}

/**
 * What one daily run at `run` does for a group (DOMAIN §8a, as the real scheduler): an auto-closing
 * group closes its months with activity before the run's month, oldest first, at the run's instant;
 * then every grant whose expiry is at or before the run loses what is left of it; then credit alerts.
 */
function runFor(group: ClockGroup, run: number) {
  if (group.autoClose) {
    for (const month of openMonthsBefore(group, monthOfMillis(run)))
      recordClockClose(group, month, run, 'run', null);
  }
  for (const grant of group.grants) {
    if (grant.expired || grant.expiresAt == null || Date.parse(grant.expiresAt) > run) continue;
    grant.expired = { at: run, amount: grant.balanceMinor };
    grant.balanceMinor = 0n;
  }
  checkCreditAlerts(group, run);
}

/** Moves the model's clock to `to`, running every daily run on the way; answers how many ran. */
export function advanceModel(model: ClockModel, to: number): number {
  const runs = runsBetween(model.now, to);
  for (const run of runs) for (const group of model.groups) runFor(group, run);
  model.now = to;
  return runs.length;
}

/** A statement's state at the clock's time (DOMAIN §6 derived states). */
export function stateAt(statement: ClockStatement, now: number): string {
  if (statement.carriedForward) return 'CARRIED_FORWARD';
  if (outstandingOf(statement) <= 0n) return 'PAID';
  if (now > statement.dueAt) return 'OVERDUE';
  return statement.paid > 0n ? 'PARTIALLY_PAID' : 'ISSUED';
}

export { minorOfWire, wireOfMinor };
