/**
 * Starts the edge for a benchmark on a port of its own, with a fresh database, and stops it again:
 * on workerd through `edge/scripts/dev.mjs` (wrangler dev, local D1), on Node through
 * `edge/scripts/start-node.mjs` (SQLite). Each runs in its own process group, so stopping it ends
 * wrangler's workerd child too, and nothing else. Asked for a baseline port, it also serves the
 * bare-Hono baseline (bench/baseline/) in the same runtime: on Node in the edge's own process
 * (bench/baseline/node-host.ts, which starts the edge as start-node.mjs does), on workerd as a
 * Worker of its own under `wrangler dev` (bench/baseline/wrangler.jsonc).
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Runtime = 'workerd' | 'node';

export const BENCH_ADMIN_KEY = 'bench-admin-key';

export interface RunningEdge {
  runtime: Runtime;
  url: string;
  /** The bare-Hono baseline in the same runtime, when asked for. */
  baselineUrl: string | null;
  /** The process groups serving the edge and the baseline (the same one on Node), for their CPU time. */
  processGroups: { edge: number; baseline: number | null };
  stop(): Promise<void>;
}

/**
 * The legacy routes' limit per client, raised: every load request comes from one loopback client,
 * and the default 600 a minute would answer 429 within a second.
 */
const BENCH_LEGACY_RATE_LIMIT = '1000000000';

const wrangler = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
);

export async function startEdge(
  runtime: Runtime,
  port: number,
  options: { baselinePort?: number; nodeFlags?: readonly string[] } = {},
): Promise<RunningEdge> {
  for (const taken of [port, ...(options.baselinePort === undefined ? [] : [options.baselinePort])]) {
    await assertPortFree(taken);
  }
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${runtime}-`));
  const env = {
    ...process.env,
    ADMIN_API_KEY: BENCH_ADMIN_KEY,
    EDGE_LOG_LEVEL: 'error',
    LEGACY_RATE_LIMIT_PER_MINUTE: BENCH_LEGACY_RATE_LIMIT,
  };
  const { baselinePort, nodeFlags = [] } = options;
  const spawnOptions: SpawnOptions = { detached: true, stdio: ['ignore', 'pipe', 'pipe'] };
  const children: ChildProcess[] = [];
  if (runtime === 'workerd') {
    children.push(
      spawn(process.execPath, ['edge/scripts/dev.mjs', '--port', String(port), '--persist-to', dataDir], {
        env,
        ...spawnOptions,
      }),
    );
  } else {
    const nodeEnv = { ...env, PORT: String(port), DATABASE_PATH: join(dataDir, 'billing.sqlite') };
    children.push(
      baselinePort === undefined
        ? spawn(process.execPath, [...nodeFlags, 'edge/scripts/start-node.mjs'], {
            env: nodeEnv,
            ...spawnOptions,
          })
        : spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'bench/baseline/node-host.ts'], {
            env: { ...nodeEnv, BASELINE_PORT: String(baselinePort) },
            ...spawnOptions,
          }),
    );
  }
  const output: string[] = [];
  const capture = (child: ChildProcess) => {
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  };
  for (const child of children) capture(child);
  const url = `http://127.0.0.1:${port}`;
  const baselineUrl = baselinePort === undefined ? null : `http://127.0.0.1:${baselinePort}`;
  const stop = async () => {
    await Promise.all(children.map(stopGroup));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${url}/health`, children);
    // The baseline's `wrangler dev` starts once the edge's is up: two starting at once can pick the
    // same free port for an internal socket ("Address already in use").
    if (runtime === 'workerd' && baselinePort !== undefined) {
      const baseline = spawnBaselineWorker(baselinePort, dataDir);
      capture(baseline);
      children.push(baseline);
    }
    if (baselineUrl) await waitForHealth(`${baselineUrl}/baseline/trivial`, children);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  // Each child leads a process group of its own (detached), which its own children join.
  const [edgeChild, baselineChild] = children;
  const processGroups = {
    edge: edgeChild?.pid as number,
    baseline: baselineUrl === null ? null : ((baselineChild ?? edgeChild)?.pid as number),
  };
  return { runtime, url, baselineUrl, processGroups, stop };
}

/** The baseline Worker under `wrangler dev`, its local state in the edge's throwaway directory. */
function spawnBaselineWorker(port: number, dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      wrangler,
      'dev',
      '--config',
      'bench/baseline/wrangler.jsonc',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      join(dataDir, 'baseline'),
      '--show-interactive-dev-session=false',
      '--log-level',
      'error',
    ],
    {
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        CI: 'true',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/**
 * Refuses a port something already answers on: the health check would take that server for the
 * benchmark's (and its answers, e.g. a 401 for another admin key, for the edge's). Move the ports
 * with BENCH_PORT_BASE.
 */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
  } catch {
    return;
  }
  throw new Error(`port ${port} is already in use: set BENCH_PORT_BASE to move the benchmark's ports`);
}

async function waitForHealth(url: string, children: readonly ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const exited = children.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`a server of the benchmark exited with ${exited.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 90 s`);
}

/** SIGTERM to the process group this benchmark started, SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // wrangler's workerd may outlive its parent by a moment: make sure the whole group is gone.
  signalGroup('SIGKILL');
}
