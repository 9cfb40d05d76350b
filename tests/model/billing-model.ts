import type {
  Adjustment,
  BillingMonth,
  Contract,
  CreditGrant,
  RoundingMode,
  Usage,
} from '../regression/billing-month';
import { exact, formatMinor, minorOf, plus } from '../regression/oracle/exact';
import { type OracleStatement, oracleStatement } from '../regression/oracle/statement';

/**
 * The model: what a careful client knows about its billing groups from the answers it got, and
 * nothing from `@billing/engine`. Expected statements come from the regression oracle.
 */

/** Three months that have all begun (today is 2026-12-06), so each may close once it is its turn. */
export const MONTHS = ['2026-09', '2026-10', '2026-11'] as const;
export type ModelMonth = (typeof MONTHS)[number];
/** The year of every model month: statement and credit-note numbers count per tenant and year. */
export const NUMBER_YEAR = '2026';

export const PROJECTS = ['p-a', 'p-b'] as const;

/** Counters of the DOMAIN §3 book; 166.67 KRW an hour and the halves make rounding matter. */
export const COUNTERS = [
  { counterName: 'compute.c2.c8m8', unit: 'HOURS' },
  { counterName: 'compute.g2.t4.c8m64', unit: 'HOURS' },
  { counterName: 'network.floating_ip', unit: 'HOURS' },
  { counterName: 'storage.volume.ssd', unit: 'GB' },
] as const;

/** Contracts every sequence creates in its tenant, by the key commands name them with. */
export const CONTRACTS = {
  discount: { discountRate: '12.5', minimumCharge: null, priceOverrides: [] },
  minimum: { discountRate: '3', minimumCharge: '45000.5', priceOverrides: [] },
  tiered: {
    discountRate: null,
    minimumCharge: null,
    priceOverrides: [
      {
        counterName: 'storage.volume.ssd',
        pricing: {
          model: 'GRADUATED' as const,
          tiers: [
            { from: '0', to: '10', unitPrice: '1000' },
            { from: '10', to: '50', unitPrice: '800' },
            { from: '50', to: null, unitPrice: '600' },
          ],
        },
      },
    ],
  },
} satisfies Record<string, Omit<Contract, 'id' | 'startMonth' | 'endMonth'>>;
export type ContractKey = keyof typeof CONTRACTS;

/**
 * A usage event as sent on the wire (DELTA only, its aggregate a plain sum; a GAUGE only in an event
 * that must be refused for changing its series' counter type).
 */
export interface WireEvent {
  eventId: string;
  projectId: string;
  counterName: string;
  counterType: 'DELTA' | 'GAUGE';
  unit: string;
  volume: string;
  timestamp: string;
  resourceId: string | null;
}

/** A credit note the edge accepted, as it answered it (its figures checked against the oracle). */
export interface ModelCreditNote {
  id: string;
  number: string;
  total: bigint;
  applied: bigint;
  refunded: bigint;
  refundGrantId: string | null;
}

export interface ModelStatement {
  id: string;
  /** `ST-2026-000123`, as its close answered it: a voided statement keeps it. */
  number: string;
  month: ModelMonth;
  live: boolean;
  /** The statement of a later month that took over its outstanding amount, if any. */
  carriedForwardBy: string | null;
  /** The oracle's statement at close time: a closed statement never changes. */
  expected: OracleStatement;
  /** The quantities the oracle was given, by line key. */
  quantities: Map<string, string>;
  /** Succeeded (not refunded) payments, in minor units. */
  paid: bigint;
  /** Its credit notes in the order they committed. */
  creditNotes: ModelCreditNote[];
  /** What its credit notes applied to the outstanding amount (not what they refunded). */
  credited: bigint;
  /** What its close took from each grant: released again when it is voided. */
  consumed: Map<string, bigint>;
}

export interface ModelGrant extends CreditGrant {
  balanceMinor: bigint;
  voided: boolean;
}

export interface ModelPayment {
  id: string;
  statementId: string;
  amount: bigint;
  state: 'SUCCEEDED' | 'REFUNDED';
}

export interface ModelAssignment {
  contract: ContractKey;
  startMonth: ModelMonth;
  endMonth: ModelMonth | null;
}

