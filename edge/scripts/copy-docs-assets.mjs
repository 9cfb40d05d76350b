// Copies Swagger UI's browser files into edge/public/docs/vendor so /docs works offline: the edge
// serves them as static assets instead of pointing the page at a CDN.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const source = dirname(require.resolve('swagger-ui-dist/package.json'));
const target = join(here, '..', 'public', 'docs', 'vendor');

mkdirSync(target, { recursive: true });
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
  const from = join(source, file);
  const to = join(target, file);
  // Rewriting an unchanged file would make every running `wrangler dev` (it watches public/) reload
  // its worker and drop the requests in flight: starting a second edge must not disturb the first.
  if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
  copyFileSync(from, to);
}
