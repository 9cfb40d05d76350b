/**
 * `npm run bench:edge`: the HTTP API under load (autocannon, loopback) on workerd (`wrangler dev`,
 * local D1) and on Node (SQLite), in one run: `POST /v1/calculate` and the legacy calculate, a
 * closed and a draft statement read, and usage ingestion in batches of 100 and 1000 with new event
 * ids on every request. Each runtime's figures sit next to two baselines measured in the same run:
 * its trivial route, `GET /docs/init.js` (a constant script through the whole middleware chain, no
 * auth and no database), and a bare Hono app in the same runtime serving the same engine calls with
 * no middleware at all (bench/baseline/). `GET /health` (one database round trip) is shown too.
 * Every route runs in several rounds, each round the trivial route first and then the others, so a
 * busy stretch of the machine weighs on a route and its baselines alike: a figure is the median over
 * the rounds, and a ratio the median of the rounds' ratios. Writes bench/results/edge.{json,md}.
 *
 *   npx tsx bench/edge.bench.ts [--runtime workerd|node] [--rounds 3] [--duration 2] [--connections 10]
 *
 * Ports: 8820–8823 (workerd) and 8830–8833 (Node), moved by BENCH_PORT_BASE (bench/lib/ports.ts).
 */
import { parseArgs } from 'node:util';
import { standardCompatRequest } from '@billing/fixtures';
import { BASELINE_PATHS } from './baseline/app';
import { type BenchApi, createBenchTenant, inParallel } from './lib/api';
import { groupCpuSeconds } from './lib/cpu';
import { BENCH_ADMIN_KEY, type RunningEdge, type Runtime, startEdge } from './lib/edge-servers';
import { ingestionScenario } from './lib/ingestion';
import { DEFAULT_LOAD, type LoadOptions, type LoadResult, type LoadScenario, runLoad } from './lib/load';
import { benchPort } from './lib/ports';
import { formatFixed, machine, ratio, writeResults } from './lib/report';
import { createStandardGroup, standardCalculateBody } from './lib/standard';
import { median } from './measure';

const { values: args } = parseArgs({
  options: {
    runtime: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '2' },
    connections: { type: 'string', default: String(DEFAULT_LOAD.connections) },
  },
});
const PORTS: Record<Runtime, { edge: number; baseline: number }> = {
  workerd: { edge: benchPort(20), baseline: benchPort(22) },
  node: { edge: benchPort(30), baseline: benchPort(32) },
};
const runtimes = (args.runtime ?? ['workerd', 'node']) as Runtime[];
const ROUNDS = Number(args.rounds);
const load: LoadOptions = {
  connections: Number(args.connections),
  durationSeconds: Number(args.duration),
  warmUpSeconds: DEFAULT_LOAD.warmUpSeconds,
};

/** The closed month and the draft month of the statement group (both begun, so both can close). */
const CLOSED_MONTH = '2026-09';
const DRAFT_MONTH = '2026-10';
const TRIVIAL = 'trivial route (GET /docs/init.js)';
const CALCULATE = 'calculate (standard statement)';
const LEGACY = 'legacy calculate (standard statement)';
const DRAFT_READ = 'statement read (draft)';
/** The bare-Hono baseline's routes, and which of ours each is the baseline of. */
const BARE_TRIVIAL = 'bare Hono: trivial route';
const BARE_CALCULATE = 'bare Hono: calculate (no middleware)';
const BARE_LEGACY = 'bare Hono: legacy calculate (no middleware)';
const BASELINE_OF: Record<string, string> = {
  [TRIVIAL]: BARE_TRIVIAL,
  [CALCULATE]: BARE_CALCULATE,
  [LEGACY]: BARE_LEGACY,
};

/** A load scenario, and whether it is sent to the edge or to the bare-Hono baseline beside it. */
type BenchScenario = LoadScenario & { target: 'edge' | 'baseline' };

