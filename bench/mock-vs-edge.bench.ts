/**
 * `npm run bench:mock`: the standalone billing mock against the real edge (workerd, local D1) on the
 * same machine in one run: a statement read, `GET /v1/billing-groups/{id}/statements/{month}`, of
 * the standard statement, draft (recomputed on every read) and closed. Each target is measured
 * twice, edge and mock alternating, and the mean of its two runs is compared. Exits 1 when the
 * mock serves a read more slowly than the edge; reports (PASS or FAIL) whether the mock's draft
 * read clears the bar of 1000 req/s with a p99 under 50 ms. Writes bench/results/mock.{json,md}.
 *
 *   npx tsx bench/mock-vs-edge.bench.ts [--duration 5] [--connections 10] [--edge-port 8850] [--mock-port 8851]
 *
 * The default ports move with BENCH_PORT_BASE (bench/lib/ports.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { type BenchApi, createBenchTenant } from './lib/api';
import { assertPortFree, BENCH_ADMIN_KEY, startEdge } from './lib/edge-servers';
import { DEFAULT_LOAD, type LoadOptions, type LoadResult, runLoad } from './lib/load';
import { benchPort } from './lib/ports';
import { formatFixed, machine, ratio, writeResults } from './lib/report';
import { createStandardGroup } from './lib/standard';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: String(DEFAULT_LOAD.durationSeconds) },
    connections: { type: 'string', default: String(DEFAULT_LOAD.connections) },
    'edge-port': { type: 'string', default: String(benchPort(50)) },
    'mock-port': { type: 'string', default: String(benchPort(51)) },
  },
});
const load: LoadOptions = {
  connections: Number(args.connections),
  durationSeconds: Number(args.duration),
  warmUpSeconds: DEFAULT_LOAD.warmUpSeconds,
};

const CLOSED_MONTH = '2026-09';
const DRAFT_MONTH = '2026-10';
const MONTHS = { closed: CLOSED_MONTH, draft: DRAFT_MONTH };
const READS = [
  { name: 'statement read (draft)', month: DRAFT_MONTH },
  { name: 'statement read (closed)', month: CLOSED_MONTH },
] as const;

type Target = 'edge' | 'mock';

interface Comparison {
  name: string;
  path: string;
  edgeRequestsPerSecond: number;
  mockRequestsPerSecond: number;
  /** mock ÷ edge. */
  ratio: number;
  runs: Record<Target, LoadResult[]>;
}

const edge = await startEdge('workerd', Number(args['edge-port']));
const mock = await startMock(Number(args['mock-port']));
let comparisons: Comparison[];
try {
  const apis: Record<Target, BenchApi> = {
    edge: await createBenchTenant(edge.url, BENCH_ADMIN_KEY, 'bench mock-vs-edge'),
    mock: await createBenchTenant(mock.url, BENCH_ADMIN_KEY, 'bench mock-vs-edge'),
  };
  const groups: Record<Target, string> = {
    edge: await createStandardGroup(apis.edge, MONTHS),
    mock: await createStandardGroup(apis.mock, MONTHS),
  };
  comparisons = [];
  for (const read of READS) {
    const runs: Record<Target, LoadResult[]> = { edge: [], mock: [] };
    for (const target of ['edge', 'mock', 'mock', 'edge'] as const) {
      const key = await apis[target].newKey(`bench ${read.name} ${runs[target].length}`);
      const result = await runLoad(apis[target].baseUrl, {
        name: read.name,
        method: 'GET',
        path: `/v1/billing-groups/${groups[target]}/statements/${read.month}`,
        headers: { Authorization: `Bearer ${key.key}` },
      });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${target} ${read.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      }
      console.log(
        `[bench:mock] ${target} ${read.name}: ${formatFixed(result.requestsPerSecond, 0)} req/s, ` +
          `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      );
      runs[target].push(result);
    }
    const mean = (results: LoadResult[]) =>
      results.reduce((total, result) => total + result.requestsPerSecond, 0) / results.length;
    const edgeRate = mean(runs.edge);
    const mockRate = mean(runs.mock);
    comparisons.push({
      name: read.name,
      path: `/v1/billing-groups/{billingGroupId}/statements/${read.month}`,
      edgeRequestsPerSecond: edgeRate,
      mockRequestsPerSecond: mockRate,
      ratio: mockRate / edgeRate,
      runs,
    });
  }
} finally {
  await mock.stop();
  await edge.stop();
}

const passed = comparisons.every((comparison) => comparison.ratio >= 1);
/** The bar for the mock's draft read at 10 connections: 1000 req/s, p99 under 50 ms. */
const draftRuns =
  comparisons.find((comparison) => comparison.name === 'statement read (draft)')?.runs.mock ?? [];
const draftRate =
  draftRuns.reduce((total, run) => total + run.requestsPerSecond, 0) / (draftRuns.length || 1);
const draftP99 = Math.max(...draftRuns.map((run) => run.p99Ms));
const draftPassed = draftRate >= 1000 && draftP99 < 50;
const table = [
  `Mock vs. edge benchmark (${machine()}); autocannon, ${load.connections} connections, ${load.durationSeconds} s per run after a ${load.warmUpSeconds} s warm-up, loopback; each figure the mean of two runs, edge and mock alternating`,
  '',
  '| read | edge (workerd, D1) req/s | mock (standalone) req/s | mock ÷ edge |',
  '|---|---:|---:|---:|',
  ...comparisons.map(
    (comparison) =>
      `| ${comparison.name} | ${formatFixed(comparison.edgeRequestsPerSecond, 0)} | ${formatFixed(comparison.mockRequestsPerSecond, 0)} | ${ratio(comparison.mockRequestsPerSecond, comparison.edgeRequestsPerSecond)} |`,
  ),
  '',
  `- ${passed ? 'PASS' : 'FAIL'}: the standalone mock serves a statement read at no less than the edge's throughput (mock ÷ edge ≥ 1.00×).`,
  `- ${draftPassed ? 'PASS' : 'FAIL'}: the standalone mock serves a draft statement read at ${formatFixed(draftRate, 0)} req/s with a p99 of ${draftP99} ms at ${load.connections} connections (at least 1,000 req/s, p99 under 50 ms; the worse p99 of its two runs).`,
].join('\n');
console.log(`\n${table}`);
writeResults('mock', { machine: machine(), load, comparisons, passed, draftPassed }, table);
if (!passed) process.exitCode = 1;

/** The standalone mock (`mock/src/server.ts`) in a process group of its own. */
async function startMock(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  await assertPortFree(port);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mock/src/server.ts', '--port', String(port), '--admin-key', BENCH_ADMIN_KEY],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the mock on ${url} did not become healthy\n${output.join('')}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
