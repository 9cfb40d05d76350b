import { DatabaseSync } from 'node:sqlite';
import { sqliteStorageOn } from '@billing/edge/storage/sqlite';
import { expect, test } from '../../support/api-test';
import { driveHotPaths } from './hot-paths';
import { explain, type PlannedStatement, triggerStatements } from './query-plan';

/**
 * Every query the D1 adapters (edge/src/storage/d1) run on the edge's request paths and scheduled
 * tasks, planned by SQLite: none may read a whole table (`SCAN <table>` without an index), since such
 * a query slows down with every tenant's rows and every month of history, on D1 as on the Node
 * host's SQLite. The queries are the ones the adapters actually prepare while ./hot-paths.ts drives
 * each route once, so a new query is checked without being listed here; the triggers' own queries
 * (the close fence, the payment and credit caps), which run inside every write they guard, too.
 */

/**
 * Full scans that are the point of their query, with the reason. A query that must read a whole
 * table (an export, say) is named here, by a fragment of its SQL.
 */
const INTENDED_FULL_SCANS: readonly { sql: string; reason: string }[] = [
  {
    sql: 'WHERE (SELECT COUNT(*) FROM billing_groups WHERE test_clock_id = ?11) < ?13',
    reason:
      'a group created on a test clock is an INSERT … SELECT (the room on the clock judged in the insert); SQLite plans ' +
      'the foreign-key checks of the tables that reference billing_groups into such a statement, and runs them only ' +
      'while a foreign-key violation is pending, which no statement here leaves',
  },
  {
    sql: 'SELECT DISTINCT u.tenant_id, u.billing_group_id FROM budgets AS u',
    reason:
      'the daily run checks every budget against its month: it reads the groups from an index, once a day',
  },
  {
    sql: 'WHERE g.voided_at IS NULL AND g.low_balance_threshold IS NOT NULL',
    reason:
      'the daily credit.low check reads the grants that have a threshold, from a partial index holding only those',
  },
];

/** A database that remembers the SQL of every statement prepared on it, once recording starts. */
function recordingDatabase(): { sqlite: DatabaseSync; prepared: Set<string>; record(): void } {
  const sqlite = new DatabaseSync(':memory:', { enableForeignKeyConstraints: true });
  const prepared = new Set<string>();
  let recording = false;
  const recorder = new Proxy(sqlite, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'prepare') {
        return (sql: string) => {
          if (recording) prepared.add(sql);
          return target.prepare(sql);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { sqlite: recorder, prepared, record: () => (recording = true) };
}

const intended = (statement: PlannedStatement) =>
  INTENDED_FULL_SCANS.some((scan) => statement.sql.includes(scan.sql));

const report = (statements: readonly PlannedStatement[]) =>
  statements.map((statement) => ({
    sql: statement.sql.replaceAll(/\s+/g, ' ').trim(),
    plan: statement.plan.join(' | '),
  }));

test.describe('storage: query plans', () => {
  test('no query of the request paths or the scheduled tasks scans a whole table', async () => {
    const database = recordingDatabase();
    const sqlite = sqliteStorageOn(database.sqlite);
    database.record();
    await driveHotPaths(sqlite);

    // The adapters' own statements; `changes()` and the like plan to a constant row anyway.
    const queries = [...database.prepared].filter((sql) => !sql.startsWith('EXPLAIN'));
    expect(queries.length, 'the hot paths prepared their queries').toBeGreaterThan(50);
    const planned = queries.map((sql) => explain(database.sqlite, sql));
    const scans = planned.filter((statement) => statement.fullScans.length > 0 && !intended(statement));
    expect(report(scans)).toEqual([]);
    sqlite.close();
  });

  test("no query reads a parameter's list again for every row of a table", async () => {
    const database = recordingDatabase();
    const sqlite = sqliteStorageOn(database.sqlite);
    database.record();
    await driveHotPaths(sqlite);

    const planned = [...database.prepared]
      .filter((sql) => !sql.startsWith('EXPLAIN'))
      .map((sql) => explain(database.sqlite, sql));
    expect(
      planned.filter((statement) => statement.sql.includes('json_each')).length,
      'the hot paths prepared queries that take a list',
    ).toBeGreaterThanOrEqual(3);
    expect(report(planned.filter((statement) => statement.innerListScans.length > 0))).toEqual([]);
    sqlite.close();
  });

  test("no trigger's condition or statement scans a whole table", () => {
    const database = recordingDatabase();
    const sqlite = sqliteStorageOn(database.sqlite);
    const triggers = database.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(triggers.length, 'the migrations create the guarding triggers').toBeGreaterThan(10);
    const planned = triggers.flatMap((trigger) =>
      triggerStatements(trigger.sql).map((sql) => ({
        ...explain(database.sqlite, sql),
        sql: `${trigger.name}: ${sql}`,
      })),
    );
    const scans = planned.filter((statement) => statement.fullScans.length > 0);
    expect(report(scans)).toEqual([]);
    sqlite.close();
  });

  test('the check sees a full scan when there is one', () => {
    const database = recordingDatabase();
    const sqlite = sqliteStorageOn(database.sqlite);
    const byHash = explain(database.sqlite, 'SELECT id FROM api_keys WHERE key_hash = ?');
    const byName = explain(database.sqlite, 'SELECT id FROM api_keys k WHERE name = ?');
    expect(byHash.fullScans).toEqual([]);
    expect(byName.fullScans).toEqual(['SCAN k']);
    sqlite.close();
  });

  test('the check sees a list read again for every row of a table when there is one', () => {
    const database = recordingDatabase();
    const sqlite = sqliteStorageOn(database.sqlite);
    const lookup = (join: string) =>
      explain(
        database.sqlite,
        `SELECT k.id FROM json_each(?) AS wanted ${join} api_keys AS k
         ON k.tenant_id = ? AND k.name = wanted.value`,
      );
    const listFirst = explain(
      database.sqlite,
      'SELECT id FROM api_keys WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))',
    );
    expect(lookup('JOIN').innerListScans).toEqual(['SCAN wanted VIRTUAL TABLE INDEX 1:']);
    expect(lookup('CROSS JOIN').innerListScans).toEqual([]);
    expect(listFirst.innerListScans).toEqual([]);
    sqlite.close();
  });
});
