/**
 * Writes edge/openapi.json from the app's zod schemas (`npm run openapi`), or with `--check` fails
 * when the committed document has drifted from the code (`npm run openapi:check`, run by CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, OPENAPI_INFO } from '../src/app';
import { randomId, readConfig } from '../src/deps';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');

const unused = () => {
  throw new Error('the OpenAPI document is generated without serving requests');
};
const app = createApp({
  storage: unused,
  config: readConfig,
  clock: () => new Date(0),
  newId: randomId,
  runInBackground: unused,
});
const generated = `${JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== generated) {
    console.error('edge/openapi.json is out of date with the code: run `npm run openapi` and commit it');
    process.exit(1);
  }
  console.log('edge/openapi.json matches the code');
} else {
  writeFileSync(target, generated);
  const operations = Object.values(app.getOpenAPI31Document(OPENAPI_INFO).paths ?? {}).flatMap((item) =>
    Object.keys(item ?? {}),
  ).length;
  console.log(`wrote edge/openapi.json (${operations} operations)`);
}
