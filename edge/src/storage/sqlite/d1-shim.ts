import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';

type Row = Record<string, SQLOutputValue>;

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
 * D1's binding API over Node's built-in SQLite (`node:sqlite`), so the D1 adapters in
 * `storage/d1/` serve the Node host unchanged: the same SQL, the same constraint and trigger
 * messages (`UNIQUE constraint failed: …`, `insufficient-credit`), and `batch` as one transaction.
 * SQLite runs in process and synchronously, so a batch never interleaves with another request.
 */
export class SqliteD1Database implements D1Database {
  /** Compiled statements by SQL text: the adapters prepare the same few hundred texts over and over. */
  readonly #compiled = new Map<string, Compiled>();
  readonly #compiledAsArrays = new Map<string, Compiled>();

  constructor(readonly sqlite: DatabaseSync) {}

  prepare(query: string): D1PreparedStatement {
    return new SqliteD1PreparedStatement(this, query, []);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const own = statements.map((statement) => {
      if (!(statement instanceof SqliteD1PreparedStatement) || statement.database !== this) {
        throw new TypeError('D1_TYPE_ERROR: a batch takes statements prepared on this database');
      }
      return statement;
    });
    this.sqlite.exec('BEGIN');
    try {
      const results = own.map((statement) => statement.execute<T>());
      this.sqlite.exec('COMMIT');
      return results;
    } catch (error) {
      this.sqlite.exec('ROLLBACK');
      throw error;
    }
  }

  async exec(query: string): Promise<D1ExecResult> {
    const started = performance.now();
    this.sqlite.exec(query);
    const count = query.split(';').filter((part) => part.trim() !== '').length;
    return { count, duration: performance.now() - started };
  }

  withSession(): D1DatabaseSession {
    // One local database: every read is already consistent with every write.
    return {
      prepare: (query) => this.prepare(query),
      batch: (statements) => this.batch(statements),
      getBookmark: () => null,
    };
  }

  async dump(): Promise<ArrayBuffer> {
    throw new Error('D1_ERROR: dump() is not supported; copy the database file instead');
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

class SqliteD1PreparedStatement implements D1PreparedStatement {
  constructor(
    readonly database: SqliteD1Database,
    readonly query: string,
    readonly params: readonly SQLInputValue[],
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new SqliteD1PreparedStatement(this.database, this.query, values.map(toSqlValue));
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    const row = this.database.compiled(this.query).statement.get(...this.params);
    if (row === undefined) return null;
    if (colName === undefined) return row as T;
    if (!(colName in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${colName})`);
    return (row[colName] ?? null) as T;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.execute<T>();
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.execute<T>();
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw<T>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    const { statement } = this.database.compiled(this.query, true);
    const rows = statement.all(...this.params) as unknown as T[];
    if (!options?.columnNames) return rows;
    return [statement.columns().map((column) => column.name), ...rows];
  }

  /** Runs the statement; rows for a query or a RETURNING clause, and the changes it made. */
  execute<T>(): D1Result<T> {
    const started = performance.now();
    const { statement, returnsRows, writesRows } = this.database.compiled(this.query);
    let results: Row[] = [];
    let changes = 0;
    let lastRowId = 0;
    if (!returnsRows) {
      const outcome = statement.run(...this.params);
      changes = Number(outcome.changes);
      lastRowId = Number(outcome.lastInsertRowid);
    } else {
      results = statement.all(...this.params);
      if (writesRows) {
        const counters = this.database
          .compiled('SELECT changes() AS changes, last_insert_rowid() AS last_row_id')
          .statement.get() as { changes: number; last_row_id: number };
        changes = counters.changes;
        lastRowId = counters.last_row_id;
      }
    }
    return {
      success: true,
      results: results as T[],
      meta: {
        duration: performance.now() - started,
        size_after: 0,
        rows_read: results.length,
        rows_written: changes,
        last_row_id: lastRowId,
        changed_db: changes > 0,
        changes,
      },
    };
  }
}

/**
 * D1's conversions of bound values: booleans as 0/1, integers as SQLite integers (a JS number
 * would otherwise be bound as a REAL and read back from a TEXT column as "5.0"), buffers as blobs;
 * `undefined` and other objects are refused as D1 refuses them.
 */
function toSqlValue(value: unknown): SQLInputValue {
  if (value === null || typeof value === 'string' || typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`D1_TYPE_ERROR: Type '${typeof value}' not supported for value '${String(value)}'`);
}
