import { coalescingD1, isPlainRead } from '@billing/edge/storage/d1/coalescing';
import { expect, test } from '../../support/api-test';

/**
 * The Worker's D1 sends the reads a request starts together as one `db.batch` (one round trip, one
 * snapshot); writes go straight through; a failed batch leaves each read its own answer or error.
 * A fake D1 records what reaches the database.
 */
interface Call {
  kind: 'all' | 'run' | 'batch' | 'raw';
  sql: string[];
}

function fakeD1(options: { failing?: RegExp } = {}) {
  const calls: Call[] = [];
  const rowsOf = (sql: string, values: unknown[]) => {
    if (options.failing?.test(sql)) throw new Error(`no such table in ${sql}`);
    return [{ sql, values }];
  };
  const statement = (sql: string, values: unknown[] = []): D1PreparedStatement =>
    ({
      sql,
      values,
      bind: (...bound: unknown[]) => statement(sql, bound),
      all: async () => {
        calls.push({ kind: 'all', sql: [sql] });
        return { results: rowsOf(sql, values), success: true, meta: {} };
      },
      first: async () => {
        throw new Error('the coalescing D1 reads with all(), never first()');
      },
      run: async () => {
        calls.push({ kind: 'run', sql: [sql] });
        return { results: [], success: true, meta: {} };
      },
      raw: async () => {
        calls.push({ kind: 'raw', sql: [sql] });
        return [[sql]];
      },
    }) as unknown as D1PreparedStatement;
  const db = {
    prepare: (sql: string) => statement(sql),
    batch: async (statements: D1PreparedStatement[]) => {
      const sqls = statements.map((each) => (each as unknown as { sql: string }).sql);
      calls.push({ kind: 'batch', sql: sqls });
      return statements.map((each) => {
        const { sql, values } = each as unknown as { sql: string; values: unknown[] };
        return { results: rowsOf(sql, values), success: true, meta: {} };
      });
    },
    exec: async () => ({ count: 0, duration: 0 }),
    withSession: () => db,
    dump: async () => new ArrayBuffer(0),
  } as unknown as D1Database;
  return { db, calls };
}

test('reads started together reach D1 as one batch, each with its own rows', async () => {
  const { db, calls } = fakeD1();
  const d1 = coalescingD1(db);
  const [group, usage, credit, values] = await Promise.all([
    d1.prepare('SELECT * FROM billing_groups WHERE id = ?').bind('g1').first(),
    d1.prepare('SELECT * FROM usage_events WHERE billing_group_id = ?').bind('g1').all(),
    d1.prepare('SELECT name FROM credit_grants WHERE id = ?').bind('c1').first('sql'),
    d1.prepare('SELECT * FROM contracts WHERE id = ?').bind('none').first('values'),
  ]);
  expect(calls).toEqual([
    {
      kind: 'batch',
      sql: [
        'SELECT * FROM billing_groups WHERE id = ?',
        'SELECT * FROM usage_events WHERE billing_group_id = ?',
        'SELECT name FROM credit_grants WHERE id = ?',
        'SELECT * FROM contracts WHERE id = ?',
      ],
    },
  ]);
  expect(group).toEqual({ sql: 'SELECT * FROM billing_groups WHERE id = ?', values: ['g1'] });
  expect(usage.results).toEqual([
    { sql: 'SELECT * FROM usage_events WHERE billing_group_id = ?', values: ['g1'] },
  ]);
  expect(credit).toBe('SELECT name FROM credit_grants WHERE id = ?');
  expect(values).toEqual(['none']);
});

test('a read alone is a plain query, and reads one after another are not held back', async () => {
  const { db, calls } = fakeD1();
  const d1 = coalescingD1(db);
  await d1.prepare('SELECT 1').first();
  await d1.prepare('SELECT 2').all();
  expect(calls).toEqual([
    { kind: 'all', sql: ['SELECT 1'] },
    { kind: 'all', sql: ['SELECT 2'] },
  ]);
});

test('a write, a raw read or an adapter’s batch goes after the reads made before it, as without batching', async () => {
  const { db, calls } = fakeD1();
  const d1 = coalescingD1(db);
  const insert = d1.prepare('INSERT INTO adjustments (id) VALUES (?)').bind('a1');
  await Promise.all([
    d1.prepare('SELECT * FROM adjustments').all(),
    d1.prepare('SELECT * FROM credit_grants').all(),
    insert.run(),
    d1.prepare('SELECT * FROM payments').all(),
    d1.prepare('WITH fresh AS (SELECT 1) UPDATE statements SET total = 0 RETURNING id').all(),
    d1.prepare('SELECT id FROM payments').raw(),
    d1.batch([insert, d1.prepare('SELECT changes()')]),
    d1.prepare('SELECT * FROM contracts').all(),
  ]);
  expect(calls).toEqual([
    { kind: 'batch', sql: ['SELECT * FROM adjustments', 'SELECT * FROM credit_grants'] },
    { kind: 'run', sql: ['INSERT INTO adjustments (id) VALUES (?)'] },
    { kind: 'all', sql: ['SELECT * FROM payments'] },
    { kind: 'all', sql: ['WITH fresh AS (SELECT 1) UPDATE statements SET total = 0 RETURNING id'] },
    { kind: 'raw', sql: ['SELECT id FROM payments'] },
    { kind: 'batch', sql: ['INSERT INTO adjustments (id) VALUES (?)', 'SELECT changes()'] },
    { kind: 'all', sql: ['SELECT * FROM contracts'] },
  ]);
});

test('when the batch fails, each read runs alone: the bad one fails, the others answer', async () => {
  const { db, calls } = fakeD1({ failing: /FROM missing/ });
  const d1 = coalescingD1(db);
  const [good, bad] = await Promise.allSettled([
    d1.prepare('SELECT * FROM billing_groups').first(),
    d1.prepare('SELECT * FROM missing').first(),
  ]);
  expect(good).toEqual({ status: 'fulfilled', value: { sql: 'SELECT * FROM billing_groups', values: [] } });
  expect(bad.status).toBe('rejected');
  expect(String((bad as PromiseRejectedResult).reason)).toContain('no such table in SELECT * FROM missing');
  expect(calls.map((call) => call.kind)).toEqual(['batch', 'all', 'all']);
});

test('tells reads from writes by their SQL', () => {
  expect(isPlainRead('SELECT id FROM api_keys WHERE key_hash = ?')).toBe(true);
  expect(isPlainRead('  with starts AS (SELECT 1) SELECT * FROM starts')).toBe(true);
  expect(isPlainRead('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toBe(false);
  expect(isPlainRead('INSERT INTO t VALUES (1)')).toBe(false);
  expect(isPlainRead('UPDATE t SET a = 1 RETURNING a')).toBe(false);
  expect(isPlainRead('DELETE FROM t')).toBe(false);
});

test('first(column) of a column the row lacks throws D1_COLUMN_NOTFOUND, as D1 itself does', async () => {
  // workerd's D1PreparedStatement.first(colName): a row without the column throws
  // `D1_COLUMN_NOTFOUND: Column not found (<name>)`; no rows at all answers null.
  const { db } = fakeD1();
  const d1 = coalescingD1(db);
  await expect(d1.prepare('SELECT * FROM contracts WHERE id = ?').bind('c1').first('absent')).rejects.toThrow(
    'D1_COLUMN_NOTFOUND',
  );
});
