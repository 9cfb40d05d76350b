// Brings up the whole product locally: the edge on workerd (seeded with a development tenant whose
// API key it prints) and the web app (a production build served by `next start`), then prints where
// to sign in. Ctrl-C stops both, with every process they started (wrangler's workerd, next's workers).
//   node scripts/start.mjs        (npm start)   EDGE_PORT (default 8787), APP_PORT (default 3000)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
// `next start` is production, which seals sessions with SESSION_SECRET only: a fresh one per run
// unless one is given (signing in again after a restart).
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  EDGE_URL: edgeUrl,
  SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
};

const children = new Set();
let stopping = false;
/** Every process group started here (a group outlives its leader: workerd after wrangler). */
const groups = new Set();
/** How long a group has to stop on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

/**
 * Each child leads a process group of its own (`detached`), which holds everything it starts:
 * wrangler's workerd, next's build workers. Stopping signals the whole group, so nothing outlives
 * `npm start`; a terminal's Ctrl-C reaches only this script, which then stops the groups.
 */
function run(name, args, options = {}) {
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    ...options,
  });
  children.add(child);
  groups.add(child.pid);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && options.longRunning) {
      console.error(`[start] ${name} stopped (${signal ?? code}); stopping everything`);
      stop(code ?? 1);
    }
  });
  return child;
}

function signalGroup(pgid, signal) {
  return signalProcess(-pgid, signal);
}

function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false; // it is gone
  }
}

/**
 * This script's descendants that left its children's groups (next build runs tsc in a group of its
 * own), listed before anything is signalled: once a parent exits, its orphans no longer trace back here.
 */
function straysFromGroups() {
  const table =
    spawnSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid=', '-o', 'pgid='], { encoding: 'utf8' }).stdout ?? '';
  const rows = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const descendants = new Set([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, ppid] of rows) {
      if (descendants.has(ppid) && !descendants.has(pid)) {
        descendants.add(pid);
        grown = true;
      }
    }
  }
  return rows.filter(([pid, , pgid]) => pid !== process.pid && descendants.has(pid) && !groups.has(pgid));
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const strays = straysFromGroups().map(([pid]) => pid);
  const liveGroups = () => [...groups].filter((pgid) => signalGroup(pgid, 0));
  const liveStrays = () => strays.filter((pid) => signalProcess(pid, 0));
  for (const pgid of liveGroups()) signalGroup(pgid, 'SIGTERM');
  for (const pid of liveStrays()) signalProcess(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (liveGroups().length + liveStrays().length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const pgid of liveGroups()) {
    console.error(`[start] process group ${pgid} ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
    signalGroup(pgid, 'SIGKILL');
  }
  for (const pid of liveStrays()) signalProcess(pid, 'SIGKILL');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

// The edge prints the development key and the commands that read the demo statement (of the month
// it seeded: the current UTC month) after seeding; remember them for the summary below.
let apiKey = null;
const tryCommands = [];
let edgeOutput = '';
const edge = run('edge', [join(root, 'edge', 'scripts', 'dev.mjs'), '--seed', '--port', edgePort], {
  longRunning: true,
});
edge.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  edgeOutput += chunk.toString();
  const lines = edgeOutput.split('\n');
  edgeOutput = lines.pop() ?? '';
  for (const line of lines) {
    apiKey ??= /BILLING_API_KEY=(\S+)/.exec(line)?.[1] ?? null;
    if (/^\s*(export BILLING_API_KEY=|curl )/.test(line)) tryCommands.push(line.trim());
  }
});

console.log('[app] building the web app (next build)');
const build = run('next build', [next, 'build'], { cwd: appDir, stdio: ['ignore', 'inherit', 'inherit'] });
const built = await new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
if (stopping) {
  // Ctrl-C during the build: stop() is already ending everything.
} else if (!built) {
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

  The demo billing group's statement (usage seeded in the current month):
    ${tryCommands.length > 0 ? tryCommands.join('\n    ') : 'see the edge output above'}

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
