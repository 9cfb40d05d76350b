/**
 * `npm run bench`: every benchmark, one after another, each in a process of its own (engine, edge on
 * workerd and Node, month-end close, test suite), then one summary: the ratios against the baselines
 * measured in the same run, the acceptance lines, bench/results/summary.{json,md}, and the README's
 * Performance section, rewritten in place so the figures it quotes are always the latest run's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatFixed, machine, RESULTS_DIR, writeMarkdown, writeResults } from './lib/report';

const PARTS = [
  { name: 'engine', script: 'bench/engine.bench.ts' },
  { name: 'edge', script: 'bench/edge.bench.ts' },
  { name: 'close-month', script: 'bench/close-month.bench.ts' },
  { name: 'suite', script: 'bench/suite.bench.ts' },
] as const;
/** The budget for the whole run on this machine. */
const BUDGET_SECONDS = 600;

const started = performance.now();
const timings: { part: string; seconds: number }[] = [];
for (const part of PARTS) {
  console.log(`\n==> bench:${part.name}`);
  const partStarted = performance.now();
  const run = spawnSync('npx', ['tsx', part.script], { stdio: 'inherit' });
  timings.push({ part: part.name, seconds: (performance.now() - partStarted) / 1000 });
  if (run.status !== 0) {
    console.error(`bench:${part.name} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
const totalSeconds = (performance.now() - started) / 1000;

const markdown = (name: string) => readFileSync(`${RESULTS_DIR}/${name}.md`, 'utf8').trim();
const acceptance = PARTS.flatMap((part) =>
  markdown(part.name)
    .split('\n')
    .filter((line) => /^- (PASS|FAIL):/.test(line)),
);
acceptance.push(
  `- ${totalSeconds < BUDGET_SECONDS ? 'PASS' : 'FAIL'}: \`npm run bench\` took ${formatFixed(totalSeconds / 60, 1)} min (under ${BUDGET_SECONDS / 60} min).`,
);

const summary = [
  `Benchmarks of ${new Date().toISOString().slice(0, 10)} on ${machine()}, \`npm run bench\` in ${formatFixed(totalSeconds / 60, 1)} min. ` +
    'Absolute figures vary with the machine and its load; the ratios, each against a baseline measured in the same run, are the comparable part.',
  '',
  '### Acceptance',
  '',
  ...acceptance,
  ...PARTS.flatMap((part) => ['', `### ${part.name}`, '', withoutAcceptance(markdown(part.name))]),
].join('\n');

console.log(`\n${summary}`);
writeResults('summary', { machine: machine(), totalSeconds, timings, acceptance }, summary);
writeMarkdown('README.md', withPerformanceSection(readFileSync('README.md', 'utf8'), readmeSection(summary)));
if (acceptance.some((line) => line.startsWith('- FAIL'))) process.exitCode = 1;

function withoutAcceptance(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^- (PASS|FAIL):/.test(line))
    .join('\n')
    .trim();
}

/** The README with its `## Performance` section (up to the next `## ` heading, or the end) replaced. */
function withPerformanceSection(readme: string, section: string): string {
  const start = readme.indexOf('\n## Performance\n');
  if (start < 0) throw new Error('README.md has no "## Performance" section to rewrite');
  const next = readme.indexOf('\n## ', start + 1);
  const rest = next < 0 ? '' : `\n${readme.slice(next + 1)}`;
  return `${readme.slice(0, start + 1)}${section.trimEnd()}\n${rest}`.trimEnd();
}

function readmeSection(body: string): string {
  return [
    '## Performance',
    '',
    '`npm run bench` measures, in one run on one machine, with a baseline for every figure: the engine',
    '(statements per second, the explain trace’s cost, the legacy calculator, growth with usage lines),',
    'the HTTP API under autocannon on workerd and on Node (`npm run start:node`, SQLite) next to a',
    'trivial route, the month-end close of 1000 billing groups, and the wall time of each test project.',
    'Parts run alone with `npm run bench:engine`, `bench:edge`, `bench:close-month` and `bench:suite`;',
    'results land in `bench/results/` as JSON and markdown.',
    '',
    'The acceptance budgets are also tests: `npx playwright test --project=perf` (opt-in; left out of',
    'a run that does not name it) checks, on the run’s own edge, that a usage line costs the same',
    'within 2× from 10 to 10,000 lines, that `/v1/calculate` reaches half the trivial route’s',
    'throughput, that ingestion in batches of 1000 stores 10,000 events/s, and that the 1000-group',
    'close takes under 60 s; each test reports its figures as annotations and a JSON attachment.',
    '',
    '`npm run start:node` serves the same app from Node 24 with its built-in SQLite behind the D1 adapters',
    '(`PORT`, `DATABASE_PATH`, `ADMIN_API_KEY`; migrations applied at start). The HTTP suites run against it',
    'as against workerd (a local run uses the server already listening on `EDGE_PORT`):',
    '',
    '```bash',
    'PORT=8789 DATABASE_PATH=:memory: npm run start:node &',
    'EDGE_PORT=8789 npx playwright test --project=integration --project=contract',
    '```',
    '',
    'Latest run:',
    '',
    body.replace(/^### /gm, '#### '),
    '',
  ].join('\n');
}
