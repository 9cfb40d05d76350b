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
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
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

/** What shapes a bundle without being one of its inputs. */
const CONFIGURATION = ['wrangler.jsonc', 'tsconfig.json', '../package-lock.json'];

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

const outdir = bundleWorker();
const { workerOptions } = unstable_getMiniflareWorkerOptions(join(edgeDir, 'wrangler.jsonc'));
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
    workers: [
      {
        name: 'billing-edge',
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
