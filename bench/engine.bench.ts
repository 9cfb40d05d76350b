/**
 * `npm run bench:engine`: statements per second for the standard statement (with and without the
 * explain trace, whose ratio is the trace's cost) and for the compatibility calculator, each the
 * median of several rounds in one run; then how a statement's time grows with its usage lines (10,
 * 100, 1000, 10000): the time each line adds, (t(N) − t(0)) / N, should stay flat (within 2×).
 * Writes bench/results/engine.{json,md}.
 */
import { compatCalculate, computeStatement } from '@billing/engine';
import { standardCompatRequest, standardStatementInput } from '@billing/fixtures';
import { type GrowthRow, measureGrowth } from './lib/growth';
import { machine, writeResults } from './lib/report';
import { formatRate, type Measurement, measure } from './measure';

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

const { fixed, fixedMs, rows: growth, marginalSpread: growthSpread } = measureGrowth();
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
