/**
 * Starts the edge for a benchmark on a port of its own, with a fresh database, and stops it again:
 * on workerd through `edge/scripts/dev.mjs` (wrangler dev, local D1), on Node through
 * `edge/scripts/start-node.mjs` (SQLite). Each runs in its own process group, so stopping it ends
 * wrangler's workerd child too, and nothing else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Runtime = 'workerd' | 'node';

export const BENCH_ADMIN_KEY = 'bench-admin-key';

export interface RunningEdge {
  runtime: Runtime;
  url: string;
  stop(): Promise<void>;
}

export async function startEdge(runtime: Runtime, port: number): Promise<RunningEdge> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${runtime}-`));
  const env = { ...process.env, ADMIN_API_KEY: BENCH_ADMIN_KEY, EDGE_LOG_LEVEL: 'error' };
  const child =
    runtime === 'workerd'
      ? spawn(process.execPath, ['edge/scripts/dev.mjs', '--port', String(port), '--persist-to', dataDir], {
          env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, ['edge/scripts/start-node.mjs'], {
          env: { ...env, PORT: String(port), DATABASE_PATH: join(dataDir, 'billing.sqlite') },
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  return { runtime, url, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the edge exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the edge on ${url} did not become healthy within 90 s`);
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
