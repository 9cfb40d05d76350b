import { createApp, randomId, readConfig } from '@billing/edge/app';
import { serveDocsAssets } from '@billing/edge/node';
import { openSqliteStorage } from '@billing/edge/storage/sqlite';
import { wranglerVars } from '@billing/edge/wrangler-vars';
import { ADMIN_API_KEY } from './edge-server';

/** The edge as the quick lane runs it: inside the test worker, on a fresh node:sqlite database. */
export interface InProcessEdge {
  fetch(request: Request): Promise<Response>;
  /** Waits for the background work started so far (month-end jobs), then closes the database. */
  close(): Promise<void>;
}

/**
 * `createApp` with the storage port on node:sqlite (`:memory:`, migrated on open), the settings of
 * the workerd edge the other lanes start (wrangler.jsonc's vars and the env playwright.config.ts gives
 * it), the sandbox payment provider, the docs' assets, and background work run on after the answer
 * as waitUntil does.
 */
export function startInProcessEdge(): InProcessEdge {
  const sqlite = openSqliteStorage(':memory:');
  const config = readConfig({
    ...wranglerVars(),
    ADMIN_API_KEY,
    AUTH_FAILURES_PER_MINUTE: '1000000',
    LEGACY_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const background = new Set<Promise<unknown>>();
  const app = createApp({
    storage: () => sqlite.storage,
    config: () => config,
    clock: () => new Date(),
    newId: randomId,
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
      sqlite.close();
    },
  };
}
