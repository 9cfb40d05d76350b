/**
 * `npm run mock`: the billing API as a standalone HTTP server on the MSW handlers, for anyone who
 * wants it without the real edge.
 *
 *   npm run mock -- [--port 8788] [--host 127.0.0.1] [--rate-limit 600] [--admin-key dev-admin-key]
 *
 * Besides the API: GET /health, GET /openapi.json, GET /docs (offline Swagger UI), GET /browser/ (the
 * mock running in the visitor's own tab, behind a service worker), and
 * POST /__mock/reset, POST /__mock/scenario, POST /__mock/release, GET /__mock/scenarios for tests (see mock/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compatInvalidJson } from '@billing/engine';
import { createMiddleware } from '@mswjs/http-middleware';
import express, { type Request, type Response } from 'express';
import { DOCS_HTML, DOCS_INIT_JS } from '../../edge/src/routes/system/docs';
import { DEFAULT_ADMIN_API_KEY } from './config';
import { BillingMock } from './mock';
import { playgroundRouter } from './playground';
import { ScenarioRequest } from './scenarios';

const repository = join(import.meta.dirname, '..', '..');
const LEGACY_STATEMENTS = ['/api/billing/payments/:month/statements', '/billing/payments/:month/statements'];

export interface MockServerOptions {
  adminApiKey?: string;
  defaultRateLimitPerMinute?: number;
}

/** The standalone server as an express app, with the mock behind it. */
export function createMockApp(options: MockServerOptions = {}) {
  const mock = new BillingMock({ ...options, legacyVatRate: process.env.VAT_RATE ?? null });
  const openapi = readFileSync(join(repository, 'edge', 'openapi.json'), 'utf8');
  const app = express();
  app.disable('x-powered-by');

  app.use((request, response, next) => {
    const origin = request.header('Origin');
    if (origin) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
      response.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, Idempotency-Key, X-Request-Id, X-Mock-Session, uuid',
      );
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      response.setHeader(
        'Access-Control-Expose-Headers',
        'X-Request-Id, RateLimit, RateLimit-Policy, Retry-After, Idempotent-Replayed',
      );
    }
    if (request.method === 'OPTIONS' && origin) response.status(204).end();
    else next();
  });

  app.get('/openapi.json', (_request, response) => {
    response.type('application/json').send(openapi);
  });
  app.get('/docs', (_request, response) => {
    response
      .setHeader(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
      )
      .type('text/html')
      .send(DOCS_HTML);
  });
  app.get('/docs/init.js', (_request, response) => {
    response.type('text/javascript').send(DOCS_INIT_JS);
  });
  app.use('/docs/vendor', express.static(join(repository, 'edge', 'public', 'docs', 'vendor')));

  app.use('/browser', playgroundRouter());

  app.post('/__mock/reset', (request, response) => {
    mock.reset(sessionOf(request));
    response.status(204).end();
  });
  app.post('/__mock/scenario', express.json(), (request, response) => {
    const parsed = ScenarioRequest.safeParse(request.body);
    const unknownOperation =
      parsed.success &&
      parsed.data.operationId !== undefined &&
      !mock.operationIds.has(parsed.data.operationId);
    if (!parsed.success || unknownOperation) {
      const errors = parsed.success
        ? [{ field: 'operationId', rule: 'exists', message: `no operation ${parsed.data.operationId}` }]
        : parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'body',
            rule: issue.code,
            message: issue.message,
          }));
      problem(response, 422, 'validation-error', 'The request is not valid', errors);
      return;
    }
    const scope = scopeOf(request);
    mock.useScenario(parsed.data, scope === null ? {} : { session: scope });
    response.status(201).json({ ...parsed.data, scope });
  });
  app.post('/__mock/release', (request, response) => {
    const scope = scopeOf(request);
    const released = mock.release(scope === null ? {} : { session: scope });
    response.json({ released, scope });
  });
  app.get('/__mock/scenarios', (_request, response) => {
    response.json({ items: mock.scenarios.list() });
  });

  // A fetch Request carries no GET body, so MSW never sees one: the one GET whose answer depends on
  // its body (the legacy statements stub refuses a body that is not JSON) is answered here instead.
  app.get(LEGACY_STATEMENTS, express.text({ type: () => true, limit: '1mb' }), (request, response, next) => {
    const body = typeof request.body === 'string' ? request.body : '';
    if (body === '') return next();
    try {
      JSON.parse(body);
      next();
    } catch (error) {
      const failure = compatInvalidJson(error instanceof Error ? error.message : String(error));
      response.status(failure.status).json(failure.body);
    }
  });
  app.use(createMiddleware(...mock.handlers));
  app.use((_request, response) => {
    problem(response, 404, 'not-found', 'Not found', undefined, 'no such route');
  });
  return { app, mock };
}

/** The one scope a scenario or a release applies to: the session, else the API key, else everyone (null). */
function scopeOf(request: Request): string | null {
  const { session, apiKey } = sessionOf(request);
  return session ?? apiKey ?? null;
}

/** Whose state a control request means: its `X-Mock-Session`, else its API key. */
function sessionOf(request: Request): { session?: string; apiKey?: string } {
  const session = request.header('X-Mock-Session');
  if (session) return { session };
  const apiKey = /^Bearer (\S+)$/.exec(request.header('Authorization') ?? '')?.[1];
  return apiKey ? { apiKey } : {};
}

function problem(
  response: Response,
  status: number,
  code: string,
  title: string,
  errors?: { field: string; rule: string; message: string }[],
  detail = errors?.map((error) => `${error.field}: ${error.message}`).join('; ') ?? title,
): void {
  const requestId = crypto.randomUUID();
  response
    .status(status)
    .setHeader('Content-Type', 'application/problem+json')
    .setHeader('X-Request-Id', requestId)
    .end(
      JSON.stringify({
        type: `/problems/${code}`,
        title,
        status,
        detail,
        instance: response.req.path,
        requestId,
        ...(errors ? { errors } : {}),
      }),
    );
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
  const { app } = createMockApp({
    adminApiKey: values['admin-key'],
    defaultRateLimitPerMinute: Number(values['rate-limit']),
  });
  const server = app.listen(Number(values.port), values.host, () => {
    console.log(`[mock] billing API mock on http://${values.host}:${values.port} (docs: /docs)`);
  });
  // Longer than a client's idle keep-alive: with Node's 5 s default, the server could close a
  // connection just as a client reused it, and the client saw ECONNRESET (seen under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
}
