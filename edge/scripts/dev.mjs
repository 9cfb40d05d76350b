// Starts the billing edge locally on workerd (`wrangler dev`) with a local D1:
//   node edge/scripts/dev.mjs [--port 8787] [--ip 127.0.0.1] [--fresh | --persist-to DIR] [--seed]
//                             [--skip-migrations] [--bundled]
// --fresh uses a new empty database (tests do this on every run), removed when the edge stops (or by
// the next --fresh start, if its process was killed outright); otherwise the database persists
// in edge/.wrangler/state. --seed makes sure the database has a development tenant (one, kept across
// restarts: ./dev-seed.mjs) and prints its API key. --ip 0.0.0.0 lets other hosts in (a container's
// port, docker-compose.yml); the default keeps it on loopback.
// --bundled serves the deployable bundle on workerd through Miniflare (./serve-bundle.mjs) instead of
// `wrangler dev`: the same Worker, bindings and database, without the dev proxy and its rebuild on
// change, at a third of the CPU per request. The test run starts its edge this way.
// --skip-migrations serves a --persist-to database this checkout already migrated (a restart): the
// migrations check alone is a wrangler process of its own, 3 s of CPU on 2 cores.
// A database that does not exist yet (--fresh, or an empty --persist-to) starts as a copy of one
// migrated once per set of migrations (node_modules/.cache/billing-edge): applying them is a
// wrangler process of 5 s on 2 cores, which every fresh edge of a test run or benchmark paid.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDevelopmentTenant, SEED_FILE } from './dev-seed.mjs';

const edgeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const FRESH_PREFIX = 'billing-d1-';
const OWNER_FILE = 'edge-owner.pid';
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.EDGE_PORT ?? '8787' },
    ip: { type: 'string', default: '127.0.0.1' },
    fresh: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    seed: { type: 'boolean', default: false },
    'skip-migrations': { type: 'boolean', default: false },
    bundled: { type: 'boolean', default: false },
  },
});
if (options.fresh) removeOrphanedFreshDatabases();
const persistTo = options.fresh
  ? mkdtempSync(join(tmpdir(), FRESH_PREFIX))
  : (options['persist-to'] ?? join(edgeDir, '.wrangler', 'state'));
// A fresh database is this process's alone: it names its owner, and goes when the edge stops.
if (options.fresh) writeFileSync(join(persistTo, OWNER_FILE), String(process.pid));
const adminKey = process.env.ADMIN_API_KEY ?? 'dev-admin-key';
// A wildcard address listens on loopback too, and only loopback is sure to be reachable from here.
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);
const host = WILDCARD_ADDRESSES.has(options.ip) ? '127.0.0.1' : options.ip;
const baseUrl = `http://${host}:${options.port}`;
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: process.env.CI ?? 'true',
};

spawnSync(process.execPath, [join(edgeDir, 'scripts', 'copy-docs-assets.mjs')], { stdio: 'inherit' });

if (!existsSync(join(persistTo, 'v3', 'd1'))) {
  const template = migratedTemplate();
  console.log(`[edge] new local D1 (${persistTo}), copied from ${template}`);
  cpSync(template, persistTo, { recursive: true });
} else if (!options['skip-migrations']) {
  console.log(`[edge] applying D1 migrations (local, ${persistTo})`);
  applyMigrations(persistTo);
}

