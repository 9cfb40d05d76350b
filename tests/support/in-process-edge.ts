import { createApp, LocalWebhookDispatcher, randomId, readConfig } from '@billing/edge/app';
import { serveDocsAssets } from '@billing/edge/node';
import { openSqliteStorage } from '@billing/edge/storage/sqlite';
import { wranglerVars } from '@billing/edge/wrangler-vars';
import { ADMIN_API_KEY, TEST_WEBHOOK_SETTINGS } from './edge-server';

/** The edge as the quick lane runs it: inside the test worker, on a fresh node:sqlite database. */
export interface InProcessEdge {
  fetch(request: Request): Promise<Response>;
  /** Waits for the background work started so far (month-end jobs, webhooks), then closes the database. */
  close(): Promise<void>;
}

/**
 * `createApp` with the storage port on node:sqlite (`:memory:`, migrated on open), the settings of
 * the workerd edge the other lanes start (wrangler.jsonc's vars and the env playwright.config.ts gives
 * it), the sandbox payment provider, the docs' assets, background work run on after the answer
 * as waitUntil does, and a webhook dispatcher of its own.
 */
export function startInProcessEdge(): InProcessEdge {
  const sqlite = openSqliteStorage(':memory:');
  const config = readConfig({
    ...wranglerVars(),
    ADMIN_API_KEY,
    AUTH_FAILURES_PER_MINUTE: '1000000',
    LEGACY_RATE_LIMIT_PER_MINUTE: '1000000',
    ...TEST_WEBHOOK_SETTINGS,
  });
  const background = new Set<Promise<unknown>>();
  const deps = { clock: () => new Date(), newId: randomId };
  const webhooks = new LocalWebhookDispatcher({ storage: sqlite.storage, deps, settings: config.webhooks });
  const app = createApp({
    storage: () => sqlite.storage,
    config: () => config,
    ...deps,
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
