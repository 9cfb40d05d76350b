// Serves the edge's deployable bundle on workerd through Miniflare, with no dev proxy and no watcher:
//   node edge/scripts/serve-bundle.mjs --port 8787 [--ip 127.0.0.1] --persist-to DIR
//                                      [--var NAME:value]... [--log-level warn]
// `dev.mjs --bundled` starts it in place of `wrangler dev`, with the same arguments. The Worker is
// what `wrangler deploy` would upload (`wrangler deploy --dry-run --outdir`), its bindings, vars,
// Durable Objects, assets and cron triggers are wrangler's own reading of wrangler.jsonc
// (`unstable_getMiniflareWorkerOptions`), and the local D1 and Durable Objects live in DIR/v3 as
// under `wrangler dev --persist-to DIR`, so either can serve the other's database. What it leaves
// out is `wrangler dev`'s second workerd, the proxy that holds requests while a changed source is
// rebuilt: a test run never edits the source, and on these machines that proxy costs a small request
// (a constant route, a health check, an authenticated read) more CPU than the Worker's own answer.
// A bundle is made once for as long as the files it is made of stay the same (./bundle-cache.mjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from 'wrangler';
import { bundleOnce } from './bundle-cache.mjs';

const edgeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    ip: { type: 'string', default: '127.0.0.1' },
    'persist-to': { type: 'string' },
    var: { type: 'string', multiple: true, default: [] },
    'log-level': { type: 'string', default: 'warn' },
  },
});
if (!options.port || !options['persist-to']) {
  console.error('[edge] serve-bundle.mjs needs --port and --persist-to');
  process.exit(2);
}

/** wrangler's `--log-level` names, as Miniflare's levels. */
const LOG_LEVELS = {
  none: LogLevel.NONE,
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  log: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

/** `NAME:value` pairs, as `wrangler dev --var` takes them (the value may hold colons). */
function parseVars(pairs) {
  return Object.fromEntries(
    pairs.map((pair) => {
      const separator = pair.indexOf(':');
      if (separator < 1) throw new Error(`--var takes NAME:value, got "${pair}"`);
      return [pair.slice(0, separator), pair.slice(separator + 1)];
    }),
  );
}

/** What shapes a bundle besides its inputs and their package.json and tsconfig files (bundle-cache.mjs). */
const CONFIGURATION = ['wrangler.jsonc', '../package-lock.json'];

/** The Worker as `wrangler deploy` would upload it, bundled once for as long as its sources stay the same. */
function bundleWorker() {
  return bundleOnce({
    root: edgeDir,
    cacheDir: join(edgeDir, '..', 'node_modules', '.cache', 'billing-edge', 'bundles'),
    configuration: CONFIGURATION,
    bundle: (outdir) => {
      const bundled = spawnSync(
        process.execPath,
        // --metafile alone: esbuild's metafile goes to outdir/bundle-meta.json (bundle-cache.mjs's METAFILE).
        [wrangler, 'deploy', '--dry-run', '--env=', '--outdir', outdir, '--metafile'],
        {
          cwd: edgeDir,
          env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      if (bundled.status !== 0) throw new Error('wrangler deploy --dry-run could not bundle the Worker');
    },
  });
}

/** wrangler's logger levels, most important first: a line shows at its level and every one after it. */
const WRANGLER_LEVELS = ['none', 'error', 'warn', 'info', 'log', 'debug'];
const shownLevel = WRANGLER_LEVELS.indexOf(
  WRANGLER_LEVELS.includes(options['log-level']) ? options['log-level'] : 'warn',
);

/**
 * The Worker's own console lines, filtered by `--log-level` as `wrangler dev` filters them (its
 * handleStructuredLogs: debug shows as info, anything unnamed as log); Miniflare's `log` governs only
 * its own messages, and would otherwise print every line the Worker writes.
 */
function writeWorkerLine({ level, message }) {
  const as = level === 'debug' ? 'info' : WRANGLER_LEVELS.includes(level) ? level : 'log';
  if (WRANGLER_LEVELS.indexOf(as) > shownLevel) return;
  (as === 'error' || as === 'warn' ? process.stderr : process.stdout).write(`${message}\n`);
}

// The top-level environment, which `--env=` bundles: CLOUDFLARE_ENV would otherwise give the bundle
// another environment's vars and D1 binding.
delete process.env.CLOUDFLARE_ENV;
const outdir = bundleWorker();
const config = unstable_readConfig({ config: join(edgeDir, 'wrangler.jsonc') });
const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
const { rootPath, ...worker } = workerOptions;
const miniflare = new Miniflare(
  convertV4MiniflareOptions({
    rootPath,
    host: options.ip,
    port: Number(options.port),
    // wrangler dev's layout under --persist-to: DIR/v3/d1, DIR/v3/do, …
    resourcePersistencePath: join(options['persist-to'], 'v3'),
    // GET /cdn-cgi/local/scheduled?cron=… fires the scheduled handler, as under wrangler dev.
    unsafeTriggerHandlers: true,
    log: new Log(LOG_LEVELS[options['log-level']] ?? LogLevel.WARN),
    handleStructuredLogs: writeWorkerLine,
    workers: [
      {
        // Durable Objects keep their storage under the Worker's name, as under wrangler dev.
        name: config.name,
        ...worker,
        modules: [{ type: 'ESModule', path: join(outdir, 'worker.js') }],
        modulesRoot: outdir,
        bindings: { ...worker.bindings, ...parseVars(options.var) },
      },
    ],
  }),
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await miniflare.dispose();
  } finally {
    process.exit(0);
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);

await miniflare.ready;
