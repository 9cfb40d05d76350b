import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { expect, test } from '../../support/api-test';

const require = createRequire(import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * edge/scripts/serve-bundle.mjs hands wrangler's reading of wrangler.jsonc to Miniflare. Its pin in
 * edge/package.json must be the Miniflare wrangler itself runs on: a wrangler bump that left it
 * behind would install a second Miniflare and workerd, fed options shaped for the other version.
 */
test('the edge pins the Miniflare its wrangler depends on, and only one is installed', () => {
  const edge = readJson(require.resolve('../../../edge/package.json'));
  const wranglerPackage = require.resolve('wrangler/package.json', { paths: ['edge'] });
  const wrangler = readJson(wranglerPackage);
  expect(edge.devDependencies.miniflare).toBe(wrangler.dependencies.miniflare);
  // The copy serve-bundle.mjs imports is the very one wrangler imports.
  expect(require.resolve('miniflare', { paths: ['edge'] })).toBe(
    require.resolve('miniflare', { paths: [dirname(wranglerPackage)] }),
  );
});
