/**
 * `npm run bench:engine`: statements per second for the standard statement (with and without the
 * explain trace, whose ratio is the trace's cost) and for the compatibility calculator, each the
 * median of several rounds in one run. Writes bench/results/engine.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { compatCalculate, computeStatement } from '@billing/engine';
import { standardCompatRequest, standardStatementInput } from '@billing/fixtures';
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

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const table = [
  `Engine benchmark (${machine}); median of ${withTrace.rounds.length} rounds`,
  '',
  '| operation | per second | vs. statement with trace |',
  '|---|---:|---:|',
  ...rows.map(([row, ratio]) => `| ${row.name} | ${formatRate(row.opsPerSecond)} | ${ratio} |`),
  '',
  `The explain trace costs ${((1 - 1 / traceCost) * 100).toFixed(0)}% of a statement's time (${traceCost.toFixed(2)}× faster without it).`,
].join('\n');

console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/engine.json',
  `${JSON.stringify({ machine, measurements: [withTrace, withoutTrace, compat], traceCost }, null, 2)}\n`,
);
writeFileSync('bench/results/engine.md', `${table}\n`);
