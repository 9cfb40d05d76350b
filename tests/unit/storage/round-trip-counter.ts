/**
 * A D1 binding that counts its round trips: each query run on its own (`first`, `all`, `run`,
 * `raw`) is one, and so is each `batch`, however many statements it carries, as on D1 where each
 * is one request to the database.
 */
export interface CountingD1 {
  db: D1Database;
  /** Round trips since the last `reset`. */
  readonly count: number;
  reset(): void;
}

const TERMINAL = new Set(['first', 'all', 'run', 'raw']);

export function countingD1(db: D1Database): CountingD1 {
  let count = 0;
  const own = new WeakMap<object, D1PreparedStatement>();
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === 'bind') {
          return (...values: unknown[]) => counted(target.bind(...values));
        }
        if (typeof property === 'string' && TERMINAL.has(property)) {
          return (...args: unknown[]) => {
            count += 1;
            return (value as (...args: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    own.set(proxy, statement);
    return proxy;
  };
  const wrapped = {
    prepare: (sql: string) => counted(db.prepare(sql)),
    batch: <T>(statements: D1PreparedStatement[]) => {
      count += 1;
      return db.batch<T>(statements.map((statement) => own.get(statement) ?? statement));
    },
    exec: (sql: string) => db.exec(sql),
    withSession: () => wrapped,
    dump: () => db.dump(),
  } as unknown as D1Database;
  return {
    db: wrapped,
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
  };
}
