// Copies Swagger UI's browser files into edge/public/docs/vendor so /docs works offline: the edge
// serves them as static assets instead of pointing the page at a CDN.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const source = dirname(require.resolve('swagger-ui-dist/package.json'));
const target = join(here, '..', 'public', 'docs', 'vendor');

mkdirSync(target, { recursive: true });
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js'])
  copyFileSync(join(source, file), join(target, file));
