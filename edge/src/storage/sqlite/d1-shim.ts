import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { EngineD1Database, type Row, type SqliteEngine, type SqlValue } from '../d1-shim';

const MAX_COMPILED = 1000;

/** A compiled statement and what its SQL text says about it, worked out once. */
interface Compiled {
  statement: StatementSync;
  /** A query, or a write with a RETURNING clause: run it for its rows. */
  returnsRows: boolean;
  /** A write that also returns rows: its changes are read back with `changes()`. */
  writesRows: boolean;
}

/**
 * Node's built-in SQLite (`node:sqlite`) as the D1 shim's engine, so the D1 adapters serve the Node
 * host unchanged. Compiled statements are kept by SQL text: the adapters prepare the same few
 * hundred texts over and over.
 */
class NodeSqliteEngine implements SqliteEngine {
  readonly #compiled = new Map<string, Compiled>();
  readonly #compiledAsArrays = new Map<string, Compiled>();

  constructor(readonly sqlite: DatabaseSync) {}

  exec(sql: string): void {
    this.sqlite.exec(sql);
  }

  run(sql: string, params: readonly SqlValue[]) {
    const { statement, returnsRows, writesRows } = this.compiled(sql);
    if (!returnsRows) {
      const outcome = statement.run(...(params as SQLInputValue[]));
      return { rows: [], changes: Number(outcome.changes), lastRowId: Number(outcome.lastInsertRowid) };
    }
    const rows = statement.all(...(params as SQLInputValue[])) as Row[];
    if (!writesRows) return { rows, changes: 0, lastRowId: 0 };
    const counters = this.compiled(
      'SELECT changes() AS changes, last_insert_rowid() AS last_row_id',
    ).statement.get() as { changes: number; last_row_id: number };
    return { rows, changes: counters.changes, lastRowId: counters.last_row_id };
  }

  first(sql: string, params: readonly SqlValue[]): Row | undefined {
    return this.compiled(sql).statement.get(...(params as SQLInputValue[])) as Row | undefined;
  }

  raw(sql: string, params: readonly SqlValue[]) {
    const { statement } = this.compiled(sql, true);
    const rows = statement.all(...(params as SQLInputValue[])) as unknown as unknown[][];
    return { columns: statement.columns().map((column) => column.name), rows };
  }

  /** The compiled statement for `query`, reused across requests. */
  compiled(query: string, asArrays = false): Compiled {
    const cache = asArrays ? this.#compiledAsArrays : this.#compiled;
    let compiled = cache.get(query);
    if (!compiled) {
      const statement = this.sqlite.prepare(query);
      if (asArrays) statement.setReturnArrays(true);
      const returnsRows = statement.columns().length > 0;
      compiled = { statement, returnsRows, writesRows: returnsRows && /\bRETURNING\b/i.test(query) };
      // A few texts vary with their input (`IN (?, ?, …)` lists, the fields of an update): bound the cache.
      if (cache.size >= MAX_COMPILED) cache.delete(cache.keys().next().value as string);
      cache.set(query, compiled);
    }
    return compiled;
  }
}

/** D1's binding API over `node:sqlite` (see EngineD1Database). */
export class SqliteD1Database extends EngineD1Database {
  constructor(readonly sqlite: DatabaseSync) {
    super(new NodeSqliteEngine(sqlite));
  }
}
