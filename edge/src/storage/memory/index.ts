import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import { createD1Storage } from '../d1';
import {
  applyMigrations,
  EngineD1Database,
  type Migration,
  type Row,
  type SqliteEngine,
  type SqlValue,
} from '../d1-shim';
import type { Storage } from '../port';

/**
 * The storage port in memory: the D1 adapters over SQLite compiled to WebAssembly (sql.js), with the
 * edge's own migrations applied to every fresh database. The mock runs on it, in Node and in the
 * browser alike, so the same SQL, triggers and atomic rules (the close fence, payment caps,
 * idempotency) hold there by construction: there is no second implementation to drift.
 */
export interface MemoryStorage {
  storage: Storage;
  /** The D1-compatible binding the storage runs on (raw SQL for what no API does, such as a reset). */
  d1: EngineD1Database;
  close(): void;
}

/**
 * Loads sql.js. Node finds its wasm file beside the package; a browser fetches it from where
 * `locateFile` says (the page's server must serve it).
 */
export function loadSqlJs(locateFile?: (file: string) => string): Promise<SqlJsStatic> {
  return initSqlJs(locateFile ? { locateFile } : undefined);
}

/** A fresh database with `migrations` (the `.sql` files of edge/migrations/) applied. */
export function openMemoryStorage(SQL: SqlJsStatic, migrations: readonly Migration[]): MemoryStorage {
  const database = new SQL.Database();
  const engine = new SqlJsEngine(database);
  engine.exec('PRAGMA foreign_keys = ON');
  applyMigrations(engine, migrations);
  const d1 = new EngineD1Database(engine);
  return { storage: createD1Storage(d1), d1, close: () => engine.close() };
}

const MAX_COMPILED = 1000;

/** sql.js as the D1 shim's engine; compiled statements are kept by SQL text, as on the Node host. */
class SqlJsEngine implements SqliteEngine {
  readonly #compiled = new Map<string, Statement>();

  constructor(readonly database: Database) {}

  exec(sql: string): void {
    this.database.exec(sql);
  }

  run(sql: string, params: readonly SqlValue[]) {
    const rows = this.#step(sql, params, (statement) => statement.getAsObject() as Row);
    const statement = this.#statement(sql);
    // A query changes nothing: changes() would still tell of the last write.
    if (statement.getColumnNames().length > 0 && !/\bRETURNING\b/i.test(sql)) {
      return { rows, changes: 0, lastRowId: 0 };
    }
    const [counters] = this.#step('SELECT changes(), last_insert_rowid()', [], (s) => s.get());
    return { rows, changes: Number(counters?.[0] ?? 0), lastRowId: Number(counters?.[1] ?? 0) };
  }

  first(sql: string, params: readonly SqlValue[]): Row | undefined {
    return this.#step(sql, params, (statement) => statement.getAsObject() as Row, 1)[0];
  }

  raw(sql: string, params: readonly SqlValue[]) {
    const rows = this.#step(sql, params, (statement) => statement.get());
    return { columns: this.#statement(sql).getColumnNames(), rows };
  }

  close(): void {
    for (const statement of this.#compiled.values()) statement.free();
    this.#compiled.clear();
    this.database.close();
  }

  /** Binds, steps through up to `limit` rows reading each with `read`, and resets the statement. */
  #step<T>(
    sql: string,
    params: readonly SqlValue[],
    read: (statement: Statement) => T,
    limit = Infinity,
  ): T[] {
    const statement = this.#statement(sql);
    const rows: T[] = [];
    try {
      // sql.js binds bigints as 64-bit integers, though its types do not say so.
      statement.bind(params as Parameters<Statement['bind']>[0]);
      while (rows.length < limit && statement.step()) rows.push(read(statement));
      return rows;
    } finally {
      statement.reset();
    }
  }

  #statement(sql: string): Statement {
    let statement = this.#compiled.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      // A few texts vary with their input (`IN (?, ?, …)` lists): bound the cache.
      if (this.#compiled.size >= MAX_COMPILED) {
        const [oldest, compiled] = this.#compiled.entries().next().value as [string, Statement];
        compiled.free();
        this.#compiled.delete(oldest);
      }
      this.#compiled.set(sql, statement);
    }
    return statement;
  }
}
