/** A row of a query, by column name. */
export type Row = Record<string, unknown>;

/** What SQLite takes as a bound value. */
export type SqlValue = null | string | number | bigint | Uint8Array;

/**
 * What the D1 shim needs of a SQLite that runs in process and synchronously: `node:sqlite` on the
 * Node host (storage/sqlite/), sql.js compiled to WebAssembly in the mock (storage/memory/).
 */
export interface SqliteEngine {
  exec(sql: string): void;
  /** Runs one statement: its rows (none for a write without RETURNING), the changes it made and the last row id. */
  run(sql: string, params: readonly SqlValue[]): { rows: Row[]; changes: number; lastRowId: number };
  /** The first row of a query, or undefined. */
  first(sql: string, params: readonly SqlValue[]): Row | undefined;
  /** The rows as arrays, and the column names. */
  raw(sql: string, params: readonly SqlValue[]): { columns: string[]; rows: unknown[][] };
}

/**
 * D1's binding API over an in-process SQLite, so the D1 adapters in `storage/d1/` serve the Node host
 * and the mock unchanged: the same SQL, the same constraint and trigger messages (`UNIQUE constraint
 * failed: …`, `insufficient-credit`), and `batch` as one transaction. The engine is synchronous, so a
 * batch never interleaves with another request.
 */
export class EngineD1Database implements D1Database {
  constructor(readonly engine: SqliteEngine) {}

  prepare(query: string): D1PreparedStatement {
    return new EngineD1PreparedStatement(this, query, []);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const own = statements.map((statement) => {
      if (!(statement instanceof EngineD1PreparedStatement) || statement.database !== this) {
        throw new TypeError('D1_TYPE_ERROR: a batch takes statements prepared on this database');
      }
      return statement;
    });
    this.engine.exec('BEGIN');
    try {
      const results = own.map((statement) => statement.execute<T>());
      this.engine.exec('COMMIT');
      return results;
    } catch (error) {
      this.engine.exec('ROLLBACK');
      throw error;
    }
  }

  async exec(query: string): Promise<D1ExecResult> {
    const started = performance.now();
    this.engine.exec(query);
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
}

class EngineD1PreparedStatement implements D1PreparedStatement {
  constructor(
    readonly database: EngineD1Database,
    readonly query: string,
    readonly params: readonly SqlValue[],
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new EngineD1PreparedStatement(this.database, this.query, values.map(toSqlValue));
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    const row = this.database.engine.first(this.query, this.params);
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
    const { columns, rows } = this.database.engine.raw(this.query, this.params);
    if (!options?.columnNames) return rows as T[];
    return [columns, ...(rows as T[])];
  }

  /** Runs the statement; rows for a query or a RETURNING clause, and the changes it made. */
  execute<T>(): D1Result<T> {
    const started = performance.now();
    const { rows, changes, lastRowId } = this.database.engine.run(this.query, this.params);
    return {
      success: true,
      results: rows as T[],
      meta: {
        duration: performance.now() - started,
        size_after: 0,
        rows_read: rows.length,
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
export function toSqlValue(value: unknown): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`D1_TYPE_ERROR: Type '${typeof value}' not supported for value '${String(value)}'`);
}

/** One migration of `edge/migrations/`: its file name and its SQL. */
export interface Migration {
  name: string;
  sql: string;
}

/**
 * Applies the migrations not applied yet, in name order, each in its own transaction, and records
 * them in `d1_migrations`, the table wrangler keeps, so one database file works with both tools.
 */
export function applyMigrations(engine: SqliteEngine, migrations: readonly Migration[]): string[] {
  engine.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`);
  const done = new Set(engine.run('SELECT name FROM d1_migrations', []).rows.map((row) => String(row.name)));
  const pending = migrations
    .filter((migration) => !done.has(migration.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { name, sql } of pending) {
    engine.exec('BEGIN');
    try {
      engine.exec(sql);
      engine.run('INSERT INTO d1_migrations (name) VALUES (?)', [name]);
      engine.exec('COMMIT');
    } catch (error) {
      engine.exec('ROLLBACK');
      throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return pending.map((migration) => migration.name);
}