export interface ModelGroup {
  /** Its position in the sequence: commands name groups by it. */
  index: number;
  id: string;
  roundingMode: RoundingMode;
  /** Every event the edge answered `accepted`, by event id. */
  events: Map<string, WireEvent>;
  adjustments: Map<string, { month: ModelMonth; adjustment: Adjustment }>;
  assignments: ModelAssignment[];
  statements: ModelStatement[];
  grants: ModelGrant[];
  payments: ModelPayment[];
}

export interface BillingModel {
  groups: ModelGroup[];
  /** Contract ids in the sequence's tenant. */
  contractIds: Record<ContractKey, string>;
  /** Numbers fresh event ids and idempotency keys. */
  counter: number;
}

export const monthOf = (timestamp: string) => timestamp.slice(0, 7);
export const monthIndex = (month: string) => MONTHS.indexOf(month as ModelMonth);

export function freshId(model: BillingModel, prefix: string): string {
  model.counter += 1;
  return `${prefix}-${model.counter}`;
}

export const liveStatements = (group: ModelGroup) => group.statements.filter((statement) => statement.live);

export const liveStatementOf = (group: ModelGroup, month: string) =>
  group.statements.find((statement) => statement.live && statement.month === month);

/** The newest live statement: the only one that takes payments or may be voided. */
export function latestLiveStatement(group: ModelGroup): ModelStatement | undefined {
  return liveStatements(group).sort((a, b) => monthIndex(b.month) - monthIndex(a.month))[0];
}

/** A month is closed once it, or any later month, has a live statement. */
export const isClosed = (group: ModelGroup, month: string) =>
  liveStatements(group).some((statement) => monthIndex(statement.month) >= monthIndex(month));

/** Usage, adjustments or a statement (voided ones too) exist for the month. */
export function hasActivity(group: ModelGroup, month: string): boolean {
  return (
    [...group.events.values()].some((event) => monthOf(event.timestamp) === month) ||
    [...group.adjustments.values()].some((entry) => entry.month === month) ||
    group.statements.some((statement) => statement.month === month)
  );
}

/** Why a close of the month is refused (DOMAIN §6), or null when it may close. */
export function closeRefusal(
  group: ModelGroup,
  month: ModelMonth,
): 'statement-closed' | 'month-order' | null {
  if (liveStatementOf(group, month)) return 'statement-closed';
  const later = MONTHS.slice(monthIndex(month) + 1);
  if (later.some((next) => liveStatementOf(group, next))) return 'month-order';
  const earlier = MONTHS.slice(0, monthIndex(month));
  if (earlier.some((before) => hasActivity(group, before) && !liveStatementOf(group, before)))
    return 'month-order';
  return null;
}

export const lineKey = (projectId: string, counterName: string, resourceId: string | null) =>
  `${projectId}/${counterName}/${resourceId ?? '-'}`;

