// Starts the billing edge on Node (`npm run start:node`): the same Hono app as on workerd, with
// Node's built-in SQLite behind the D1 adapters. The schema's migrations are applied at start.
//   PORT (default 8789), HOST (default 127.0.0.1), DATABASE_PATH (default
//   edge/.wrangler/node/billing.sqlite, beside wrangler's local D1; `:memory:` for a throwaway one),
//   ADMIN_API_KEY (default dev-admin-key, refused when NODE_ENV=production), and the Workers vars (CORS_ORIGINS, RATE_LIMIT_PER_MINUTE,
//   VAT_RATE, …), which default to wrangler.jsonc's vars.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const edgeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const databasePath = process.env.DATABASE_PATH ?? join(edgeDir, '.wrangler', 'node', 'billing.sqlite');
if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });

if (process.env.NODE_ENV === 'production' && !process.env.ADMIN_API_KEY) {
  console.error(
    '[edge:node] ADMIN_API_KEY is not set: a production host does not start with the development key',
  );
  process.exit(1);
}

register();
const { startNodeServer } = await import('../src/node/server.ts');
// wrangler.jsonc's vars, so both runtimes start with the same settings.
const { wranglerVars } = await import('../src/node/wrangler-vars.ts');
const server = await startNodeServer({
  port: Number(process.env.PORT ?? 8789),
  hostname: process.env.HOST ?? '127.0.0.1',
  databasePath,
  env: { ...wranglerVars(), ...process.env, ADMIN_API_KEY: process.env.ADMIN_API_KEY ?? 'dev-admin-key' },
});
if (server.applied.length > 0) console.log(`[edge:node] applied migrations: ${server.applied.join(', ')}`);
console.log(`[edge:node] ready on ${server.url} (database: ${databasePath}, docs: ${server.url}/docs)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0));
  });
}
