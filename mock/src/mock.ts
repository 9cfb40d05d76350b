import { createApp, LocalWebhookDispatcher, randomId, readConfig, sha256Hex } from '@billing/edge/app';
import { MIGRATIONS } from '@billing/edge/migrations';
import { loadSqlJs, type MemoryStorage, openMemoryStorage } from '@billing/edge/storage/memory';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { type MockConfig, type MockOptions, resolveConfig } from './config';
import { OPERATION_IDS, withFaults } from './faults';
import { HeldAnswers } from './holds';
import { ScenarioBook, type ScenarioRequest } from './scenarios';

/** Requests without an `X-Mock-Session` header share this session. */
const DEFAULT_SESSION = 'default';

/** What the edge app is handed with each request: the database of the request's session. */
interface MockBindings {
  world: MemoryStorage;
}

/**
 * The billing mock: the edge's own app (`createApp`) on in-memory storage (the D1 adapters over
 * SQLite in WebAssembly, with the edge's migrations), behind one fault-scenario middleware. Each
 * `X-Mock-Session` value has a database of its own (requests without the header share one), like a
 * fresh edge: tenants are created with the admin key and see only their own data. Scenarios apply to
 * a session (an `X-Mock-Session` value or an API key) or to every request.
 */
export class BillingMock {
  readonly config: MockConfig;
  readonly scenarios = new ScenarioBook();
  readonly held = new HeldAnswers();
  /** Every operationId of edge/openapi.json, which scenarios may name. */
  readonly operationIds = OPERATION_IDS;
  /** MSW handlers that forward every request for a route of the edge to `fetch`. */
  readonly handlers: HttpHandler[];
  /** Settles once SQLite (sql.js) is loaded; `fetch` waits for it. */
  readonly ready: Promise<void>;
  private readonly app: ReturnType<typeof withFaults>;
  private readonly worlds = new Map<string, MemoryStorage>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly dispatchers = new WeakMap<MemoryStorage, LocalWebhookDispatcher>();
  private readonly webhooksOf: (world: MemoryStorage) => LocalWebhookDispatcher;
  private open: (() => MemoryStorage) | undefined;
  /** Resets in flight: a request waits for them, so a reset need not be awaited. */
  private resetting: Promise<unknown> = Promise.resolve();

  constructor(options: MockOptions = {}) {
    this.config = resolveConfig(options);
    const { config } = this;
    const edgeConfig = readConfig({
      ADMIN_API_KEY: config.adminApiKey,
      RATE_LIMIT_PER_MINUTE: String(config.defaultRateLimitPerMinute),
      VAT_RATE: config.legacyVatRate ?? undefined,
      CORS_ORIGINS: config.corsOrigins.join(','),
      // Every client of a mock is one client (no address): its throttles must not meet each other.
      AUTH_FAILURES_PER_MINUTE: '1000000',
      LEGACY_RATE_LIMIT_PER_MINUTE: '1000000',
      // A mock is local development: webhooks may go to a receiver on the loopback host over http.
      ENVIRONMENT: 'development',
    });
    const deps = { clock: config.clock, newId: randomId };
    const edge = createApp({
      storage: (bindings) => (bindings as MockBindings).world.storage,
      config: () => edgeConfig,
      ...deps,
      runInBackground: (work) => this.runInBackground(work),
      // Each session's database has a dispatcher of its own, as each edge would.
      wakeWebhooks: (_tenantId, bindings) => this.webhooksOf((bindings as MockBindings).world).wake(),
    });
    this.webhooksOf = (world) => {
      let dispatcher = this.dispatchers.get(world);
      if (!dispatcher) {
        dispatcher = new LocalWebhookDispatcher({
          storage: world.storage,
          deps,
          settings: edgeConfig.webhooks,
        });
        this.dispatchers.set(world, dispatcher);
      }
      return dispatcher;
    };
    this.app = withFaults(edge.fetch, this.scenarios, this.held, (path, bindings) =>
      driftUsage(path, (bindings as unknown as MockBindings).world),
    );
    const { openWorld } = options;
    this.ready = openWorld
      ? Promise.resolve().then(() => {
          this.open = openWorld;
        })
      : loadSqlJs(options.locateWasm).then((sql) => {
          this.open = () => openMemoryStorage(sql, MIGRATIONS);
        });
    // One handler per first path segment the edge serves (/v1, /health, /api, …), on the base URL.
    const segments = new Set(edge.routes.map((route) => route.path.split('/')[1] ?? ''));
    const base = config.baseUrl === '*' ? '*' : config.baseUrl.replace(/\/$/, '');
    this.handlers = [...segments]
      .filter((segment) => segment !== '' && segment !== '*')
      .flatMap((segment) => [`${base}/${segment}`, `${base}/${segment}/*`])
      .map((path) =>
        http.all(path, async ({ request }) => {
          const response = await this.fetch(request as Request);
          // With the reason phrase a network answer carries ("201 Created"), which a Response built in memory lacks.
          const { status, headers } = response;
          return new HttpResponse(response.body, { status, headers });
        }),
      );
  }

