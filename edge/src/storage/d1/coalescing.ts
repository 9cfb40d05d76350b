/**
 * D1 with the reads of one moment sent as one round trip. The adapters read what a route needs with
 * `Promise.all` (a statement's inputs are six queries at once); on D1 each query is a round trip to
 * the database, and under `wrangler dev` about half a millisecond of CPU. This wrapper holds the
 * reads a request starts in the same turn of the event loop and sends them together with
 * `db.batch`, which D1 runs in one transaction: one round trip, and the reads see one snapshot.
 *
 * Only plain reads wait for company (`SELECT`, or `WITH` without a write). A write, `raw()`, `exec`
 * or an adapter's own batch first sends the reads waiting before it, then goes itself: D1 gets
 * every statement in the order it was made, as without the batching. When a batch of reads fails,
 * each read runs again on its own, so every caller gets its own answer or its own error.
 */

const WRITE = /\b(INSERT|UPDATE|DELETE|REPLACE|UPSERT)\b/i;
const READ = /^\s*(SELECT|WITH)\b/i;

/** Whether a statement only reads, so it may share a batch with other reads. */
export function isPlainRead(sql: string): boolean {
  return READ.test(sql) && !WRITE.test(sql);
}

interface PendingRead {
  statement: D1PreparedStatement;
  settle(result: D1Result | null, error?: unknown): void;
}

/** The wrapped statements' own statements, for `db.batch` and for running them alone. */
const unwrapped = new WeakMap<object, D1PreparedStatement>();

const own = (statement: D1PreparedStatement): D1PreparedStatement => unwrapped.get(statement) ?? statement;

export function coalescingD1(db: D1Database): D1Database {
  let pending: PendingRead[] = [];

  /** Sends the waiting reads: their query is made before this returns, the answers come later. */
  const flush = async () => {
    const reads = pending;
    pending = [];
    if (reads.length === 0) return;
    if (reads.length === 1) {
      const [only] = reads as [PendingRead];
      await only.statement.all().then(
        (result) => only.settle(result),
        (error: unknown) => only.settle(null, error),
      );
      return;
    }
    try {
      const results = await db.batch(reads.map((read) => read.statement));
      reads.forEach((read, index) => {
        read.settle(results[index] ?? null);
      });
    } catch {
      // One bad read fails the whole batch: run each alone, so the error lands with its own caller.
      await Promise.all(
        reads.map((read) =>
          read.statement.all().then(
            (result) => read.settle(result),
            (error: unknown) => read.settle(null, error),
          ),
        ),
      );
    }
  };

  /** Runs a statement that does not wait for company after the reads made before it. */
  const inOrder = <T>(send: () => Promise<T>): Promise<T> => {
    void flush();
    return send();
  };

  /** The statement's rows, from the next batch of reads. */
  const read = (statement: D1PreparedStatement): Promise<D1Result> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) queueMicrotask(() => void flush());
      pending.push({
        statement,
        settle: (result, error) =>
          result ? resolve(result) : reject(error ?? new Error('D1 returned no result')),
      });
    });

  const wrap = (statement: D1PreparedStatement, coalesces: boolean): D1PreparedStatement => {
    // A plain read waits for the next batch; anything else goes once the reads made before it went.
    const rows = (): Promise<D1Result> => (coalesces ? read(statement) : inOrder(() => statement.all()));
    const wrapper: D1PreparedStatement = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values), coalesces),
      first: (async (column?: string) => {
        if (!coalesces)
          return inOrder(() => (column === undefined ? statement.first() : statement.first(column)));
        const row = (await rows()).results[0] as Record<string, unknown> | undefined;
        if (row === undefined) return null;
        if (column === undefined) return row;
        // As D1's own `first(column)`: a row without that column is an error, not a null.
        if (row[column] === undefined) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
        return row[column];
      }) as D1PreparedStatement['first'],
      all: rows as D1PreparedStatement['all'],
      run: (() => inOrder(() => statement.run())) as D1PreparedStatement['run'],
      raw: ((options?: { columnNames?: boolean }) =>
        inOrder(() => statement.raw(options as { columnNames: true }))) as D1PreparedStatement['raw'],
    };
    unwrapped.set(wrapper, statement);
    return wrapper;
  };

  return {
    prepare: (sql: string) => wrap(db.prepare(sql), isPlainRead(sql)),
    batch: <T>(statements: D1PreparedStatement[]) => inOrder(() => db.batch<T>(statements.map(own))),
    exec: (sql: string) => inOrder(() => db.exec(sql)),
    withSession: (constraint?: D1SessionBookmark | D1SessionConstraint) => db.withSession(constraint),
    dump: () => db.dump(),
  };
}
