import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../app';
import { type AppDeps, type EdgeConfig, randomId, readConfig } from '../deps';
import { showsRequestLines, writeRequestLines } from '../middleware/request-log';
import { startNodeTracing } from '../observability/node';
import { createSandboxPaymentProvider } from '../payment-provider/sandbox';
import { LocalWebhookDispatcher } from '../services/local-webhook-dispatcher';
import { openSqliteStorage } from '../storage/sqlite';
import { createNodeMetrics } from './metrics';
import { startScheduler } from './scheduler';

/** Swagger UI's files for /docs, which wrangler serves as static assets on workerd. */
const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

export interface NodeServerOptions {
  port: number;
  hostname: string;
  /** A SQLite file, created and migrated when needed; `:memory:` for a throwaway database. */
  databasePath: string;
  /**
   * The same settings the Workers entry reads from its vars (ADMIN_API_KEY, CORS_ORIGINS, …), and
   * the host's own (edge/OBSERVABILITY.md): EDGE_LOG_LEVEL, METRICS_TOKEN, OTEL_EXPORTER_OTLP_*.
   */
  env: Record<string, string | undefined>;
}

export interface NodeServer {
  url: string;
  /** The migrations this start applied. */
  applied: string[];
  close(): Promise<void>;
}

/**
 * The billing API on Node: the same `createApp` as on workerd, with SQLite through the D1 adapters.
 * One process holds one database connection, so storage and config are built once, not per request.
 * Background work (the month-end job) runs on in the process after the response, webhooks go out
 * from the process's dispatcher, and the crons of wrangler.jsonc run here too (./scheduler.ts).
 */
export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const sqlite = openSqliteStorage(options.databasePath);
  const config: EdgeConfig = readConfig(options.env);
  const deps: AppDeps = {
    storage: () => sqlite.storage,
    config: () => config,
    clock: () => new Date(),
    newId: randomId,
    // The socket's peer; a header such as CF-Connecting-IP would be the client's own say-so here.
    clientAddress: (_request, bindings) => (bindings as HttpBindings).incoming?.socket.remoteAddress ?? null,
    runInBackground: (work) => {
      work.catch((error: unknown) => console.error(JSON.stringify({ background: String(error) })));
    },
    paymentProvider: createSandboxPaymentProvider(),
    wakeWebhooks: () => webhooks.wake(),
  };
  const webhooks = new LocalWebhookDispatcher({ storage: sqlite.storage, deps, settings: config.webhooks });
  const tracing = startNodeTracing(options.env);
  // /metrics holds no tenant data, but is for the operator's scraper only: no token, no endpoint.
  const metrics = options.env.METRICS_TOKEN
    ? createNodeMetrics(sqlite.storage, options.env.METRICS_TOKEN)
    : null;
  const app = createApp(deps, {
    requestObservers: [
      ...(showsRequestLines(options.env.EDGE_LOG_LEVEL) ? [writeRequestLines(console.log)] : []),
      ...(metrics ? [metrics.observe] : []),
    ],
    ...(tracing ? { isTracing: () => true } : {}),
  });
  app.use('/docs/vendor/*', serveDocsAssets);
  if (metrics) app.get('/metrics', metrics.serve);
  const served = await serveNode((request, bindings) => app.fetch(request, bindings), options);
  const scheduler = startScheduler({
    storage: sqlite.storage,
    deps,
    staleAfterMs: config.jobLeaseMs,
    wakeWebhooks: () => webhooks.wake(),
  });
  webhooks.start();
  return {
    ...served,
    applied: sqlite.applied,
    close: () => {
      scheduler.stop();
      return served
        .close()
        .then(() => webhooks.stop())
        .then(() => tracing?.shutdown())
        .finally(() => sqlite.close());
    },
  };
}

/** Swagger UI's files for /docs/vendor/*, as wrangler serves them on workerd. */
export const serveDocsAssets = serveStatic({ root: PUBLIC_DIR });

/**
 * Serves a fetch handler (the billing app, or the mock in front of it) over Node's HTTP server,
 * answering as workerd does where Node's adapter would not: a request without a declared body has
 * none, a GET may carry a body (the legacy routes), and an unread body closes its connection.
 */
export async function serveNode(
  fetch: (request: Request, bindings: HttpBindings) => Response | Promise<Response>,
  options: { port: number; hostname: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const listener = getRequestListener(async (request, bindings) => {
    const { incoming, outgoing } = bindings as HttpBindings;
    const withBody = request.method === 'GET' && declaresBody(incoming);
    const response = await fetch(
      withBody ? await withGetBody(request, incoming) : request,
      bindings as HttpBindings,
    );
    // A body the app did not read to its end (refused before it was read, or a 413 part-way
    // through) still sits on the connection: close the connection after this answer, so the
    // client's next request does not wait behind it or meet a reset.
    if (declaresBody(incoming) && !incoming.readableEnded) outgoing.setHeader('Connection', 'close');
    return response;
  });
  const server = createServer((incoming, outgoing) => {
    if (declaresNoBody(incoming)) {
      // The adapter builds the request's headers from rawHeaders.
      incoming.headers['content-length'] = '0';
      incoming.rawHeaders.push('Content-Length', '0');
    }
    void listener(incoming, outgoing);
  });
  // Longer than a client's idle keep-alive (Node's default is 5 s), so a reused connection is not
  // closed under a request in flight (ECONNRESET); workerd keeps idle connections open as long.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold the close open until their clients hang up.
        server.closeAllConnections();
      }),
  };
}

/**
 * An HTTP/1.1 request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3).
 * workerd hands the app such a POST with a null body; Node's adapter would give it an empty stream,
 * which the JSON body check takes for a body without a content type. Saying `Content-Length: 0`
 * makes both runtimes answer the same.
 */
function declaresNoBody(incoming: IncomingMessage): boolean {
  return (
    incoming.headers['content-length'] === undefined && incoming.headers['transfer-encoding'] === undefined
  );
}

function declaresBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return (length !== undefined && length !== '0') || incoming.headers['transfer-encoding'] !== undefined;
}

/**
 * The legacy routes read a JSON body on GET (DOMAIN §9), which workerd passes on but the fetch
 * Request constructor refuses: the body goes into a POST request that reports itself as a GET,
 * as the Node adapter itself does for TRACE.
 */
async function withGetBody(request: Request, incoming: IncomingMessage): Promise<Request> {
  const withBody = new Request(request.url, {
    method: 'POST',
    headers: request.headers,
    body: await buffer(incoming),
    signal: request.signal,
  });
  Object.defineProperty(withBody, 'method', { value: 'GET' });
  return withBody;
}