const logLevel = process.env.EDGE_LOG_LEVEL ?? 'warn';
// wrangler dev's arguments that serve-bundle.mjs takes too: the address, the database and the vars.
const serverArgs = [
  '--ip',
  options.ip,
  '--port',
  options.port,
  '--persist-to',
  persistTo,
  '--var',
  `ADMIN_API_KEY:${adminKey}`,
  // The crash tests resume a killed month-end job without waiting the default 30 s.
  ...(process.env.JOB_LEASE_SECONDS ? ['--var', `JOB_LEASE_SECONDS:${process.env.JOB_LEASE_SECONDS}`] : []),
  // The throttles' limits, the web app's token (edge/src/middleware/rate-limit.ts) and the
  // webhook waits tests shorten (edge/src/deps.ts), when set.
  ...[
    'AUTH_FAILURES_PER_MINUTE',
    'LEGACY_RATE_LIMIT_PER_MINUTE',
    'CLIENT_ADDRESS_TOKEN',
    'WEBHOOK_RETRY_BASE_SECONDS',
    'WEBHOOK_RETRY_WINDOW_SECONDS',
    'WEBHOOK_TIMEOUT_SECONDS',
  ].flatMap((name) => (process.env[name] ? ['--var', `${name}:${process.env[name]}`] : [])),
  // The Worker writes its request lines only where this level shows them (edge/OBSERVABILITY.md).
  '--var',
  `EDGE_LOG_LEVEL:${logLevel}`,
  '--log-level',
  logLevel,
];
const server = spawn(
  process.execPath,
  options.bundled
    ? [join(edgeDir, 'scripts', 'serve-bundle.mjs'), ...serverArgs]
    : [wrangler, 'dev', ...serverArgs, '--show-interactive-dev-session=false'],
  { cwd: edgeDir, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  if (options.fresh) rmSync(persistTo, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});

await waitForHealth();
console.log(`[edge] ready on ${baseUrl} (docs: ${baseUrl}/docs)`);
if (options.seed) await seedDevelopmentTenant();

/**
 * Fresh databases whose edge is gone: its process no longer runs (it was killed outright, with no
 * chance to remove its own), or, for one older than the owner file, it is more than a day old.
 * Each is up to a few hundred MB, and a test run or benchmark starts several.
 */
function removeOrphanedFreshDatabases() {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(FRESH_PREFIX)) continue;
    const directory = join(tmpdir(), name);
    const ownerFile = join(directory, OWNER_FILE);
    try {
      const orphaned = existsSync(ownerFile)
        ? !isRunning(Number(readFileSync(ownerFile, 'utf8')))
        : statSync(directory).mtimeMs < dayAgo;
      if (orphaned) rmSync(directory, { recursive: true, force: true });
    } catch {
      // Another start removed it meanwhile, or it is not ours to read: left as it is.
    }
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error.code === 'EPERM';
  }
}

function applyMigrations(directory) {
  const migrate = spawnSync(
    process.execPath,
    [wrangler, 'd1', 'migrations', 'apply', 'billing', '--local', '--persist-to', directory],
    { cwd: edgeDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
}

/**
 * An empty local D1 with every migration applied, made once for each version of the migrations,
 * wrangler.jsonc and wrangler (the file layout is miniflare's), and shared by every fresh database.
 * It is built in a directory of its own and renamed into place, so concurrent starts never see a
 * half-made template: when two build one at once, the second rename fails and its copy is dropped.
 */
function migratedTemplate() {
  const migrationsDir = join(edgeDir, 'migrations');
  const hash = createHash('sha256');
  hash.update(readFileSync(require.resolve('wrangler/package.json')));
  hash.update(readFileSync(join(edgeDir, 'wrangler.jsonc')));
  for (const name of readdirSync(migrationsDir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(migrationsDir, name)));
  }
  const cacheDir = join(edgeDir, '..', 'node_modules', '.cache', 'billing-edge');
  const template = join(cacheDir, `d1-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(template)) return template;
  mkdirSync(cacheDir, { recursive: true });
  const building = mkdtempSync(join(cacheDir, 'building-'));
  console.log('[edge] applying D1 migrations to a new template database');
  applyMigrations(building);
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

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
  let seed;
  try {
    seed = await ensureDevelopmentTenant({ baseUrl, adminKey, seedPath: join(persistTo, SEED_FILE) });
  } catch (error) {
    console.error(`[edge] ${error.message}`);
    return;
  }
  const { tenantId, groupId, apiKey, month, created } = seed;
  console.log(
    `[edge] development tenant ${tenantId} (${created ? 'new' : 'kept from the last start'}), demo billing group ${groupId}. Try:\n`,
  );
  console.log(`  export BILLING_API_KEY=${apiKey}`);
  console.log(
    `  curl -s ${baseUrl}/v1/billing-groups/${groupId}/statements/${month} -H "Authorization: Bearer $BILLING_API_KEY"`,
  );
  console.log(
    `  curl -s ${baseUrl}/v1/billing-groups/${groupId}/statements/${month}/explain -H "Authorization: Bearer $BILLING_API_KEY"\n`,
  );
  console.log(`  API reference: ${baseUrl}/docs\n`);
}
