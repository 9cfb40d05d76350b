import type { StatementResult } from '@billing/engine';
import { formatMinor } from '../oracle/exact';
import type { OracleStatement } from '../oracle/statement';

/**
 * A statement's money as a flat map from a figure's name to its amount, exactly as the wire writes
 * it (`"39700"`, `"12.30"`), so engine, API, oracle and a scenario's expectations compare alike.
 * Names: `lines.<project>/<counter>[/<resource>]`, `subtotal`, `contractLines.<kind>` (signed),
 * `contractTotal`, `adjustments.<id>` (applied, ≥ 0), `adjustmentsRequested.<id>` (before a cap),
 * `adjustmentTotal`, `chargeBeforeCredits`, `credits.<grant>` (applied), `creditTotal`, `charge`,
 * `vat`, `unpaid`, `lateFee`, `total`.
 */
export type Figures = Record<string, string>;

/** The order figures are reported in: the order of the statement pipeline (DOMAIN §4). */
const PIPELINE_ORDER = [
  'lines.',
  'subtotal',
  'contractLines.',
  'contractTotal',
  'adjustmentsRequested.',
  'adjustments.',
  'adjustmentTotal',
  'chargeBeforeCredits',
  'credits.',
  'creditTotal',
  'charge',
  'vat',
  'unpaid',
  'lateFee',
  'total',
];

function lineName(line: { projectId: string; counterName: string; resourceId: string | null }): string {
  return `lines.${line.projectId}/${line.counterName}${line.resourceId ? `/${line.resourceId}` : ''}`;
}

export function figuresOfOracle(statement: OracleStatement): Figures {
  const money = (minor: bigint) => formatMinor(minor, statement.currency);
  const figures: Figures = {};
  for (const line of statement.lines) figures[lineName(line)] = money(line.amount);
  figures.subtotal = money(statement.subtotal);
  for (const line of statement.contractLines) figures[`contractLines.${line.kind}`] = money(line.amount);
  figures.contractTotal = money(statement.contractTotal);
  for (const adjustment of statement.adjustments) {
    figures[`adjustmentsRequested.${adjustment.id}`] = money(adjustment.requested);
    figures[`adjustments.${adjustment.id}`] = money(adjustment.applied);
  }
  figures.adjustmentTotal = money(statement.adjustmentTotal);
  figures.chargeBeforeCredits = money(statement.chargeBeforeCredits);
  for (const credit of statement.credits) figures[`credits.${credit.grantId}`] = money(credit.applied);
  figures.creditTotal = money(statement.creditTotal);
  figures.charge = money(statement.charge);
  figures.vat = money(statement.vat);
  figures.unpaid = money(statement.unpaid);
  figures.lateFee = money(statement.lateFee);
  figures.total = money(statement.total);
  return figures;
}

/** The figures of a `StatementResult`, from the engine or from the API's JSON. */
export function figuresOfStatement(statement: StatementResult): Figures {
  const figures: Figures = {};
  for (const line of statement.lines ?? []) figures[lineName(line)] = line.amount;
  figures.subtotal = statement.subtotal;
  for (const line of statement.contractLines ?? []) figures[`contractLines.${line.kind}`] = line.amount;
  figures.contractTotal = statement.contractTotal;
  for (const adjustment of [
    ...(statement.projectAdjustments ?? []),
    ...(statement.billingGroupAdjustments ?? []),
  ]) {
    figures[`adjustmentsRequested.${adjustment.adjustmentId}`] = adjustment.requested;
    figures[`adjustments.${adjustment.adjustmentId}`] = adjustment.amount;
  }
  figures.adjustmentTotal = statement.adjustmentTotal;
  figures.chargeBeforeCredits = statement.chargeBeforeCredits;
  for (const credit of statement.credits ?? []) figures[`credits.${credit.grantId}`] = credit.amountApplied;
  figures.creditTotal = statement.creditTotal;
  figures.charge = statement.charge;
  figures.vat = statement.vat;
  figures.unpaid = statement.unpaid;
  figures.lateFee = statement.lateFee;
  figures.total = statement.total;
  return figures;
}

/** `credits.` names a group of figures (every `credits.<grant>`); `vat` names one figure. */
function isFigureOf(name: string, entry: string): boolean {
  return entry.endsWith('.') ? name.startsWith(entry) : name === entry;
}

function pipelineRank(name: string): number {
  const rank = PIPELINE_ORDER.findIndex((entry) => isFigureOf(name, entry));
  return rank === -1 ? PIPELINE_ORDER.length : rank;
}

/**
 * Every figure where `actual` differs from `expected`, in pipeline order, one line each:
 * `vat: oracle 2675, engine 2674`. A figure only one side has is `(none)` on the other.
 * `names` limits the comparison (a scenario checks only the figures it states).
 */
export function differences(
  expected: Figures,
  actual: Figures,
  sides: { expected: string; actual: string },
  names: readonly string[] = [...new Set([...Object.keys(expected), ...Object.keys(actual)])],
): string[] {
  return [...names]
    .sort((a, b) => pipelineRank(a) - pipelineRank(b))
    .filter((name) => expected[name] !== actual[name])
    .map(
      (name) =>
        `${name}: ${sides.expected} ${expected[name] ?? '(none)'}, ${sides.actual} ${actual[name] ?? '(none)'}`,
    );
}
