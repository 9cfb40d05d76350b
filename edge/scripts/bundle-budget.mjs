// `npm run bundle:budget`: builds the Worker exactly as `wrangler deploy --env <env>` would upload it
// (`--dry-run --outdir`, no account needed) for every deployed environment, and fails when its gzip
// size is over the budget. The size Cloudflare limits, and the one that grows the Worker's cold start,
// is the compressed upload: wrangler prints the same figure as "Total Upload: … / gzip: …".
//
// The budget: 353 KiB measured on 2026-12-06 (the edge with OpenTelemetry), plus room to grow by
// about a quarter. Raise it on purpose, in the change that needs it, never to get a build through.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_KIB = 450;
const ENVIRONMENTS = ['staging', 'production'];

const edgeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const run = promisify(execFile);

/** The uploaded modules of a dry run's output: everything but source maps and wrangler's README. */
function bundleSizes(outdir) {
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(outdir)) {
    if (file.endsWith('.map') || file === 'README.md') continue;
    const bytes = readFileSync(join(outdir, file));
    raw += bytes.length;
    // Level 6, zlib's default, as wrangler measures it.
    gzip += gzipSync(bytes, { level: 6 }).length;
  }
  return { raw, gzip };
}

async function measure(env) {
  const outdir = mkdtempSync(join(tmpdir(), `billing-edge-${env}-`));
  try {
    await run(process.execPath, [wrangler, 'deploy', '--dry-run', '--env', env, '--outdir', outdir], {
      cwd: edgeDir,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { env, ...bundleSizes(outdir) };
  } catch (error) {
    // A failed build: wrangler's own output says why.
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`wrangler deploy --dry-run --env ${env} failed`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const results = await Promise.all(ENVIRONMENTS.map(measure));
let over = 0;
for (const { env, raw, gzip } of results) {
  const fits = gzip <= BUDGET_GZIP_KIB * 1024;
  if (!fits) over += 1;
  const share = Math.round((gzip / (BUDGET_GZIP_KIB * 1024)) * 100);
  console.log(
    `${fits ? 'ok  ' : 'OVER'} ${env}: ${kib(gzip)} gzip of ${BUDGET_GZIP_KIB} KiB budget (${share}%), ${kib(raw)} raw`,
  );
}
if (over > 0) {
  console.error(
    `The Worker bundle is over its gzip budget: find what grew (\`wrangler deploy --dry-run --outdir dist --metafile\`, then esbuild's analyzer) before raising BUDGET_GZIP_KIB in edge/scripts/bundle-budget.mjs.`,
  );
  process.exit(1);
}
