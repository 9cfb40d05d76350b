/**
 * `npm run bench:close-month`: the month-end job, `POST /v1/jobs/close-month`, over 1000 billing
 * groups with 20 usage lines each (the standard statement's lines, ingested one batch per group),
 * timed from the POST until `GET /v1/jobs/{id}` reports it finished; on workerd (the acceptance
 * runtime) and on Node, in the same run. Writes bench/results/close-month.{json,md}.
 *
 *   npx tsx bench/close-month.bench.ts [--runtime workerd|node] [--groups 1000]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createBenchTenant } from './lib/api';
import { BENCH_ADMIN_KEY, type Runtime, startEdge } from './lib/edge-servers';
import { closeMonth, type Job, setUpMonthEnd } from './lib/month-end';
import { benchPort } from './lib/ports';
import { formatFixed, machine, writeResults } from './lib/report';

const { values: args } = parseArgs({
  options: {
    runtime: { type: 'string', multiple: true },
    groups: { type: 'string', default: '1000' },
  },
});
/** 8821 and 8831, moved by BENCH_PORT_BASE (bench/lib/ports.ts). */
const PORTS: Record<Runtime, number> = { workerd: benchPort(21), node: benchPort(31) };
const runtimes = (args.runtime ?? ['workerd', 'node']) as Runtime[];
const GROUPS = Number(args.groups);
const MONTH = '2026-10';
/** The acceptance line: the 1000-group close on workerd within a minute. */
const LIMIT_SECONDS = 60;

export interface CloseMonthResult {
  runtime: Runtime;
  groups: number;
  usageLinesPerGroup: number;
  setupSeconds: number;
  /** From the POST until the job was seen finished (polled every 100 ms). */
  closeSeconds: number;
  /** The job's own span, createdAt to its last progress update. */
  jobSeconds: number;
  statementsPerSecond: number;
  status: Job['status'];
  failed: number;
  /** Times the job had to be resumed after losing its worker (0 in an undisturbed run). */
  resumes: number;
}

const results: CloseMonthResult[] = [];
for (const runtime of runtimes) {
  console.log(`\n[bench:close-month] ${runtime}: starting on port ${PORTS[runtime]}`);
  const edge = await startEdge(runtime, PORTS[runtime]);
  try {
    results.push(await benchCloseMonth(runtime, edge.url));
  } finally {
    await edge.stop();
  }
}

const table = renderTable(results);
console.log(`\n${table}`);
writeResults('close-month', { machine: machine(), month: MONTH, results }, table);

async function benchCloseMonth(runtime: Runtime, url: string): Promise<CloseMonthResult> {
  const api = await createBenchTenant(url, BENCH_ADMIN_KEY, `close-month ${runtime}`);
  const setupStarted = performance.now();
  const usageLinesPerGroup = await setUpMonthEnd(api, GROUPS, MONTH);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(
    `[bench:close-month] ${runtime}: ${GROUPS} groups × ${usageLinesPerGroup} usage lines set up in ${formatFixed(setupSeconds, 1)} s`,
  );

  const {
    job,
    resumes,
    seconds: closeSeconds,
  } = await closeMonth(api, MONTH, (message) => console.log(`[bench:close-month] ${runtime}: ${message}`));
  const jobSeconds = (Date.parse(job.updatedAt) - Date.parse(job.createdAt)) / 1000;
  if (job.status !== 'SUCCEEDED' || job.done !== GROUPS) {
    throw new Error(
      `${runtime}: the job ended ${job.status} with ${job.done}/${job.total} done: ${JSON.stringify(job.errors.slice(0, 3))}`,
    );
  }
  const result: CloseMonthResult = {
    runtime,
    groups: GROUPS,
    usageLinesPerGroup,
    setupSeconds,
    closeSeconds,
    jobSeconds,
    statementsPerSecond: job.done / closeSeconds,
    status: job.status,
    failed: job.failed,
    resumes,
  };
  console.log(
    `[bench:close-month] ${runtime}: closed ${job.done} statements in ${formatFixed(closeSeconds, 2)} s ` +
      `(${formatFixed(result.statementsPerSecond, 0)} statements/s)`,
  );
  return result;
}

function renderTable(runs: readonly CloseMonthResult[]): string {
  const workerd = runs.find((run) => run.runtime === 'workerd');
  return [
    `Month-end close benchmark (${machine()}): \`POST /v1/jobs/close-month\` over ${GROUPS} billing groups with 20 usage lines each`,
    '',
    '| runtime | statements | total time | statements per second | vs. workerd | resumed |',
    '|---|---:|---:|---:|---:|---:|',
    ...runs.map(
      (run) =>
        `| ${run.runtime} | ${run.groups} | ${formatFixed(run.closeSeconds, 2)} s | ${formatFixed(run.statementsPerSecond, 0)} | ${
          workerd ? `${(run.statementsPerSecond / workerd.statementsPerSecond).toFixed(2)}×` : '–'
        } | ${run.resumes} |`,
    ),
    ...(workerd && workerd.groups >= 1000
      ? [
          '',
          `- ${workerd.closeSeconds < LIMIT_SECONDS ? 'PASS' : 'FAIL'}: the ${workerd.groups}-group close on workerd takes ${formatFixed(workerd.closeSeconds, 1)} s (under ${LIMIT_SECONDS} s).`,
        ]
      : []),
  ].join('\n');
}