/** One route on one runtime: medians over the rounds. */
export interface RouteResult {
  name: string;
  method: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  itemsPerSecond: number | null;
  /** The median over the rounds of this route's throughput ÷ the trivial route's in that round. */
  vsTrivial: number;
  /** The same against the bare-Hono baseline of the same engine call; null: the route has none. */
  vsBare: number | null;
  /** The server's CPU time per answered request, µs (median over the rounds); null off Linux. */
  cpuMicrosPerRequest: number | null;
  /** The bare twin's CPU per request ÷ this route's, per round, the median; null: no twin. */
  cpuVsBare: number | null;
  target: 'edge' | 'baseline';
  rounds: LoadResult[];
}

export interface RuntimeResult {
  runtime: Runtime;
  routes: RouteResult[];
}

const results: RuntimeResult[] = [];
for (const runtime of runtimes) {
  const ports = PORTS[runtime];
  console.log(
    `\n[bench:edge] ${runtime}: starting on port ${ports.edge} (bare-Hono baseline on ${ports.baseline})`,
  );
  const edge = await startEdge(runtime, ports.edge, { baselinePort: ports.baseline });
  try {
    results.push(await benchRuntime(runtime, edge));
  } finally {
    await edge.stop();
  }
}

const table = renderTable(results);
console.log(`\n${table}`);
writeResults('edge', { machine: machine(), load, results }, table);

