import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from '../d1-shim';

/** The D1 schema's migrations, applied in file-name order exactly as `wrangler d1 migrations apply` does. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');

/** The `.sql` files of `directory` (the edge's migrations unless told otherwise), as text. */
export function readMigrations(directory = MIGRATIONS_DIR): Migration[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => ({ name, sql: readFileSync(join(directory, name), 'utf8') }));
}

/**
 * The edge's migrations as text (`@billing/edge/migrations`), for a storage that applies them to a
 * fresh database of its own: the mock's memory storage. A bundle for the browser gets the same
 * files' text in place of this module (mock/src/playground.ts).
 */
export const MIGRATIONS = readMigrations();
