import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MIGRATIONS } from '@billing/edge/migrations';
import { build } from 'esbuild';
import type { Hono } from 'hono';

const pageDirectory = join(import.meta.dirname, '..', 'browser');
const resolve = createRequire(import.meta.url).resolve;

/** The page's files: the worker script of the installed msw and sql.js's wasm, so both match the bundle. */
const FILES: Record<string, [path: string, type: string]> = {
  'playground.css': [join(pageDirectory, 'playground.css'), 'text/css'],
  'mockServiceWorker.js': [resolve('msw/mockServiceWorker.js'), 'text/javascript'],
  'sql-wasm-browser.wasm': [resolve('sql.js/dist/sql-wasm-browser.wasm'), 'application/wasm'],
};

/**
 * `/browser/`: the page that runs the billing mock, the edge's app on SQLite in WebAssembly, in the
 * visitor's own tab (mock/browser/). Its script is bundled from source on first request and kept, so
 * the page always runs the code of this checkout, with no build step to forget.
 */
export function servePlayground(server: Hono): void {
  let bundle: Promise<string> | undefined;
  // Relative URLs in the page (its script, the worker, the worker's scope) need the trailing slash.
  server.get('/browser', (c) => c.redirect('/browser/', 301));
  server.get('/browser/', (c) => c.html(readFileSync(join(pageDirectory, 'index.html'), 'utf8')));
  server.get('/browser/playground.js', async (c) => {
    bundle ??= bundlePlayground();
    bundle.catch(() => {
      bundle = undefined;
    });
    return c.body(await bundle, 200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
  });
  server.get('/browser/:file', (c, next) => {
    const file = FILES[c.req.param('file')];
    if (!file) return next();
    return c.body(readFileSync(file[0]), 200, { 'Content-Type': file[1] });
  });
}

async function bundlePlayground(): Promise<string> {
  const result = await build({
    entryPoints: [join(pageDirectory, 'playground.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        // The edge's migrations reach the page as text: this module in place of the one that reads the files.
        name: 'edge-migrations',
        setup(build) {
          build.onResolve({ filter: /^@billing\/edge\/migrations$/ }, () => ({
            path: 'migrations',
            namespace: 'edge-migrations',
          }));
          build.onLoad({ filter: /.*/, namespace: 'edge-migrations' }, () => ({
            contents: `export const MIGRATIONS = ${JSON.stringify(MIGRATIONS)};`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no bundle for the playground');
  return output.text;
}