async function benchRuntime(runtime: Runtime, edge: RunningEdge): Promise<RuntimeResult> {
  const { url } = edge;
  const baselineUrl = edge.baselineUrl as string;
  const api = await createBenchTenant(url, BENCH_ADMIN_KEY, `bench ${runtime}`);
  const statementGroup = await createStandardGroup(api, { closed: CLOSED_MONTH, draft: DRAFT_MONTH });
  const ingestGroups = await inParallel([100, 1000], 2, async (size) =>
    api.post<{ id: string }>('/v1/billing-groups', { name: `ingest ${size}` }),
  );
  const calculateBody = JSON.stringify(standardCalculateBody());
  const legacyBody = JSON.stringify(standardCompatRequest());
  const edgeScenarios: LoadScenario[] = [
    { name: TRIVIAL, method: 'GET', path: '/docs/init.js' },
    { name: 'health (one database round trip)', method: 'GET', path: '/health' },
    await authorized(api, { name: CALCULATE, method: 'POST', path: '/v1/calculate', body: calculateBody }),
    // No API key: the legacy routes take none (DOMAIN §9); their limit per client is raised for the run.
    { name: LEGACY, method: 'POST', path: '/api/billing/admin/calculate', body: legacyBody },
    await authorized(api, {
      name: 'statement read (closed)',
      method: 'GET',
      path: `/v1/billing-groups/${statementGroup}/statements/${CLOSED_MONTH}`,
    }),
    await authorized(api, {
      name: DRAFT_READ,
      method: 'GET',
      path: `/v1/billing-groups/${statementGroup}/statements/${DRAFT_MONTH}`,
    }),
    ...(await Promise.all(
      ([100, 1000] as const).map((size, index) =>
        authorized(
          api,
          ingestionScenario({
            size,
            billingGroupId: (ingestGroups[index] as { id: string }).id,
            month: DRAFT_MONTH,
            eventIdPrefix: `${runtime}-${size}`,
          }),
        ),
      ),
    )),
  ];
  const baselineScenarios: LoadScenario[] = [
    { name: BARE_TRIVIAL, method: 'GET', path: BASELINE_PATHS.trivial },
    { name: BARE_CALCULATE, method: 'POST', path: BASELINE_PATHS.calculate, body: calculateBody },
    { name: BARE_LEGACY, method: 'POST', path: BASELINE_PATHS.legacyCalculate, body: legacyBody },
  ];
  // Each bare twin runs right after its route, so the two are neighbours in time (and, on Node,
  // share a warmed-up engine in one process).
  const twinOf = (name: string) =>
    baselineScenarios.filter((scenario) => scenario.name === BASELINE_OF[name]);
  const scenarios: BenchScenario[] = edgeScenarios.flatMap((scenario) => [
    { ...scenario, target: 'edge' as const },
    ...twinOf(scenario.name).map((twin) => ({ ...twin, target: 'baseline' as const })),
  ]);
  const rounds: LoadResult[][] = scenarios.map(() => []);
  const cpuRounds: (number | null)[][] = scenarios.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const index of roundOrder(scenarios, round)) {
      const scenario = scenarios[index] as BenchScenario;
      const target = scenario.target === 'edge' ? url : baselineUrl;
      const group = scenario.target === 'edge' ? edge.processGroups.edge : edge.processGroups.baseline;
      const cpu = () => (group === null ? null : groupCpuSeconds(group));
      const { result, cpuSeconds } = await measureRoute(runtime, target, scenario, round === 0, cpu);
      cpuRounds[index]?.push(cpuSeconds === null ? null : (cpuSeconds * 1e6) / Math.max(1, result.requests));
      console.log(
        `[bench:edge] ${runtime} round ${round + 1}/${ROUNDS} ${scenario.name}: ${formatFixed(result.requestsPerSecond, 0)} req/s, ` +
          `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms` +
          (result.itemsPerSecond === null ? '' : `, ${formatFixed(result.itemsPerSecond, 0)} events/s`) +
          (cpuSeconds === null
            ? ''
            : `, ${formatFixed((cpuSeconds * 1e6) / Math.max(1, result.requests), 0)} µs CPU/request`),
      );
      rounds[index]?.push(result);
    }
  }
  const roundsOf = (name: string) => rounds[scenarios.findIndex((scenario) => scenario.name === name)];
  /** The median over the rounds of `measured` ÷ `baseline` in the same round. */
  const ratioTo = (measured: readonly LoadResult[], baseline: readonly LoadResult[]) =>
    median(
      measured.map(
        (result, round) => result.requestsPerSecond / (baseline[round] as LoadResult).requestsPerSecond,
      ),
    );
  const trivialRounds = roundsOf(TRIVIAL) as LoadResult[];
  const cpuOf = (name: string) => cpuRounds[scenarios.findIndex((scenario) => scenario.name === name)] ?? [];
  const medianOrNull = (values: readonly (number | null)[]) =>
    values.length > 0 && values.every((value) => value !== null) ? median(values as number[]) : null;
  const routes = scenarios.map((scenario, index): RouteResult => {
    const measured = rounds[index] as LoadResult[];
    const items = measured.map((result) => result.itemsPerSecond);
    const bare = BASELINE_OF[scenario.name];
    return {
      name: scenario.name,
      method: scenario.method,
      path: scenario.path,
      requestsPerSecond: median(measured.map((result) => result.requestsPerSecond)),
      p50Ms: median(measured.map((result) => result.p50Ms)),
      p99Ms: median(measured.map((result) => result.p99Ms)),
      itemsPerSecond: items.every((value) => value !== null) ? median(items as number[]) : null,
      vsTrivial: ratioTo(measured, trivialRounds),
      vsBare: bare ? ratioTo(measured, roundsOf(bare) as LoadResult[]) : null,
      cpuMicrosPerRequest: medianOrNull(cpuRounds[index] ?? []),
      cpuVsBare: bare
        ? medianOrNull(
            (cpuRounds[index] ?? []).map((ours, round) => {
              const twin = cpuOf(bare)[round];
              return ours === null || twin === null || twin === undefined ? null : twin / ours;
            }),
          )
        : null,
      target: scenario.target,
      rounds: measured,
    };
  });
  return { runtime, routes };
}

/**
 * The order of a round's runs: the scenarios as listed, except that in every other round each bare
 * twin runs just before its route instead of just after, so neither of the pair always inherits the
 * other's leftovers (a major GC owed by the ingestion runs of the round before, on Node's one heap).
 */
function roundOrder(scenarios: readonly BenchScenario[], round: number): number[] {
  const order = scenarios.map((_, index) => index);
  if (round % 2 === 0) return order;
  for (let index = 0; index < order.length - 1; index += 1) {
    if (scenarios[order[index + 1] as number]?.target === 'baseline') {
      [order[index], order[index + 1]] = [order[index + 1] as number, order[index] as number];
      index += 1;
    }
  }
  return order;
}

