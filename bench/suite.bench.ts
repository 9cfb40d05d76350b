/**
 * `npm run bench:suite`: the wall time of each Playwright project on this machine. One
 * `npx playwright test` run takes the projects one after another (`PW_PROJECT_SEQUENCE`, each waits
 * for the one before it), so the servers start once, as in a real run, and no project shares the
 * machine with another. A project's wall time is the span from its first test's start to its last
 * test's end in the JSON report; the run's total adds the servers' start. Projects come from the
 * config, so a new one is timed without editing this file. Ports of the benchmark's own keep it
 * clear of anyone's dev servers. Writes bench/results/suite.{json,md}.
 *
 *   npx tsx bench/suite.bench.ts [--project unit --project contract …]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import config, { chromiumExecutable } from '../playwright.config';
import { APP_DIST_DIR } from '../tests/support/app-server';
import { benchPort } from './lib/ports';
import { formatFixed, machine, writeResults } from './lib/report';

const { values: args } = parseArgs({ options: { project: { type: 'string', multiple: true } } });

/**
 * The benchmark's own ports for the servers the projects start (edge, billing mock, web app, the
 * security tier's private edges): 8826–8829 and 8810–8819, moved by BENCH_PORT_BASE (bench/lib/ports.ts).
 */
const PORTS = {
  EDGE_PORT: String(benchPort(29)),
  MOCK_PORT: String(benchPort(28)),
  APP_PORT: String(benchPort(27)),
  APP_MOCKED_PORT: String(benchPort(26)),
  SECURITY_EDGE_PORT_BASE: String(benchPort(10)),
};
const workDir = mkdtempSync(join(tmpdir(), 'bench-suite-'));

interface JsonReport {
  config: { workers: number };
  stats: { duration: number; expected: number; unexpected: number; flaky: number; skipped: number };
  /** Errors outside any test, e.g. a web server that did not start. */
  errors?: { message?: string }[];
  suites: Suite[];
}
interface Suite {
  specs?: { tests: ReportedTest[] }[];
  suites?: Suite[];
}
interface ReportedTest {
  projectName: string;
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  results: { startTime: string; duration: number }[];
}

export interface SuiteResult {
  project: string;
  tests: number;
  durationSeconds: number;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  workers: number;
}

function playwright(
  extraArgs: string[],
  reportFile: string,
  env: Record<string, string> = {},
): { report: JsonReport | null; status: number } {
  // The dot reporter shows a run's progress; the JSON one, to a file, is what is measured.
  const run = spawnSync('npx', ['playwright', 'test', ...extraArgs, '--reporter=dot,json'], {
    env: {
      ...process.env,
      ...PORTS,
      PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
      EDGE_LOG_LEVEL: 'error',
      PW_APP_PREBUILT: '1',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport, status: run.status ?? 1 };
  } catch {
    return { report: null, status: run.status ?? 1 };
  }
}

function testsOf(suites: readonly Suite[]): ReportedTest[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests),
    ...testsOf(suite.suites ?? []),
  ]);
}

/** A project's outcome and its wall time: first test start to last test end, retries included. */
function projectResult(project: string, tests: readonly ReportedTest[], workers: number): SuiteResult {
  const own = tests.filter((test) => test.projectName === project);
  const runs = own.flatMap((test) => test.results);
  const starts = runs.map((run) => Date.parse(run.startTime));
  const ends = runs.map((run) => Date.parse(run.startTime) + run.duration);
  const count = (status: ReportedTest['status']) => own.filter((test) => test.status === status).length;
  return {
    project,
    tests: own.length,
    durationSeconds: runs.length === 0 ? 0 : (Math.max(...ends) - Math.min(...starts)) / 1000,
    passed: count('expected'),
    failed: count('unexpected'),
    flaky: count('flaky'),
    skipped: count('skipped'),
    workers,
  };
}

