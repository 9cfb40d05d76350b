import { computeStatement, type StatementInput, type UsageAggregate } from '@billing/engine';
import { standardStatementInput } from '@billing/fixtures';
import { type Measurement, measureInterleaved, median } from '../measure';

/** Usage line counts of the growth measurement; 0 is the statement's fixed cost. */
export const LINE_COUNTS = [10, 100, 1000, 10_000] as const;

export interface GrowthRow {
  lines: number;
  statementMs: number;
  /** t(N) / N: includes the fixed cost of adjustments, credits, VAT and the rest. */
  perLineTotalUs: number;
  /** (t(N) − t(0)) / N: what one more usage line costs. */
  perLineMarginalUs: number;
  measurement: Measurement;
}

export interface Growth {
  /** The standard statement with no usage lines. */
  fixed: Measurement;
  fixedMs: number;
  rows: GrowthRow[];
  /**
   * The largest marginal per-line cost ÷ the smallest: 1 is perfectly linear. Infinity when a
   * marginal is at or below 0, i.e. the lines were lost in the noise: never called flat.
   */
  marginalSpread: number;
}

/**
 * How a standard statement's time grows with its usage lines: every size measured round by round
 * next to the statement with none, so each round's marginal cost per line, (t(N) − t(0)) / N, is
 * taken against the fixed cost measured beside it, and the median of those is the figure.
 */
export function measureGrowth(options?: { rounds: number; roundMs: number }): Growth {
  const [fixed, ...scaled] = measureInterleaved(
    [
      { name: 'statement with no usage lines', operation: statementWith(0) },
      ...LINE_COUNTS.map((lines) => ({
        name: `statement with ${lines} usage lines`,
        operation: statementWith(lines),
      })),
    ],
    options,
  ) as [Measurement, ...Measurement[]];
  const rows = LINE_COUNTS.map((lines, index): GrowthRow => {
    const measurement = scaled[index] as Measurement;
    const statementMs = 1000 / measurement.opsPerSecond;
    const marginalsUs = measurement.rounds.map(
      (rate, round) => ((1000 / rate - 1000 / (fixed.rounds[round] as number)) * 1000) / lines,
    );
    return {
      lines,
      statementMs,
      perLineTotalUs: (statementMs * 1000) / lines,
      perLineMarginalUs: median(marginalsUs),
      measurement,
    };
  });
  const marginals = rows.map((row) => row.perLineMarginalUs);
  const marginalSpread =
    Math.min(...marginals) > 0 ? Math.max(...marginals) / Math.min(...marginals) : Infinity;
  return { fixed, fixedMs: 1000 / fixed.opsPerSecond, rows, marginalSpread };
}

/**
 * The standard statement with `count` usage lines: its 20 lines over and over, each a resource of
 * its own in one of the standard projects, so contract overrides, adjustments and credits still apply.
 */
function statementWith(count: number): () => unknown {
  const base = standardStatementInput();
  const usage = Array.from({ length: count }, (_, index): UsageAggregate => {
    const line = base.usage[index % base.usage.length] as UsageAggregate;
    return { ...line, resourceId: `res-${index}`, resourceName: `res-${index}` };
  });
  const input: StatementInput = { ...base, usage };
  return () => computeStatement(input);
}
