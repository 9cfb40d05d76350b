/**
 * Where a route's time goes on the Node edge: starts the edge (with the bare-Hono baseline beside
 * it, as `bench:edge` does) under V8's CPU profiler (`node --cpu-prof`), loads one route with
 * autocannon, stops the edge, and prints the self time per function and per module (the engine,
 * the edge, each package, Node itself). The profile is kept for Chrome DevTools' Performance panel.
 *
 *   npm run bench:profile -- --route calculate --seconds 8 --top 25 --interval 100
 *
 * Routes: trivial, health, calculate, legacy, closed, draft, bare-calculate, bare-legacy.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { standardCompatRequest } from '@billing/fixtures';
import { BASELINE_PATHS } from './baseline/app';
import { createBenchTenant } from './lib/api';
import { BENCH_ADMIN_KEY, startEdge } from './lib/edge-servers';
import { type LoadScenario, runLoad } from './lib/load';
import { benchPort } from './lib/ports';
import { summariseProfile } from './lib/profile-summary';
import { formatFixed } from './lib/report';
import { createStandardGroup, standardCalculateBody } from './lib/standard';

const ROUTES = [
  'trivial',
  'health',
  'calculate',
  'legacy',
  'closed',
  'draft',
  'bare-calculate',
  'bare-legacy',
] as const;
type Route = (typeof ROUTES)[number];

const { values: args } = parseArgs({
  options: {
    route: { type: 'string', default: 'calculate' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    // V8 samples every 1000 µs by default: too coarse for a request of a few hundred.
    interval: { type: 'string', default: '100' },
  },
});
const route = args.route as Route;
if (!ROUTES.includes(route)) throw new Error(`--route must be one of ${ROUTES.join(', ')}, not ${route}`);

const profileDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
const edge = await startEdge('node', benchPort(40), {
  baselinePort: benchPort(42),
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${Number(args.interval)}`],
});
let requests = 0;
try {
  const api = await createBenchTenant(edge.url, BENCH_ADMIN_KEY, 'bench profile');
  const group = await createStandardGroup(api, { closed: '2026-09', draft: '2026-10' });
  const key = await api.newKey('bench profile');
  const auth = { Authorization: `Bearer ${key.key}` };
  const calculateBody = JSON.stringify(standardCalculateBody());
  const legacyBody = JSON.stringify(standardCompatRequest());
  const scenarios: Record<Route, { target: string; scenario: LoadScenario }> = {
    trivial: { target: edge.url, scenario: { name: route, method: 'GET', path: '/docs/init.js' } },
    health: { target: edge.url, scenario: { name: route, method: 'GET', path: '/health' } },
    calculate: {
      target: edge.url,
      scenario: { name: route, method: 'POST', path: '/v1/calculate', body: calculateBody, headers: auth },
    },
    legacy: {
      target: edge.url,
      scenario: { name: route, method: 'POST', path: BASELINE_PATHS.legacyCalculate, body: legacyBody },
    },
    closed: {
      target: edge.url,
      scenario: {
        name: route,
        method: 'GET',
        path: `/v1/billing-groups/${group}/statements/2026-09`,
        headers: auth,
      },
    },
    draft: {
      target: edge.url,
      scenario: {
        name: route,
        method: 'GET',
        path: `/v1/billing-groups/${group}/statements/2026-10`,
        headers: auth,
      },
    },
    'bare-calculate': {
      target: edge.baselineUrl as string,
      scenario: { name: route, method: 'POST', path: BASELINE_PATHS.calculate, body: calculateBody },
    },
    'bare-legacy': {
      target: edge.baselineUrl as string,
      scenario: { name: route, method: 'POST', path: BASELINE_PATHS.legacyCalculate, body: legacyBody },
    },
  };
  const { target, scenario } = scenarios[route];
  const result = await runLoad(target, scenario, {
    connections: Number(args.connections),
    durationSeconds: Number(args.seconds),
    warmUpSeconds: 1,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${route}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  requests = result.requests;
  console.log(
    `[bench:profile] ${route}: ${formatFixed(result.requestsPerSecond, 0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
  );
} finally {
  await edge.stop();
}

// The main thread's profile: tsx's module loader thread writes one of its own (…0.002…).
const file = readdirSync(profileDir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .sort()[0];
if (!file) throw new Error(`the edge wrote no CPU profile to ${profileDir}`);
const profilePath = join(profileDir, file);
console.log(
  summariseProfile(JSON.parse(readFileSync(profilePath, 'utf8')), { top: Number(args.top), requests }),
);
console.log(`[bench:profile] the whole profile (set-up and warm-up included): ${profilePath}`);