const projects = args.project ?? (config.projects ?? []).flatMap((project) => project.name ?? []);

/** The projects that serve the web app (they set a baseURL in the config). */
const BROWSER_PROJECTS = new Set(['e2e', 'e2e-mocked']);
let buildSeconds: number | null = null;
if (projects.some((project) => BROWSER_PROJECTS.has(project))) {
  console.log('[bench:suite] web app: next build');
  const started = performance.now();
  const build = spawnSync('npx', ['next', 'build', 'app'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: APP_DIST_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  buildSeconds = (performance.now() - started) / 1000;
  console.log(`[bench:suite] web app: built in ${formatFixed(buildSeconds, 1)} s`);
}

console.log(`[bench:suite] ${projects.join(' → ')}: running, one project after another`);
const { report, status } = playwright(
  [...projects.map((project) => `--project=${project}`), `--output=${join(workDir, 'output')}`],
  join(workDir, 'run.json'),
  { PW_PROJECT_SEQUENCE: projects.join(',') },
);
if (!report) throw new Error(`the run wrote no JSON report (exit ${status})`);
// A run whose servers did not start reports no test at all: that is no measurement, and its zeros
// must not replace the last real figures in bench/results/ and bench/README.md.
if (report.errors?.length) {
  throw new Error(
    `the run failed before its tests: ${report.errors.map((error) => error.message).join('; ')}`,
  );
}
const runSeconds = report.stats.duration / 1000;
const ranTests = testsOf(report.suites);
const results = projects.map((project) => projectResult(project, ranTests, report.config.workers));
// The suite's wall time is a passing suite's: a failure stops the projects after it (their tests
// are reported skipped, in no time), so a failed run's figures would undercount.
const failed = results.filter((result) => result.failed > 0 || result.passed + result.flaky === 0);
if (status !== 0 || failed.length > 0) {
  throw new Error(
    `the run did not pass (exit ${status}; failed or not run: ${failed.map((result) => result.project).join(', ') || 'none'}): no figures written`,
  );
}
for (const result of results) {
  console.log(
    `[bench:suite] ${result.project}: ${result.passed} passed, ${result.failed} failed in ${formatFixed(result.durationSeconds, 1)} s`,
  );
}
rmSync(workDir, { recursive: true, force: true });

const projectsSeconds = results.reduce((sum, result) => sum + result.durationSeconds, 0);
const total = runSeconds + (buildSeconds ?? 0);
const table = [
  `Test suite wall time (${machine()}); one \`npx playwright test\` run, the projects one after another (\`PW_PROJECT_SEQUENCE\`), ${report.config.workers} workers (browsers: ${chromiumExecutable ?? "Playwright's Chromium"}, at most one per core); the web app built once beforehand`,
  '',
  '| project | tests | wall time | tests per second | outcome |',
  '|---|---:|---:|---:|---|',
  ...(buildSeconds === null
    ? []
    : [`| web app build (\`next build\`, once) | | ${formatFixed(buildSeconds, 1)} s | | |`]),
  ...results.map(
    (result) =>
      `| ${result.project} | ${result.tests} | ${formatFixed(result.durationSeconds, 1)} s | ${formatFixed(result.tests / result.durationSeconds, 1)} | ${
        result.failed > 0 || result.flaky > 0
          ? `${result.failed} failed, ${result.flaky} flaky`
          : `${result.passed} passed${result.skipped > 0 ? `, ${result.skipped} skipped` : ''}`
      } |`,
  ),
  `| servers starting and stopping, workers between projects | | ${formatFixed(runSeconds - projectsSeconds, 1)} s | | |`,
  `| all, one after another | ${results.reduce((sum, result) => sum + result.tests, 0)} | ${formatFixed(total, 1)} s | | |`,
].join('\n');
console.log(`\n${table}`);
writeResults('suite', { machine: machine(), buildSeconds, runSeconds, results, totalSeconds: total }, table);