/** DOMAIN §2 DELTA aggregation of the accepted events of a month, exact. */
export function usageOf(group: ModelGroup, month: string): Usage[] {
  const sums = new Map<string, Usage>();
  for (const event of group.events.values()) {
    if (monthOf(event.timestamp) !== month) continue;
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

/** Two non-negative decimal strings added exactly. */
export function addDecimals(a: string, b: string): string {
  const sum = plus(exact(a), exact(b));
  const digits = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const scaled = (sum.n * 10n ** BigInt(digits)) / sum.d;
  const text = scaled.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Decimal strings compared by value ("12.50" equals "12.5"). */
export function sameDecimal(a: string, b: string): boolean {
  const x = exact(a.replace(/^-/, ''));
  const y = exact(b.replace(/^-/, ''));
  return a.startsWith('-') === b.startsWith('-') && x.n * y.d === y.n * x.d;
}

/** A KRW amount on the wire in minor units, signed. */
export const minorOfWire = (text: string): bigint =>
  text.startsWith('-') ? -minorOf(text.slice(1), 'KRW') : minorOf(text, 'KRW');

export const wireOfMinor = (minor: bigint) => formatMinor(minor, 'KRW');

/** DOMAIN §6: total − credited − paid, where credited is what credit notes applied. */
const outstandingOf = (statement: ModelStatement) =>
  statement.expected.total - statement.credited - statement.paid;

/** The sum of a statement's credit notes (applied and refunded alike): never more than its total. */
export const creditNotesTotal = (statement: ModelStatement) =>
  statement.creditNotes.reduce((sum, note) => sum + note.total, 0n);

/** A live statement nobody carried forward takes credit notes; a void or carried-forward one does not. */
export const isCreditable = (statement: ModelStatement) =>
  statement.live && statement.carriedForwardBy === null;

/** The state the statement must show (DOMAIN §6): every close is today, days before any due date. */
export function expectedState(statement: ModelStatement): string {
  if (!statement.live) return 'VOID';
  if (statement.carriedForwardBy !== null) return 'CARRIED_FORWARD';
  if (outstandingOf(statement) <= 0n) return 'PAID';
  return statement.paid > 0n ? 'PARTIALLY_PAID' : 'ISSUED';
}

/** The balance forward: the latest live statement of an earlier month (DOMAIN §4.7). */
function previousStatement(group: ModelGroup, month: string): ModelStatement | undefined {
  return liveStatements(group)
    .filter((statement) => monthIndex(statement.month) < monthIndex(month))
    .sort((a, b) => monthIndex(b.month) - monthIndex(a.month))[0];
}

/** Everything the statement of (group, month) is computed from, as the model knows it now. */
export function billingMonthOf(model: BillingModel, group: ModelGroup, month: ModelMonth): BillingMonth {
  const assignment = group.assignments.find(
    (entry) =>
      monthIndex(entry.startMonth) <= monthIndex(month) &&
      (entry.endMonth === null || monthIndex(month) <= monthIndex(entry.endMonth)),
  );
  const previous = previousStatement(group, month);
  const unpaid = previous ? outstandingOf(previous) : 0n;
  return {
    month,
    billingGroup: {
      currency: 'KRW',
      vatRate: '10',
      roundingMode: group.roundingMode,
      paymentTermsDays: 14,
      lateFeeRate: '5',
    },
    usage: usageOf(group, month),
    contract: assignment
      ? {
          id: model.contractIds[assignment.contract],
          startMonth: assignment.startMonth,
          endMonth: assignment.endMonth,
          ...CONTRACTS[assignment.contract],
        }
      : null,
    adjustments: [...group.adjustments.values()]
      .filter((entry) => entry.month === month)
      .map((entry) => entry.adjustment),
    credits: group.grants
      .filter((grant) => !grant.voided)
      .map(({ balanceMinor, voided: _voided, ...grant }) => ({
        ...grant,
        balance: wireOfMinor(balanceMinor),
      })),
    // Every close happens today, days before any due date: never overdue.
    unpaid: unpaid > 0n ? { amount: wireOfMinor(unpaid), isOverdue: false } : null,
    asOf: new Date().toISOString(),
  };
}

export function expectedStatement(model: BillingModel, group: ModelGroup, month: ModelMonth) {
  const input = billingMonthOf(model, group, month);
  return {
    expected: oracleStatement(input),
    quantities: new Map(
      input.usage.map((usage) => [
        lineKey(usage.projectId, usage.counterName, usage.resourceId ?? null),
        usage.quantity,
      ]),
    ),
  };
}

/**
 * Records a close the edge answered: credits consumed, the month frozen, and the previous statement
 * carried forward when something was left to pay on it.
 */
export function recordClose(
  model: BillingModel,
  group: ModelGroup,
  month: ModelMonth,
  closed: { statementId?: string | null; number?: string | null },
) {
  const previous = previousStatement(group, month);
  const { expected, quantities } = expectedStatement(model, group, month);
  const consumed = new Map(expected.credits.map((credit) => [credit.grantId, credit.applied]));
  for (const grant of group.grants) grant.balanceMinor -= consumed.get(grant.id) ?? 0n;
  const statement: ModelStatement = {
    id: closed.statementId ?? '',
    number: closed.number ?? '',
    month,
    live: true,
    carriedForwardBy: null,
    expected,
    quantities,
    paid: 0n,
    creditNotes: [],
    credited: 0n,
    consumed,
  };
  // Only a statement with something left to pay is taken over; a paid one stays PAID.
  if (previous && expected.unpaid > 0n) previous.carriedForwardBy = statement.id;
  group.statements.push(statement);
  return statement;
}

/** Records a void: the statement is dead, its credits are back, its month open again. */
export function recordVoid(group: ModelGroup, statement: ModelStatement) {
  statement.live = false;
  // The statement it carried forward is payable (and creditable) on its own again.
  for (const other of group.statements) {
    if (other.carriedForwardBy === statement.id) other.carriedForwardBy = null;
  }
  for (const grant of group.grants) grant.balanceMinor += statement.consumed.get(grant.id) ?? 0n;
}

export const outstanding = outstandingOf;

/** The statement's figures that differ from the oracle's, in billing words (empty when equal). */
export function differencesFromOracle(
  actual: StatementFigures,
  expected: OracleStatement,
  quantities: ReadonlyMap<string, string>,
): string[] {
  const differences: string[] = [];
  const money = (field: string, wire: string | undefined, oracle: bigint) => {
    if (wire === undefined || minorOfWire(wire) !== oracle)
      differences.push(`${field}: statement ${wire}, oracle ${wireOfMinor(oracle)}`);
  };
  const actualLines = new Map(
    actual.lines.map((line) => [lineKey(line.projectId, line.counterName, line.resourceId ?? null), line]),
  );
  for (const line of expected.lines) {
    const key = lineKey(line.projectId, line.counterName, line.resourceId);
    const billed = actualLines.get(key);
    actualLines.delete(key);
    const quantity = quantities.get(key) ?? '?';
    if (!billed) {
      differences.push(`line ${key}: missing from the statement (accepted quantity ${quantity})`);
      continue;
    }
    if (!sameDecimal(billed.quantity, quantity))
      differences.push(`line ${key} quantity: statement ${billed.quantity}, accepted ${quantity}`);
    money(`line ${key} amount`, billed.amount, line.amount);
  }
  for (const [key, line] of actualLines) {
    if (!sameDecimal(line.quantity, '0'))
      differences.push(`line ${key}: billed ${line.quantity} that no accepted event explains`);
  }
  money('subtotal', actual.subtotal, expected.subtotal);
  money('contractTotal', actual.contractTotal, expected.contractTotal);
  money('adjustmentTotal', actual.adjustmentTotal, expected.adjustmentTotal);
  const adjustments = [...actual.projectAdjustments, ...actual.billingGroupAdjustments];
  for (const adjustment of expected.adjustments) {
    const applied = adjustments.find((entry) => entry.adjustmentId === adjustment.id);
    const wire = applied?.amount.replace(/^-/, '');
    money(`adjustment ${adjustment.id} applied`, wire, adjustment.applied);
  }
  money('chargeBeforeCredits', actual.chargeBeforeCredits, expected.chargeBeforeCredits);
  const creditsApplied = actual.credits.filter((credit) => minorOfWire(credit.amountApplied) > 0n);
  for (const credit of expected.credits) {
    const applied = creditsApplied.find((entry) => entry.grantId === credit.grantId);
    money(`credit ${credit.grantId} applied`, applied?.amountApplied, credit.applied);
  }
  for (const credit of creditsApplied) {
    if (!expected.credits.some((entry) => entry.grantId === credit.grantId))
      differences.push(`credit ${credit.grantId}: applied ${credit.amountApplied}, oracle applies none`);
  }
  money('creditTotal', actual.creditTotal, expected.creditTotal);
  money('charge', actual.charge, expected.charge);
  money('vat', actual.vat, expected.vat);
  money('unpaid', actual.unpaid, expected.unpaid);
  money('lateFee', actual.lateFee, expected.lateFee);
  money('total', actual.total, expected.total);
  return differences;
}

/** The figures of a statement's `result` the model compares. */
export interface StatementFigures {
  lines: {
    projectId: string;
    counterName: string;
    resourceId: string | null;
    quantity: string;
    amount: string;
  }[];
  subtotal: string;
  contractTotal: string;
  projectAdjustments: { adjustmentId: string; amount: string }[];
  billingGroupAdjustments: { adjustmentId: string; amount: string }[];
  adjustmentTotal: string;
  chargeBeforeCredits: string;
  credits: { grantId: string; amountApplied: string }[];
  creditTotal: string;
  charge: string;
  vat: string;
  unpaid: string;
  lateFee: string;
  total: string;
}
