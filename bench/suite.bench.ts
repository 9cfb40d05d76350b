/**
 * `npm run bench:suite`: the wall time of each Playwright project on this machine, one project per
 * run (`npx playwright test --project=<name>`, which starts the servers that project needs), read
 * from the JSON reporter's `stats.duration`. Projects come from the config, so a new one is timed
 * without editing this file. Ports of the benchmark's own keep it clear of anyone's dev servers.
 * Writes bench/results/suite.{json,md}.
 *
 *   npx tsx bench/suite.bench.ts [--project unit --project contract …]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatFixed, machine, writeResults } from './lib/report';

const { values: args } = parseArgs({ options: { project: { type: 'string', multiple: true } } });

/** The benchmark's own ports for the servers the projects start (edge, billing mock, web app). */
const PORTS = { EDGE_PORT: '8829', MOCK_PORT: '8828', APP_PORT: '8827', APP_MOCKED_PORT: '8826' };
const workDir = mkdtempSync(join(tmpdir(), 'bench-suite-'));

interface JsonReport {
  config: { projects: { name: string }[]; workers: number };
  stats: { duration: number; expected: number; unexpected: number; flaky: number; skipped: number };
  suites: Suite[];
}
interface Suite {
  specs?: { tests: { projectName: string }[] }[];
  suites?: Suite[];
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

function playwright(extraArgs: string[], reportFile: string): { report: JsonReport | null; status: number } {
  const run = spawnSync('npx', ['playwright', 'test', ...extraArgs, '--reporter=json'], {
    env: {
      ...process.env,
      ...PORTS,
      PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
      EDGE_LOG_LEVEL: 'error',
      PW_APP_PREBUILT: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport, status: run.status ?? 1 };
  } catch {
    return { report: null, status: run.status ?? 1 };
  }
}

function countTests(suites: readonly Suite[], project: string): number {
  return suites.reduce(
    (total, suite) =>
      total +
      (suite.specs ?? []).reduce(
        (specs, spec) => specs + spec.tests.filter((test) => test.projectName === project).length,
        0,
      ) +
      countTests(suite.suites ?? [], project),
    0,
  );
}

const listed = playwright(['--list'], join(workDir, 'list.json'));
if (!listed.report) throw new Error('could not list the Playwright projects');
const listing = listed.report;
const projects = args.project ?? listing.config.projects.map((project) => project.name);

/** The projects that serve the web app (they set a baseURL in the config). */
const BROWSER_PROJECTS = new Set(['e2e', 'e2e-mocked']);
let buildSeconds: number | null = null;
if (projects.some((project) => BROWSER_PROJECTS.has(project))) {
  console.log('[bench:suite] web app: next build');
  const started = performance.now();
  const build = spawnSync('npx', ['next', 'build', 'app'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  buildSeconds = (performance.now() - started) / 1000;
  console.log(`[bench:suite] web app: built in ${formatFixed(buildSeconds, 1)} s`);
}

const results: SuiteResult[] = [];
for (const project of projects) {
  console.log(`[bench:suite] ${project}: running`);
  const { report, status } = playwright(
    [`--project=${project}`, `--output=${join(workDir, project)}`],
    join(workDir, `${project}.json`),
  );
  if (!report) throw new Error(`${project}: the run wrote no JSON report (exit ${status})`);
  const result: SuiteResult = {
    project,
    tests: countTests(listing.suites, project),
    durationSeconds: report.stats.duration / 1000,
    passed: report.stats.expected,
    failed: report.stats.unexpected,
    flaky: report.stats.flaky,
    skipped: report.stats.skipped,
    workers: report.config.workers,
  };
  console.log(
    `[bench:suite] ${project}: ${result.passed} passed, ${result.failed} failed in ${formatFixed(result.durationSeconds, 1)} s`,
  );
  results.push(result);
}
rmSync(workDir, { recursive: true, force: true });

const total = results.reduce((sum, result) => sum + result.durationSeconds, buildSeconds ?? 0);
const table = [
  `Test suite wall time (${machine()}); one \`npx playwright test --project=<name>\` run per project, servers included, ${results[0]?.workers ?? '?'} workers; the web app built once beforehand`,
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
  `| all, one after another | ${results.reduce((sum, result) => sum + result.tests, 0)} | ${formatFixed(total, 1)} s | | |`,
].join('\n');
console.log(`\n${table}`);
writeResults('suite', { machine: machine(), buildSeconds, results, totalSeconds: total }, table);
