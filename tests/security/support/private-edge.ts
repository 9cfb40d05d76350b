import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/**
 * An edge of the test's own (`node edge/scripts/dev.mjs --bundled`, workerd with a local D1 in
 * `persistTo`, served as the run's edge is), for the tests that kill or restart it: the shared edge
 * of the run is never touched. It runs in a process group of its own, so stopping it reaches the
 * Miniflare host and workerd, and nothing else.
 */

export interface PrivateEdgeOptions {
  port: number;
  /** The local D1's directory; a restart reuses it. */
  persistTo: string;
  adminApiKey: string;
  /** Extra Worker vars through dev.mjs (JOB_LEASE_SECONDS). */
  env?: Record<string, string>;
  /** Where the edge's output goes. */
  logFile: string;
}

const START_TIMEOUT_MS = 60_000;

export class PrivateEdge {
  readonly url: string;
  private exited: Promise<void>;

  private constructor(
    readonly options: PrivateEdgeOptions,
    private readonly child: ChildProcess,
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** `migrated`: the local D1 already holds this checkout's migrations (a restart), so none are checked. */
  static async start(options: PrivateEdgeOptions, { migrated = false } = {}): Promise<PrivateEdge> {
    const url = `http://127.0.0.1:${options.port}`;
    if (await isAnswering(url)) {
      throw new Error(
        `port ${options.port} is already taken: stop whatever listens there (this suite's own ports)`,
      );
    }
    const log = openSync(options.logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        'edge/scripts/dev.mjs',
        '--bundled',
        '--persist-to',
        options.persistTo,
        '--port',
        String(options.port),
        ...(migrated ? ['--skip-migrations'] : []),
      ],
      {
        cwd: process.cwd(),
        env: {
          ...process.env,
          ADMIN_API_KEY: options.adminApiKey,
          EDGE_LOG_LEVEL: 'error',
          ...options.env,
        },
        detached: true,
        stdio: ['ignore', log, log],
      },
    );
    closeSync(log);
    const edge = new PrivateEdge(options, child);
    const started = await expect
      .poll(async () => child.exitCode === null && (await isAnswering(url)), {
        message: `the private edge on ${url} answers`,
        intervals: [100],
        timeout: START_TIMEOUT_MS,
      })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (!started) {
      await edge.stop();
      throw new Error(`the private edge on ${url} did not start; see ${options.logFile}`);
    }
    return edge;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the private edge has no pid');
    return this.child.pid;
  }

  /** The workerd processes this edge started. */
  workerdPids(): number[] {
    return descendantsOf(this.pid).filter((pid) => commandOf(pid) === 'workerd');
  }

  /**
   * A crash: SIGKILL to every workerd of this edge first, so the runtime dies mid-request with no
   * chance to finish background work, then to the whole process group (its host would restart it).
   */
  async crash(): Promise<number[]> {
    const killed = this.workerdPids();
    for (const pid of killed) signal(pid, 'SIGKILL');
    signal(-this.pid, 'SIGKILL');
    await this.exited;
    await this.untilPortFree();
    return killed;
  }

  /** A graceful stop (SIGTERM to the group; SIGKILL after 5 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      signal(-this.pid, 'SIGTERM');
      const stopped = await Promise.race([this.exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!stopped) signal(-this.pid, 'SIGKILL');
      await this.exited;
    }
    // workerd may outlive its host by a moment.
    signal(-this.pid, 'SIGKILL');
    await this.untilPortFree();
  }

  /** A new edge on the same port and the same local D1. */
  restart(): Promise<PrivateEdge> {
    return PrivateEdge.start(this.options, { migrated: true });
  }

  private async untilPortFree(): Promise<void> {
    await expect
      .poll(() => isAnswering(this.url), {
        message: `the stopped edge on ${this.url} no longer answers`,
        intervals: [100],
        timeout: 10_000,
      })
      .toBe(false);
  }
}

async function isAnswering(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `/proc/<pid>/stat`: "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
function statOf(pid: number): { command: string; parent: number } | null {
  try {
    const stat = readFileSync(join('/proc', String(pid), 'stat'), 'utf8');
    const close = stat.lastIndexOf(')');
    const parent = Number(stat.slice(close + 2).split(' ')[1]);
    return { command: stat.slice(stat.indexOf('(') + 1, close), parent };
  } catch {
    return null;
  }
}

function commandOf(pid: number): string | undefined {
  return statOf(pid)?.command;
}

/** Every process below `root`, found through /proc (Linux). */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat) children.set(stat.parent, [...(children.get(stat.parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
