/**
 * `npm run mock`: the billing mock as a standalone HTTP server, for anyone who wants the billing API
 * without the real edge.
 *
 *   npm run mock -- [--port 8788] [--host 127.0.0.1] [--rate-limit 600] [--admin-key dev-admin-key]
 *
 * Besides the edge's own routes (the API, GET /health, /openapi.json, /docs): GET /browser/ (the mock
 * running in the visitor's own tab, behind a service worker), and POST /__mock/reset,
 * POST /__mock/scenario, POST /__mock/release, GET /__mock/scenarios for tests (see mock/README.md).
 */
import { parseArgs } from 'node:util';
import { ApiError, handleError } from '@billing/edge/app';
import { serveDocsAssets, serveNode } from '@billing/edge/node';
import type { MemoryStorage } from '@billing/edge/storage/memory';
import { openSqliteStorage } from '@billing/edge/storage/sqlite';
import { Hono } from 'hono';
import { DEFAULT_ADMIN_API_KEY, type MockOptions } from './config';
import { BillingMock } from './mock';
import { servePlayground } from './playground';
import { ScenarioRequest } from './scenarios';

/** The standalone server as a Hono app, with the mock behind it. */
export function createMockServer(options: MockOptions = {}) {
  const mock = new BillingMock({
    legacyVatRate: process.env.VAT_RATE ?? null,
    corsOrigins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean),
    openWorld: openNodeWorld,
    ...options,
  });
  const server = new Hono();

  server.post('/__mock/reset', async (c) => {
    await mock.reset(sessionOf(c.req.raw));
    return c.body(null, 204);
  });
  server.post('/__mock/scenario', async (c) => {
    const parsed = ScenarioRequest.safeParse(await c.req.json().catch(() => undefined));
    const operationId = parsed.data?.operationId;
    if (!parsed.success || (operationId !== undefined && !mock.operationIds.has(operationId))) {
      const errors = parsed.success
        ? [{ field: 'operationId', rule: 'exists', message: `no operation ${operationId}` }]
        : parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'body',
            rule: issue.code,
            message: issue.message,
          }));
      const detail = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
      throw new ApiError(422, 'validation-error', 'The request is not valid', detail, { errors });
    }
    const scope = scopeOf(c.req.raw);
    mock.useScenario(parsed.data, scope === null ? {} : { session: scope });
    return c.json({ ...parsed.data, scope }, 201);
  });
  server.post('/__mock/release', (c) => {
    const scope = scopeOf(c.req.raw);
    const released = mock.release(scope === null ? {} : { session: scope });
    return c.json({ released, scope });
  });
  server.get('/__mock/scenarios', (c) => c.json({ items: mock.scenarios.list() }));
  servePlayground(server);
  server.use('/docs/vendor/*', serveDocsAssets);
  server.all('*', (c) => mock.fetch(c.req.raw));
  server.onError(handleError);
  return { server, mock };
}

/**
 * A world on Node's built-in SQLite (`:memory:`, the edge's migrations applied): the same SQL,
 * triggers and D1 adapters as sql.js runs them in the browser, natively. A draft statement read
 * spent a third of its time in sql.js's WebAssembly SQLite.
 */
function openNodeWorld(): MemoryStorage {
  const { storage, d1, close } = openSqliteStorage(':memory:');
  return { storage, d1, close };
}

/** The one scope a scenario or a release applies to: the session, else the API key, else everyone (null). */
function scopeOf(request: Request): string | null {
  const { session, apiKey } = sessionOf(request);
  return session ?? apiKey ?? null;
}

/** Whose state a control request means: its `X-Mock-Session`, else its API key. */
function sessionOf(request: Request): { session?: string; apiKey?: string } {
  const session = request.headers.get('X-Mock-Session');
  if (session) return { session };
  const apiKey = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
  return apiKey ? { apiKey } : {};
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.MOCK_PORT ?? '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      'rate-limit': { type: 'string', default: process.env.MOCK_RATE_LIMIT_PER_MINUTE ?? '600' },
      'admin-key': { type: 'string', default: process.env.ADMIN_API_KEY ?? DEFAULT_ADMIN_API_KEY },
    },
  });
  const { server, mock } = createMockServer({
    adminApiKey: values['admin-key'],
    defaultRateLimitPerMinute: Number(values['rate-limit']),
  });
  await mock.ready;
  const served = await serveNode((request) => server.fetch(request), {
    port: Number(values.port),
    hostname: values.host,
  });
  console.log(`[mock] billing API mock on ${served.url} (docs: /docs)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void served.close().finally(() => process.exit(0)));
  }
}
