import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { createD1Storage } from '../d1';
import type { Storage } from '../port';
import { SqliteD1Database } from './d1-shim';

/** The D1 schema's migrations, applied in file-name order exactly as `wrangler d1 migrations apply` does. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');

export interface SqliteStorage {
  storage: Storage;
  /** The D1-compatible binding the storage runs on. */
  d1: SqliteD1Database;
  /** The migrations applied by this open, in order (empty when the file was up to date). */
  applied: string[];
  close(): void;
}

/**
 * The storage port on a SQLite file (or `:memory:`) through the D1 adapters, after bringing its
 * schema up to date. WAL lets readers of other processes (a backup, the sqlite3 shell) in while
 * the server writes; foreign keys are enforced as on D1.
 */
export function openSqliteStorage(path: string): SqliteStorage {
  const sqlite = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  const applied = applyMigrations(sqlite, MIGRATIONS_DIR);
  const d1 = new SqliteD1Database(sqlite);
  return { storage: createD1Storage(d1), d1, applied, close: () => sqlite.close() };
}

/**
 * Applies the `.sql` files of `directory` not applied yet, each in its own transaction, and records
 * them in `d1_migrations`, the table wrangler keeps, so one database file works with both tools.
 */
export function applyMigrations(sqlite: DatabaseSync, directory: string): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`);
  const done = new Set(
    sqlite
      .prepare('SELECT name FROM d1_migrations')
      .all()
      .map((row) => String(row.name)),
  );
  const pending = readdirSync(directory)
    .filter((name) => name.endsWith('.sql') && !done.has(name))
    .sort();
  for (const name of pending) {
    sqlite.exec('BEGIN');
    try {
      sqlite.exec(readFileSync(join(directory, name), 'utf8'));
      sqlite.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
      sqlite.exec('COMMIT');
    } catch (error) {
      sqlite.exec('ROLLBACK');
      throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return pending;
}
