/**
 * `npm run bench:engine`: statements per second for the standard statement (with and without the
 * explain trace, whose ratio is the trace's cost) and for the compatibility calculator, each the
 * median of several rounds in one run; then how a statement's time grows with its usage lines (10,
 * 100, 1000, 10000): the time each line adds, (t(N) − t(0)) / N, should stay flat (within 2×).
 * Writes bench/results/engine.{json,md}.
 */
import { compatCalculate, computeStatement, type StatementInput, type UsageAggregate } from '@billing/engine';
import { standardCompatRequest, standardStatementInput } from '@billing/fixtures';
import { machine, writeResults } from './lib/report';
import { formatRate, type Measurement, measure, measureInterleaved, median } from './measure';

const input = standardStatementInput();
const compatBody = standardCompatRequest();
const compatOptions = { now: '2026-03-31T00:00:00Z', newId: () => 'bench' };

const withTrace = measure('statement (standard, with explain trace)', () => computeStatement(input));
const withoutTrace = measure('statement (standard, no trace)', () =>
  computeStatement(input, { explain: false }),
);
const compat = measure('compatibility calculator', () => compatCalculate(compatBody, compatOptions));

const traceCost = withoutTrace.opsPerSecond / withTrace.opsPerSecond;
const rows: [Measurement, string][] = [
  [withTrace, '1.00× (baseline)'],
  [withoutTrace, `${(withoutTrace.opsPerSecond / withTrace.opsPerSecond).toFixed(2)}×`],
  [compat, `${(compat.opsPerSecond / withTrace.opsPerSecond).toFixed(2)}×`],
];

/** Usage line counts of the growth measurement; 0 is the statement's fixed cost. */
const LINE_COUNTS = [10, 100, 1000, 10_000] as const;

interface GrowthRow {
  lines: number;
  statementMs: number;
  /** t(N) / N: includes the fixed cost of adjustments, credits, VAT and the rest. */
  perLineTotalUs: number;
  /** (t(N) − t(0)) / N: what one more usage line costs. */
  perLineMarginalUs: number;
  measurement: Measurement;
}

/**
 * The standard statement with `count` usage lines: its 20 lines over and over, each a resource of
 * its own in one of the standard projects, so contract overrides, adjustments and credits still apply.
 */
function statementWith(count: number): () => unknown {
  const scaledInput = withUsageLines(count);
  return () => computeStatement(scaledInput);
}

function withUsageLines(count: number): StatementInput {
  const base = standardStatementInput();
  const usage = Array.from({ length: count }, (_, index): UsageAggregate => {
    const line = base.usage[index % base.usage.length] as UsageAggregate;
    return { ...line, resourceId: `res-${index}`, resourceName: `res-${index}` };
  });
  return { ...base, usage };
}

const [fixed, ...scaled] = measureInterleaved([
  { name: 'statement with no usage lines', operation: statementWith(0) },
  ...LINE_COUNTS.map((lines) => ({
    name: `statement with ${lines} usage lines`,
    operation: statementWith(lines),
  })),
]) as [Measurement, ...Measurement[]];
const fixedMs = 1000 / fixed.opsPerSecond;
const growth: GrowthRow[] = LINE_COUNTS.map((lines, index) => {
  const measurement = scaled[index] as Measurement;
  const statementMs = 1000 / measurement.opsPerSecond;
  // Each round's marginal against the fixed cost measured next to it, then the median.
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
const marginals = growth.map((row) => row.perLineMarginalUs);
// A marginal at or below 0 means the lines were lost in the noise: report it, never call it flat.
const growthSpread = Math.min(...marginals) > 0 ? Math.max(...marginals) / Math.min(...marginals) : Infinity;
const smallest = growth[0] as GrowthRow;

const table = [
  `Engine benchmark (${machine()}); median of ${withTrace.rounds.length} rounds`,
  '',
  '| operation | per second | vs. statement with trace |',
  '|---|---:|---:|',
  ...rows.map(([row, ratio]) => `| ${row.name} | ${formatRate(row.opsPerSecond)} | ${ratio} |`),
  '',
  `The explain trace costs ${((1 - 1 / traceCost) * 100).toFixed(0)}% of a statement's time (${traceCost.toFixed(2)}× faster without it).`,
  '',
  `Growth with usage lines (the standard statement, explain trace on; a statement with no usage lines takes ${fixedMs.toFixed(3)} ms):`,
  '',
  '| usage lines | statement | per line, total | per line, marginal | marginal vs. 10 lines |',
  '|---:|---:|---:|---:|---:|',
  ...growth.map(
    (row) =>
      `| ${row.lines.toLocaleString('en-US')} | ${row.statementMs.toFixed(3)} ms | ${row.perLineTotalUs.toFixed(2)} µs | ${row.perLineMarginalUs.toFixed(2)} µs | ${(row.perLineMarginalUs / smallest.perLineMarginalUs).toFixed(2)}× |`,
  ),
  '',
  `- ${growthSpread <= 2 ? 'PASS' : 'FAIL'}: the time a usage line adds, (t(N) − t(0)) / N, stays within ${growthSpread.toFixed(2)}× from 10 to 10,000 lines (at most 2×).`,
].join('\n');

console.log(table);
writeResults(
  'engine',
  {
    machine: machine(),
    measurements: [withTrace, withoutTrace, compat],
    traceCost,
    growth: { fixed, fixedMs, rows: growth, marginalSpread: growthSpread },
  },
  table,
);
