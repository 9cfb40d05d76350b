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

/** A compiled statement and what its SQL text says about it, worked out once (as on the Node host). */
interface Compiled {
  statement: Statement;
  /** The result's column names: a row is read as values and named here, not asked for them again. */
  columns: string[];
  /** A query, or a write with a RETURNING clause: run it for its rows. */
  returnsRows: boolean;
  /** A write that also returns rows: its changes are read back with `changes()`. */
  writesRows: boolean;
}

/**
 * sql.js as the D1 shim's engine; compiled statements are kept by SQL text, as on the Node host, with
 * their column names: sql.js's `getAsObject()` asks SQLite for every column's name on every row,
 * a call into WebAssembly each, which a draft statement read made a few hundred times.
 */
class SqlJsEngine implements SqliteEngine {
  readonly #compiled = new Map<string, Compiled>();

  constructor(readonly database: Database) {}

  exec(sql: string): void {
    this.database.exec(sql);
  }

  run(sql: string, params: readonly SqlValue[]) {
    const compiled = this.#statement(sql);
    const rows = this.#step(compiled, params, (values) => named(compiled.columns, values));
    // A query changes nothing: changes() would still tell of the last write.
    if (compiled.returnsRows && !compiled.writesRows) return { rows, changes: 0, lastRowId: 0 };
    const [counters] = this.#step(this.#statement('SELECT changes(), last_insert_rowid()'), [], (v) => v);
    return { rows, changes: Number(counters?.[0] ?? 0), lastRowId: Number(counters?.[1] ?? 0) };
  }

  first(sql: string, params: readonly SqlValue[]): Row | undefined {
    const compiled = this.#statement(sql);
    return this.#step(compiled, params, (values) => named(compiled.columns, values), 1)[0];
  }

  raw(sql: string, params: readonly SqlValue[]) {
    const compiled = this.#statement(sql);
    return { columns: compiled.columns, rows: this.#step(compiled, params, (values) => values) };
  }

  close(): void {
    for (const { statement } of this.#compiled.values()) statement.free();
    this.#compiled.clear();
    this.database.close();
  }

  /** Binds, steps through up to `limit` rows reading each row's values with `read`, and resets. */
  #step<T>(
    { statement }: Compiled,
    params: readonly SqlValue[],
    read: (values: SqlJsValue[]) => T,
    limit = Infinity,
  ): T[] {
    const rows: T[] = [];
    try {
      // sql.js binds bigints as 64-bit integers, though its types do not say so.
      statement.bind(params as Parameters<Statement['bind']>[0]);
      while (rows.length < limit && statement.step()) rows.push(read(statement.get()));
      return rows;
    } finally {
      statement.reset();
    }
  }

  #statement(sql: string): Compiled {
    let compiled = this.#compiled.get(sql);
    if (!compiled) {
      const statement = this.database.prepare(sql);
      const columns = statement.getColumnNames();
      const returnsRows = columns.length > 0;
      compiled = { statement, columns, returnsRows, writesRows: returnsRows && /\bRETURNING\b/i.test(sql) };
      // A few texts vary with their input (`IN (?, ?, …)` lists): bound the cache.
      if (this.#compiled.size >= MAX_COMPILED) {
        const [oldest, evicted] = this.#compiled.entries().next().value as [string, Compiled];
        evicted.statement.free();
        this.#compiled.delete(oldest);
      }
      this.#compiled.set(sql, compiled);
    }
    return compiled;
  }
}

type SqlJsValue = ReturnType<Statement['get']>[number];

/** A row of values as an object keyed by its columns' names, as `getAsObject()` builds it. */
function named(columns: readonly string[], values: readonly SqlJsValue[]): Row {
  const row: Row = {};
  for (let index = 0; index < columns.length; index += 1) row[columns[index] as string] = values[index];
  return row;
}
