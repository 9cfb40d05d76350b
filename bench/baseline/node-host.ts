/**
 * The Node edge as `npm run start:node` serves it (startNodeServer, the same settings) and, in the
 * same process, the bare-Hono baseline (./app.ts) on a port of its own through the same Node
 * adapter (serveNode). Both share one event loop, one V8 and one machine load, and the benchmark
 * loads one port at a time, so their ratio measures the edge's request path and nothing else.
 *
 *   PORT=8930 BASELINE_PORT=8931 DATABASE_PATH=… ADMIN_API_KEY=… node --import tsx bench/baseline/node-host.ts
 */
import { serveNode, startNodeServer } from '../../edge/src/node/server';
import { wranglerVars } from '../../edge/src/node/wrangler-vars';
import { createBaselineApp } from './app';

const hostname = '127.0.0.1';
const edge = await startNodeServer({
  port: Number(process.env.PORT),
  hostname,
  databasePath: process.env.DATABASE_PATH ?? ':memory:',
  env: { ...wranglerVars(), ...process.env },
});
const baselineApp = createBaselineApp();
const baseline = await serveNode((request) => baselineApp.fetch(request), {
  port: Number(process.env.BASELINE_PORT),
  hostname,
});
console.log(`[bench:node-host] edge on ${edge.url}, bare-Hono baseline on ${baseline.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all([edge.close(), baseline.close()]).finally(() => process.exit(0));
  });
}