/**
 * One timed run of a route. A run with errors or non-2xx answers is not a measurement: it is run
 * once more (wrangler dev reloads the worker when someone saves a source file, which drops the
 * connections of that moment), and a second failure ends the benchmark.
 */
async function measureRoute(
  runtime: Runtime,
  url: string,
  scenario: LoadScenario,
  firstRound: boolean,
  cpu: () => number | null,
): Promise<{ result: LoadResult; cpuSeconds: number | null }> {
  const warmUp = { ...load, durationSeconds: load.warmUpSeconds, warmUpSeconds: 0 };
  for (let attempt = 1; ; attempt += 1) {
    // The warm-up runs apart from the timed run, so the CPU counted is the timed run's alone.
    if (firstRound && load.warmUpSeconds > 0) await runLoad(url, scenario, warmUp);
    const before = cpu();
    const result = await runLoad(url, scenario, { ...load, warmUpSeconds: 0 });
    const after = cpu();
    const cpuSeconds = before === null || after === null ? null : after - before;
    if (result.non2xx === 0 && result.errors === 0) return { result, cpuSeconds };
    const failure = `${runtime} ${scenario.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`;
    if (attempt === 2) throw new Error(failure);
    console.log(`[bench:edge] ${failure}; running it again`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** A scenario sent with an API key of its own (each key has its own rate-limit window). */
async function authorized(api: BenchApi, scenario: LoadScenario): Promise<LoadScenario> {
  const key = await api.newKey(`bench ${scenario.name}`.slice(0, 100));
  return { ...scenario, headers: { Authorization: `Bearer ${key.key}` } };
}

function renderTable(runs: readonly RuntimeResult[]): string {
  const workerd = runs.find((run) => run.runtime === 'workerd');
  const node = runs.find((run) => run.runtime === 'node');
  const names = (workerd ?? node)?.routes.map((route) => route.name) ?? [];
  const routeOf = (run: RuntimeResult | undefined, name: string) =>
    run?.routes.find((route) => route.name === name);
  const cells = (route: RouteResult | undefined) => {
    if (!route) return ['–', '–', '–', '–', '–'];
    const rate =
      route.itemsPerSecond === null
        ? formatFixed(route.requestsPerSecond, 0)
        : `${formatFixed(route.requestsPerSecond, 1)} (${formatFixed(route.itemsPerSecond, 0)} events/s)`;
    return [
      rate,
      `${milliseconds(route.p50Ms)} / ${milliseconds(route.p99Ms)}`,
      `${route.vsTrivial.toFixed(2)}×`,
      route.vsBare === null ? '' : `${route.vsBare.toFixed(2)}×`,
      route.cpuMicrosPerRequest === null
        ? '–'
        : formatFixed(route.cpuMicrosPerRequest, 0) +
          (route.cpuVsBare === null ? '' : ` (bare ÷ ours ${route.cpuVsBare.toFixed(2)}×)`),
    ];
  };
  const rows = names.map((name) => {
    const w = routeOf(workerd, name);
    const n = routeOf(node, name);
    return [name, ...cells(w), ...cells(n), w && n ? ratio(n.requestsPerSecond, w.requestsPerSecond) : '–'];
  });
  return [
    `Edge benchmark (${machine()}); autocannon on loopback, ${load.connections} connections, ${ROUNDS} rounds of ${load.durationSeconds} s per route (after a ${load.warmUpSeconds} s warm-up); medians over the rounds`,
    '',
    '| route | workerd req/s | p50 / p99 ms | vs. trivial | vs. bare Hono | workerd CPU µs/req | Node req/s | p50 / p99 ms | vs. trivial | vs. bare Hono | Node CPU µs/req | Node ÷ workerd |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    'Trivial route: `GET /docs/init.js`, a constant script through the whole middleware chain, with no auth and no database. ' +
      '"vs. trivial" is the median over the rounds of the route\'s throughput ÷ the trivial route\'s on the same runtime in the same round. ' +
      '"Bare Hono" is bench/baseline/: a Hono app with no middleware serving the same engine call (the calculator\'s and the legacy calculator\'s) in the same runtime, ' +
      'on Node in the edge\'s own process, on workerd as a Worker of its own under `wrangler dev` (see bench/README.md); "vs. bare Hono" is our route ÷ its bare twin, per round, the median. ' +
      '"CPU µs/req" is the CPU time the serving processes spent per answered request in the timed run (on workerd every process of the `wrangler dev`: its proxy, workerd, the local D1 and Durable Objects; the bare twin\'s `wrangler dev` for its rows), the median over the rounds; "bare ÷ ours" compares the work per request, which a busy machine moves far less than throughput. ' +
      'Workerd is `wrangler dev` with local D1 (SQLite through a Durable Object, each write a durable commit); Node is `npm run start:node` with SQLite in process.',
    '',
    ...runs.flatMap(acceptanceLines),
  ].join('\n');
}

/** autocannon's latencies are whole milliseconds. */
function milliseconds(value: number): string {
  return value < 1 ? '<1' : String(value);
}

/** A ratio as an acceptance line quotes it: two decimals, rounded down, so 0.846 does not read as 0.85. */
function flooredRatio(value: number): string {
  return `${(Math.floor(value * 100) / 100).toFixed(2)}×`;
}

/** One acceptance line: PASS or FAIL, the figure, and the bar it had to clear. */
function verdict(passed: boolean, text: string): string {
  return `- ${passed ? 'PASS' : 'FAIL'}: ${text}`;
}

function acceptanceLines(run: RuntimeResult): string[] {
  const route = (name: string) => run.routes.find((candidate) => candidate.name === name);
  const calculate = route(CALCULATE);
  const legacy = route(LEGACY);
  const draft = route(DRAFT_READ);
  const ingest = route('ingest, batches of 1000');
  const lines: string[] = [];
  for (const [label, measured] of [
    ['legacy calculate', legacy],
    ['/v1/calculate', calculate],
  ] as const) {
    if (measured?.vsBare == null) continue;
    lines.push(
      verdict(
        measured.vsBare >= 0.85,
        `${label} on ${run.runtime}, full middleware chain, reaches ${flooredRatio(measured.vsBare)} the bare-Hono baseline's throughput (at least 0.85×)` +
          (measured.cpuVsBare === null
            ? '.'
            : `; per request it takes ${formatFixed(measured.cpuMicrosPerRequest ?? 0, 0)} µs of CPU, the bare twin ${flooredRatio(measured.cpuVsBare)} of that.`),
      ),
    );
  }
  if (run.runtime === 'workerd') {
    if (calculate) {
      lines.push(
        verdict(
          calculate.vsTrivial >= 0.5,
          `/v1/calculate on workerd reaches ${flooredRatio(calculate.vsTrivial)} the trivial route's throughput (at least 0.50×).`,
        ),
      );
    }
    if (ingest && ingest.itemsPerSecond !== null) {
      lines.push(
        verdict(
          ingest.itemsPerSecond >= 10_000,
          `ingestion in batches of 1000 on workerd stores ${formatFixed(ingest.itemsPerSecond, 0)} events/s (at least 10,000).`,
        ),
      );
    }
  } else {
    if (calculate) {
      lines.push(
        verdict(
          calculate.vsTrivial >= 0.5,
          `/v1/calculate on Node reaches ${flooredRatio(calculate.vsTrivial)} the trivial route's throughput (at least 0.50×).`,
        ),
      );
    }
    if (draft) {
      lines.push(
        verdict(
          draft.vsTrivial >= 0.3,
          `a draft statement read of the standard group on Node reaches ${flooredRatio(draft.vsTrivial)} the trivial route's throughput (at least 0.30×).`,
        ),
      );
    }
  }
  return lines;
}
