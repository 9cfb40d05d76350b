// Brings up the whole product locally: the edge on workerd (seeded with a development tenant whose
// API key it prints) and the web app (a production build served by `next start`), then prints where
// to sign in. Ctrl-C stops both.
//   node scripts/start.mjs        (npm start)   EDGE_PORT (default 8787), APP_PORT (default 3000)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDir = join(root, 'app');
const next = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
const edgePort = process.env.EDGE_PORT ?? '8787';
const appPort = process.env.APP_PORT ?? '3000';
const edgeUrl = `http://127.0.0.1:${edgePort}`;
const appUrl = `http://127.0.0.1:${appPort}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', EDGE_URL: edgeUrl };

const children = new Set();
let stopping = false;

function run(name, args, options = {}) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'], ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && options.longRunning) {
      console.error(`[start] ${name} stopped (${signal ?? code}); stopping everything`);
      stop(code ?? 1);
    }
  });
  return child;
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
  if (children.size === 0) process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

// The edge prints the development key after seeding; remember it for the summary below.
let apiKey = null;
const edge = run('edge', [join(root, 'edge', 'scripts', 'dev.mjs'), '--seed', '--port', edgePort], {
  longRunning: true,
});
edge.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  apiKey ??= /BILLING_API_KEY=(\S+)/.exec(chunk.toString())?.[1] ?? null;
});

console.log('[app] building the web app (next build)');
const build = run('next build', [next, 'build'], { cwd: appDir, stdio: ['ignore', 'inherit', 'inherit'] });
const built = await new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
if (!built) {
  console.error('[app] next build failed');
  stop(1);
} else {
  run('next start', [next, 'start', '--hostname', '127.0.0.1', '--port', appPort], {
    cwd: appDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    longRunning: true,
  });
  await Promise.all([waitFor(`${edgeUrl}/health`), waitFor(`${appUrl}/sign-in`)]);
  await waitUntil(() => apiKey !== null, 30_000);
  console.log(`
  Billing is running.
    web app:  ${appUrl}   (sign in with the development API key)
    edge API: ${edgeUrl}  (reference: ${edgeUrl}/docs)
    API key:  ${apiKey ?? 'see the edge output above'}

  Ctrl-C stops both.`);
}

async function waitFor(url) {
  await waitUntil(async () => {
    try {
      return (await fetch(url)).ok;
    } catch {
      return false;
    }
  }, 120_000);
}

async function waitUntil(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
