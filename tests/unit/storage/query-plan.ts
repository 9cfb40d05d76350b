/**
 * What SQLite plans for a statement (`EXPLAIN QUERY PLAN`), and the full scans in it. `SCAN <table>`
 * reads every row of the table; `SCAN <table> USING [COVERING] INDEX …` reads every entry of one of
 * its indexes, in that index's order, which is as many rows: either way the query's cost grows with
 * every tenant's data. `SEARCH` is a lookup, and a scan of a subquery, a CTE, a constant row or a
 * table-valued function (`json_each`) reads no stored table.
 *
 * A list a statement takes as one `json_each` parameter is read again for every row of a table that
 * comes before it in a join: `SEARCH s USING INDEX … (billing_group_id=?)` then `SCAN wanted VIRTUAL
 * TABLE` compares every wanted key with every row of the group, a cost that grows with the group's
 * rows times the list's length, though no line of it is a full scan. Such a list must be the outer
 * loop (or an `IN (SELECT … FROM json_each(?))` list, which SQLite reads once).
 */
import type { DatabaseSync } from 'node:sqlite';

export interface PlannedStatement {
  sql: string;
  /** The plan's lines, as EXPLAIN QUERY PLAN words them. */
  plan: string[];
  /** The lines that scan a whole table. */
  fullScans: string[];
  /** The lines that read a parameter's list again for every row of a stored table before it. */
  innerListScans: string[];
}

/** A scan and the name it reads (a table, or the alias the query gave it). */
const SCAN = /^SCAN (\S+)/;
/** Lines naming results SQLite builds itself, which a later `SCAN <name>` reads. */
const BUILT_RESULT = /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/;

export function explain(sqlite: DatabaseSync, sql: string): PlannedStatement {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const plan = rows.map((row) => row.detail);
  const built = new Set(plan.flatMap((line) => BUILT_RESULT.exec(line)?.[1] ?? []));
  // A built result read under an alias (`FROM starts s`) is scanned by that alias.
  for (const name of [...built]) {
    for (const match of sql.matchAll(new RegExp(`\\b${name}\\s+(?:AS\\s+)?(\\w+)`, 'gi'))) {
      if (match[1] && !/^(?:AS|ON|WHERE|JOIN|CROSS|LEFT|INNER|GROUP|ORDER|UNION)$/i.test(match[1]))
        built.add(match[1]);
    }
  }
  const fullScans = plan.filter((line) => {
    const scanned = SCAN.exec(line)?.[1];
    if (scanned === undefined || line.includes('VIRTUAL TABLE')) return false;
    return scanned !== 'CONSTANT' && !scanned.startsWith('(') && !built.has(scanned);
  });
  return { sql, plan, fullScans, innerListScans: innerListScans(rows) };
}

/** A loop over rows: `SEARCH t …` or `SCAN t`, not a subquery's `(…)` or a constant row (lists are told apart first). */
const STORED_LOOP = /^(?:SEARCH|SCAN) (?!CONSTANT\b)[^(\s]/;

/** The loops of one level of a join, in the order SQLite nests them: a list after a table is inner. */
function innerListScans(rows: readonly { id: number; parent: number; detail: string }[]): string[] {
  const inner: string[] = [];
  const tableLoopSeen = new Set<number>();
  for (const row of rows) {
    const isList = row.detail.startsWith('SCAN ') && row.detail.includes('VIRTUAL TABLE');
    if (isList && tableLoopSeen.has(row.parent)) inner.push(row.detail);
    else if (!isList && STORED_LOOP.test(row.detail)) tableLoopSeen.add(row.parent);
  }
  return inner;
}

/**
 * The statements a trigger runs on every write it fires on: its WHEN condition and each statement
 * of its body, as standalone SQL that EXPLAIN can plan (`NEW.x` and `OLD.x` become parameters;
 * `RAISE(…)`, which only a trigger may call, becomes NULL).
 */
export function triggerStatements(triggerSql: string): string[] {
  const standalone = (text: string) =>
    text
      .replaceAll(/\b(?:NEW|OLD)\.\w+/gi, '?')
      .replaceAll(/RAISE\s*\([^)]*\)/gi, 'NULL')
      .trim();
  const begin = /\bBEGIN\b/i.exec(triggerSql);
  if (!begin) throw new Error(`a trigger without BEGIN: ${triggerSql}`);
  const condition = /\bWHEN\b([\s\S]*)$/i.exec(triggerSql.slice(0, begin.index))?.[1];
  const body = /^([\s\S]*)\bEND\b\s*;?\s*$/i.exec(triggerSql.slice(begin.index + begin[0].length))?.[1] ?? '';
  return [
    ...(condition ? [`SELECT ${standalone(condition)}`] : []),
    ...body
      .split(';')
      .map(standalone)
      .filter((statement) => statement !== ''),
  ];
}
