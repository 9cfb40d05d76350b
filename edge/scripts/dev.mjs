// Starts the billing edge locally on workerd (`wrangler dev`) with a local D1:
//   node edge/scripts/dev.mjs [--port 8787] [--fresh | --persist-to DIR] [--seed]
// --fresh uses a new empty database (tests do this on every run); otherwise the database persists
// in edge/.wrangler/state. --seed creates a development tenant and prints its API key.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const edgeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.EDGE_PORT ?? '8787' },
    fresh: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    seed: { type: 'boolean', default: false },
  },
});
const persistTo = options.fresh
  ? mkdtempSync(join(tmpdir(), 'billing-d1-'))
  : (options['persist-to'] ?? join(edgeDir, '.wrangler', 'state'));
const adminKey = process.env.ADMIN_API_KEY ?? 'dev-admin-key';
const baseUrl = `http://127.0.0.1:${options.port}`;
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: process.env.CI ?? 'true',
};

spawnSync(process.execPath, [join(edgeDir, 'scripts', 'copy-docs-assets.mjs')], { stdio: 'inherit' });

console.log(`[edge] applying D1 migrations (local, ${persistTo})`);
const migrate = spawnSync(
  process.execPath,
  [wrangler, 'd1', 'migrations', 'apply', 'billing', '--local', '--persist-to', persistTo],
  { cwd: edgeDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const server = spawn(
  process.execPath,
  [
    wrangler,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    options.port,
    '--persist-to',
    persistTo,
    '--var',
    `ADMIN_API_KEY:${adminKey}`,
    '--show-interactive-dev-session=false',
    '--log-level',
    process.env.EDGE_LOG_LEVEL ?? 'warn',
  ],
  { cwd: edgeDir, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

await waitForHealth();
console.log(`[edge] ready on ${baseUrl} (docs: ${baseUrl}/docs)`);
if (options.seed) await seedDevelopmentTenant();

async function waitForHealth() {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error('[edge] did not become healthy within 60 s');
  server.kill('SIGTERM');
  process.exit(1);
}

async function seedDevelopmentTenant() {
  const response = await fetch(`${baseUrl}/v1/tenants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Development tenant', apiKey: { name: 'dev' } }),
  });
  if (!response.ok) {
    console.error(`[edge] could not seed a development tenant: ${response.status} ${await response.text()}`);
    return;
  }
  const { tenant, apiKey } = await response.json();
  console.log(
    `[edge] development tenant ${tenant.id}; its API key:\n\n  export BILLING_API_KEY=${apiKey.key}\n`,
  );
  console.log(`  curl -s ${baseUrl}/v1/billing-groups -H "Authorization: Bearer $BILLING_API_KEY"\n`);
}
