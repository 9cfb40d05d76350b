/**
 * `npm run bench`: every benchmark, one after another, each in a process of its own (engine, edge on
 * workerd and Node beside the bare-Hono baseline, the mock beside the edge, month-end close, test
 * suite), then one summary: the ratios against the baselines
 * measured in the same run, the acceptance lines, bench/results/summary.{json,md}, and the "Latest run"
 * section of bench/README.md, rewritten in place so the figures it quotes are always the latest run's.
 *
 *   npm run bench [-- --only edge,mock]
 *
 * `--only` runs the named parts and summarises them with the other parts' latest results, each part
 * saying when it ran; the whole run's time budget is judged on a full run only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatFixed, machine, RESULTS_DIR, writeMarkdown, writeResults } from './lib/report';

const PARTS = [
  { name: 'engine', script: 'bench/engine.bench.ts' },
  { name: 'edge', script: 'bench/edge.bench.ts' },
  { name: 'mock', script: 'bench/mock-vs-edge.bench.ts' },
  { name: 'close-month', script: 'bench/close-month.bench.ts' },
  { name: 'suite', script: 'bench/suite.bench.ts' },
] as const;
/** Where the latest run's figures are quoted: its "## Latest run" section, to the end of the file. */
const BENCH_README = 'bench/README.md';
/** The issue's budget for the whole run on this machine. */
const BUDGET_SECONDS = 600;

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const only = args.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !PARTS.some((part) => part.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`no bench part ${unknown.join(', ')}`);
const toRun = PARTS.filter((part) => !only || only.includes(part.name));

const started = performance.now();
const timings: { part: string; seconds: number }[] = [];
for (const part of toRun) {
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
if (!only) {
  acceptance.push(
    `- ${totalSeconds < BUDGET_SECONDS ? 'PASS' : 'FAIL'}: \`npm run bench\` took ${formatFixed(totalSeconds / 60, 1)} min (under ${BUDGET_SECONDS / 60} min).`,
  );
}
/** When a part was measured (its JSON's `measuredAt`, else the file's time), for a partial run. */
function writtenAt(name: string): string {
  const file = `${RESULTS_DIR}/${name}.json`;
  const { measuredAt } = JSON.parse(readFileSync(file, 'utf8')) as { measuredAt?: string };
  return (measuredAt ?? statSync(file).mtime.toISOString()).slice(0, 16).replace('T', ' ');
}

const summary = [
  (only
    ? `Benchmarks of ${new Date().toISOString().slice(0, 10)} on ${machine()}, \`npm run bench -- --only ${only.join(',')}\` in ${formatFixed(totalSeconds / 60, 1)} min; ` +
      `the other parts are quoted from their latest run (${PARTS.filter((part) => !only.includes(part.name))
        .map((part) => `${part.name}: ${writtenAt(part.name)} UTC`)
        .join(', ')}). `
    : `Benchmarks of ${new Date().toISOString().slice(0, 10)} on ${machine()}, \`npm run bench\` in ${formatFixed(totalSeconds / 60, 1)} min. `) +
    'Absolute figures vary with the machine and its load; the ratios, each against a baseline measured in the same run, are the comparable part.',
  '',
  '### Acceptance',
  '',
  ...acceptance,
  ...PARTS.flatMap((part) => ['', `### ${part.name}`, '', withoutAcceptance(markdown(part.name))]),
].join('\n');

console.log(`\n${summary}`);
writeResults('summary', { machine: machine(), totalSeconds, timings, acceptance }, summary);
writeMarkdown(BENCH_README, withLatestRunSection(readFileSync(BENCH_README, 'utf8'), summary));
if (acceptance.some((line) => line.startsWith('- FAIL'))) process.exitCode = 1;

function withoutAcceptance(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^- (PASS|FAIL):/.test(line))
    .join('\n')
    .trim();
}

/** bench/README.md with its `## Latest run` section (up to the next `## ` heading, or the end) replaced. */
function withLatestRunSection(readme: string, body: string): string {
  const heading = '\n## Latest run\n';
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`${BENCH_README} has no "## Latest run" section to rewrite`);
  const next = readme.indexOf('\n## ', start + 1);
  const rest = next < 0 ? '' : `\n${readme.slice(next + 1)}`;
  return `${readme.slice(0, start + heading.length)}\n${body.trimEnd()}\n${rest}`.trimEnd();
}
