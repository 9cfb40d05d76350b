import { DatabaseSync } from 'node:sqlite';
import { createD1Storage } from '../d1';
import { applyMigrations } from '../d1-shim';
import type { Storage } from '../port';
import { SqliteD1Database } from './d1-shim';
import { readMigrations } from './migrations';

export { MIGRATIONS_DIR, readMigrations } from './migrations';

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
  return sqliteStorageOn(sqlite);
}

/**
 * The storage port on a database the caller opened, migrated first: a test hands in one that
 * records every statement the adapters prepare (tests/unit/storage/query-plans.spec.ts).
 */
export function sqliteStorageOn(sqlite: DatabaseSync): SqliteStorage {
  const d1 = new SqliteD1Database(sqlite);
  const applied = applyMigrations(d1.engine, readMigrations());
  return { storage: createD1Storage(d1), d1, applied, close: () => sqlite.close() };
}