  /** Answers a request as the edge would, in the database of its session, with the active scenarios. */
  async fetch(request: Request): Promise<Response> {
    await this.ready;
    await this.resetting;
    const world = this.world(request.headers.get('X-Mock-Session') || DEFAULT_SESSION);
    return this.app.fetch(request, { world } satisfies MockBindings);
  }

  /** The database of a session, created on first use. */
  private world(session: string): MemoryStorage {
    let world = this.worlds.get(session);
    if (!world) {
      if (!this.open) throw new Error('mock: SQLite is not loaded yet (await mock.ready)');
      world = this.open();
      this.worlds.set(session, world);
    }
    return world;
  }

  runInBackground(work: Promise<unknown>): void {
    const tracked = work.catch((error) => console.error(`[mock] background work failed: ${String(error)}`));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Resolves once the background work started so far (month-end jobs) has finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  /** Applies a fault scenario to a session (an `X-Mock-Session` value or an API key), or to everyone. */
  useScenario(scenario: ScenarioRequest, options: { session?: string } = {}): void {
    this.scenarios.add(scenario, options.session ?? null);
  }

  /**
   * Lets the answers held by the `hold` scenario go on, and holds no more: a session's (an
   * `X-Mock-Session` value or an API key), or everyone's. Returns how many were waiting.
   */
  release(options: { session?: string } = {}): number {
    this.scenarios.clear(options.session, 'hold');
    return this.held.release(options.session);
  }

  /**
   * Forgets state. No argument: every session and scenario. A session name: that session's database
   * and scenarios. An API key of the default session: that tenant's data (the tenant and its keys
   * stay) and the key's scenarios. Requests made after the call see the reset, awaited or not.
   */
  reset(scope: { session?: string; apiKey?: string } = {}): Promise<void> {
    const scenarioScope = scope.session ?? scope.apiKey;
    this.scenarios.clear(scenarioScope);
    this.held.release(scenarioScope);
    const done = this.resetting.then(async () => {
      if (scope.session) this.forget(scope.session);
      else if (scope.apiKey) await this.forgetTenantData(scope.apiKey);
      else for (const session of [...this.worlds.keys()]) this.forget(session);
    });
    this.resetting = done.catch(() => undefined);
    return done;
  }

  private forget(session: string): void {
    const world = this.worlds.get(session);
    // Its dispatcher stops waking before the database goes (a run in flight ends on its own).
    if (world) void this.dispatchers.get(world)?.stop();
    world?.close();
    this.worlds.delete(session);
  }

  /** Deletes every row of the key's tenant but the tenant and its keys, in the default session. */
  private async forgetTenantData(apiKey: string): Promise<void> {
    const world = this.worlds.get(DEFAULT_SESSION);
    const key = await world?.storage.findApiKeyByHash(await sha256Hex(apiKey));
    if (!world || !key) return;
    const { engine } = world.d1;
    const tables = engine.run(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c ON c.name = 'tenant_id'
       WHERE m.type = 'table' AND m.name NOT IN ('tenants', 'api_keys')`,
      [],
    ).rows;
    engine.exec('PRAGMA foreign_keys = OFF');
    try {
      for (const { name } of tables)
        engine.run(`DELETE FROM "${String(name)}" WHERE tenant_id = ?`, [key.tenantId]);
    } finally {
      engine.exec('PRAGMA foreign_keys = ON');
    }
  }
}

/**
 * `storage-drift`: doubles the volume of the first usage event stored for the statement the path
 * names (`/v1/statements/{id}/…`), directly in SQL, around the close fence, as a buggy writer or a
 * hand-edited row would. Reconciling the statement then finds what storage no longer agrees with.
 */
function driftUsage(path: string, world: MemoryStorage): void {
  const statementId = /^\/v1\/statements\/([^/]+)/.exec(path)?.[1];
  if (!statementId) return;
  world.d1.engine.run(
    `UPDATE usage_events SET volume = CAST(CAST(volume AS INTEGER) * 2 AS TEXT)
     WHERE seq = (SELECT u.seq FROM usage_events u JOIN statements s
                  ON s.billing_group_id = u.billing_group_id AND s.month = u.month
                  WHERE s.id = ? ORDER BY u.seq LIMIT 1)`,
    [decodeURIComponent(statementId)],
  );
}

export function createBillingMock(options: MockOptions = {}): BillingMock {
  return new BillingMock(options);
}
