import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import express, { type Router } from 'express';

const pageDirectory = join(import.meta.dirname, '..', 'browser');
/** The worker script of the installed msw, so it always matches the msw the page bundles. */
const workerScript = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

/**
 * `/browser/`: the page that runs the billing mock in the visitor's own tab (mock/browser/). Its
 * script is bundled from source on first request and kept, so the page always runs the handlers the
 * server runs, with no build step to forget.
 */
export function playgroundRouter(): Router {
  const router = express.Router();
  let bundle: Promise<string> | undefined;

  router.get('/', (request, response, next) => {
    // Relative URLs in the page (its script, the worker, the worker's scope) need the trailing slash.
    if (!request.originalUrl.split('?')[0]?.endsWith('/'))
      return response.redirect(301, `${request.baseUrl}/`);
    response.sendFile(join(pageDirectory, 'index.html'), (error) => error && next(error));
  });
  router.get('/playground.css', (_request, response, next) => {
    response.sendFile(join(pageDirectory, 'playground.css'), (error) => error && next(error));
  });
  router.get('/mockServiceWorker.js', (_request, response, next) => {
    response.sendFile(workerScript, (error) => error && next(error));
  });
  router.get('/playground.js', async (_request, response, next) => {
    bundle ??= bundlePlayground();
    try {
      response
        .type('text/javascript')
        .setHeader('Cache-Control', 'no-cache')
        .send(await bundle);
    } catch (error) {
      bundle = undefined;
      next(error);
    }
  });
  return router;
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
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no bundle for the playground');
  return output.text;
}
