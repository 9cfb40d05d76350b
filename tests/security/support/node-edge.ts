import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/**
 * The edge on its Node host (`node edge/scripts/start-node.mjs`, SQLite in a directory of its own),
 * for the tests of what the host itself exposes: its stdout (the request log), /metrics, its traces.
 * It listens on a port the system picks, read from its ready line, and runs in a process group of
 * its own, so stopping it reaches nothing else.
 */

export interface NodeEdgeOptions {
  adminApiKey: string;
  /** The host's settings (METRICS_TOKEN, OTEL_EXPORTER_OTLP_*, EDGE_LOG_LEVEL); nothing else leaks in. */
  env?: Record<string, string>;
  /** Where its output is kept when the test ends. */
  logFile: string;
}

const START_TIMEOUT_MS = 30_000;
/** Settings a developer's shell may hold that would change what the host exposes. */
const HOST_SETTINGS = [
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'EDGE_LOG_LEVEL',
];

export interface CreatedTenant {
  tenantId: string;
  apiKey: string;
}

export class NodeEdge {
  private output = '';
  private exited: Promise<void>;
  private baseUrl: string | null = null;

  private constructor(
    private readonly options: NodeEdgeOptions,
    private readonly child: ChildProcess,
    private readonly directory: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** `directory`: the database's folder of a crashed host, to restart on (default: a new one). */
  static async start(
    options: NodeEdgeOptions,
    directory = mkdtempSync(join(tmpdir(), 'billing-node-edge-')),
  ): Promise<NodeEdge> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !HOST_SETTINGS.includes(name)),
    );
    const child = spawn(process.execPath, ['edge/scripts/start-node.mjs'], {
      cwd: process.cwd(),
      env: {
        ...inherited,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_PATH: join(directory, 'billing.sqlite'),
        ADMIN_API_KEY: options.adminApiKey,
        ...options.env,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const edge = new NodeEdge(options, child, directory);
    const ready = await expect
      .poll(() => (child.exitCode === null ? edge.readyUrl() : 'exited'), {
        message: 'the Node host prints its ready line',
        intervals: [100],
        timeout: START_TIMEOUT_MS,
      })
      .toMatch(/^http:/)
      .then(
        () => true,
        () => false,
      );
    if (!ready) {
      await edge.stop();
      throw new Error(`the Node host did not start; see ${options.logFile}`);
    }
    return edge;
  }

  get url(): string {
    if (!this.baseUrl) throw new Error('the Node host is not ready');
    return this.baseUrl;
  }

  /** Everything the host wrote so far, stdout and stderr. */
  get log(): string {
    return this.output;
  }

  /** The JSON lines the host wrote so far. */
  jsonLines(): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** A tenant and its first API key, through the admin API. */
  async createTenant(name: string): Promise<CreatedTenant> {
    const response = await fetch(`${this.url}/v1/tenants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.options.adminApiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, apiKey: { name: 'observed' } }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { tenant: { id: string }; apiKey: { key: string } };
    return { tenantId: created.tenant.id, apiKey: created.apiKey.key };
  }

  /** A request with the tenant's key (and a JSON body when given). */
  request(apiKey: string, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** A crash: SIGKILL to the host's process group, mid-request if need be; its database stays. */
  async crash(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      process.kill(-this.child.pid, 'SIGKILL');
      await this.exited;
    }
    writeFileSync(this.options.logFile, this.output);
  }

  /** A new host on the crashed one's database (it listens on a new port); `env` changes its settings. */
  restart(env: Record<string, string> = {}): Promise<NodeEdge> {
    return NodeEdge.start(
      {
        ...this.options,
        env: { ...this.options.env, ...env },
        logFile: `${this.options.logFile}.restarted`,
      },
      this.directory,
    );
  }

  /** A graceful stop (SIGTERM to the group, SIGKILL after 5 s); the output is kept in the log file. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      process.kill(-this.child.pid, 'SIGTERM');
      const stopped = await Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
      ]);
      if (!stopped) process.kill(-this.child.pid, 'SIGKILL');
      await this.exited;
    }
    writeFileSync(this.options.logFile, this.output);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private readyUrl(): string | null {
    this.baseUrl ??= /\[edge:node\] ready on (http:\/\/[^\s]+)/.exec(this.output)?.[1] ?? null;
    return this.baseUrl;
  }
}
