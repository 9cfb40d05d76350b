import { type AppDeps, createApp, LocalWebhookDispatcher, randomId, readConfig } from '@billing/edge/app';
import { serveDocsAssets } from '@billing/edge/node';
import type { Storage } from '@billing/edge/storage/port';
import { openSqliteStorage } from '@billing/edge/storage/sqlite';
import { wranglerVars } from '@billing/edge/wrangler-vars';
import { ADMIN_API_KEY, TEST_WEBHOOK_SETTINGS } from './edge-server';

/** The edge as the quick lane runs it: inside the test worker, on a fresh node:sqlite database. */
export interface InProcessEdge {
  fetch(request: Request): Promise<Response>;
  /** Waits for the background work started so far (month-end jobs, webhooks), then closes the database. */
  close(): Promise<void>;
}

/** What a test changes of the quick lane's edge; each left out is as the lane runs it. */
export interface InProcessEdgeOptions {
  /** Settings over the lane's (e.g. `AUTH_FAILURES_PER_MINUTE`). */
  env?: Record<string, string>;
  clock?: AppDeps['clock'];
  newId?: AppDeps['newId'];
  /** The client every request comes from; the lane's is unknown, so it is never throttled by address. */
  clientAddress?: AppDeps['clientAddress'];
  /** Wraps the storage port the app runs on, e.g. to count its calls. */
  storage?: (storage: Storage) => Storage;
}

/**
 * `createApp` with the storage port on node:sqlite (`:memory:`, migrated on open), the settings of
 * the workerd edge the other lanes start (wrangler.jsonc's vars and the env playwright.config.ts gives
 * it), the sandbox payment provider, the docs' assets, background work run on after the answer
 * as waitUntil does, and a webhook dispatcher of its own.
 */
export function startInProcessEdge(options: InProcessEdgeOptions = {}): InProcessEdge {
  const sqlite = openSqliteStorage(':memory:');
  const storage = options.storage?.(sqlite.storage) ?? sqlite.storage;
  const config = readConfig({
    ...wranglerVars(),
    ADMIN_API_KEY,
    AUTH_FAILURES_PER_MINUTE: '1000000',
    LEGACY_RATE_LIMIT_PER_MINUTE: '1000000',
    ...TEST_WEBHOOK_SETTINGS,
    ...options.env,
  });
  const background = new Set<Promise<unknown>>();
  const deps = { clock: options.clock ?? (() => new Date()), newId: options.newId ?? randomId };
  const webhooks = new LocalWebhookDispatcher({ storage: sqlite.storage, deps, settings: config.webhooks });
  const app = createApp({
    storage: () => storage,
    config: () => config,
    ...deps,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    wakeWebhooks: () => webhooks.wake(),
    runInBackground: (work) => {
      const tracked = work.catch((error: unknown) => console.error(`[in-process edge] ${String(error)}`));
      background.add(tracked);
      void tracked.finally(() => background.delete(tracked));
    },
  });
  // Swagger UI's files for /docs, as the Node host serves them (wrangler serves them as assets).
  app.use('/docs/vendor/*', serveDocsAssets);
  return {
    fetch: async (request) => app.fetch(request),
    close: async () => {
      while (background.size > 0) await Promise.all([...background]);
      await webhooks.stop();
      sqlite.close();
    },
  };
}
