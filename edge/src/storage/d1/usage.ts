import {
  type CounterType,
  monthOfMillis,
  type UsageEvent,
  type UsageSeriesShape,
  usageEventFingerprint,
  usageSeriesKey,
} from '@billing/engine';
import type { StoredUsageEvent, UsageStore } from '../ports/usage';

interface UsageEventRow {
  seq: number;
  billing_group_id: string;
  event_id: string;
  project_id: string;
  counter_name: string;
  counter_type: string;
  unit: string;
  volume: string;
  timestamp: string;
  month: string;
  resource_id: string | null;
  resource_name: string | null;
}

const EVENT_COLUMN_NAMES = [
  'seq',
  'billing_group_id',
  'event_id',
  'project_id',
  'counter_name',
  'counter_type',
  'unit',
  'volume',
  'timestamp',
  'month',
  'resource_id',
  'resource_name',
];
const EVENT_COLUMNS = EVENT_COLUMN_NAMES.join(', ');
const EVENT_COLUMNS_OF_E = EVENT_COLUMN_NAMES.map((name) => `e.${name}`).join(', ');

/** The columns of a batch insert, in the order of each event's JSON row array (see insertUsageEvents). */
const INSERTED_COLUMNS = [
  'event_id',
  'project_id',
  'counter_name',
  'counter_type',
  'unit',
  'volume',
  'timestamp',
  'month',
  'resource_id',
  'resource_name',
  'fingerprint',
] as const;

const toEvent = (row: UsageEventRow): StoredUsageEvent => ({
  seq: row.seq,
  eventId: row.event_id,
  billingGroupId: row.billing_group_id,
  projectId: row.project_id,
  counterName: row.counter_name,
  counterType: row.counter_type as CounterType,
  unit: row.unit,
  volume: row.volume,
  timestamp: row.timestamp,
  resourceId: row.resource_id,
  resourceName: row.resource_name,
});

/** The engine's event, without the store's arrival position. */
const withoutSeq = ({ seq: _seq, ...event }: StoredUsageEvent): UsageEvent => event;

export function d1UsageStore(db: D1Database): UsageStore {
  return {
    async findUsageEvents(tenantId, billingGroupId, eventIds) {
      if (eventIds.length === 0) return new Map();
      // The ids travel as one JSON parameter: a batch of 1000 stays one query under D1's bound-parameter limit.
      // `+tenant_id` keeps SQLite off usage_events_by_month, which would scan every event of the group:
      // the unique (billing_group_id, event_id) index finds each id directly, however large the group.
      const { results } = await db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM usage_events
           WHERE +tenant_id = ? AND billing_group_id = ? AND event_id IN (SELECT value FROM json_each(?))`,
        )
        .bind(tenantId, billingGroupId, JSON.stringify(eventIds))
        .all<UsageEventRow>();
      return new Map(results.map((row) => [row.event_id, withoutSeq(toEvent(row))]));
    },
    async findUsageSeries(tenantId, billingGroupId, series) {
      if (series.length === 0) return new Map();
      // Each series found through usage_series' primary key; `resource_key` is how migration 0016
      // writes a resource id (json_array), so NULL and every id compare as text. CROSS JOIN keeps the
      // wanted list the outer loop: SQLite otherwise reads the group's series by their prefix and the
      // whole list again for each, a cost of the group's series times the batch's
      // (tests/unit/storage/query-plans.spec.ts fails on that plan).
      const { results } = await db
        .prepare(
          `SELECT s.project_id, s.counter_name, s.resource_key ->> 0 AS resource_id, s.counter_type, s.unit
           FROM json_each(?) AS wanted
           CROSS JOIN usage_series AS s
             ON s.billing_group_id = ? AND s.project_id = wanted.value ->> 0
            AND s.counter_name = wanted.value ->> 1 AND s.resource_key = json_array(wanted.value ->> 2)
           WHERE s.tenant_id = ?`,
        )
        .bind(
          JSON.stringify(series.map((key) => [key.projectId, key.counterName, key.resourceId ?? null])),
          billingGroupId,
          tenantId,
        )
        .all<{
          project_id: string;
          counter_name: string;
          resource_id: string | null;
          counter_type: string;
          unit: string;
        }>();
      return new Map(
        results.map((row): [string, UsageSeriesShape] => [
          usageSeriesKey({
            billingGroupId,
            projectId: row.project_id,
            counterName: row.counter_name,
            resourceId: row.resource_id,
          }),
          { counterType: row.counter_type as CounterType, unit: row.unit },
        ]),
      );
    },
    async latestClosedMonth(tenantId, billingGroupId) {
      const row = await db
        .prepare(
          `SELECT MAX(month) AS month FROM statements
           WHERE tenant_id = ? AND billing_group_id = ? AND voided_at IS NULL`,
        )
        .bind(tenantId, billingGroupId)
        .first<{ month: string | null }>();
      return row?.month ?? null;
    },
    async insertUsageEvents(tenantId, billingGroupId, events) {
      if (events.length === 0) return new Set();
      const rows = events.map((event) => [
        event.eventId,
        event.projectId,
        event.counterName,
        event.counterType,
        event.unit,
        event.volume,
        event.timestamp,
        monthOfMillis(Date.parse(event.timestamp)),
        event.resourceId ?? null,
        event.resourceName ?? null,
        usageEventFingerprint(event),
      ]);
      // One statement for the whole batch; `ORDER BY key` keeps the batch's order in `seq`. An event
      // already stored (a concurrent batch won) or whose month closed meanwhile (it, or a later month:
      // months close in order, so an earlier one can never close again) is skipped, as is one whose
      // series a concurrent batch started in another counter type or unit (migration 0016's trigger),
      // and the caller judges it again from what is stored. Rows travel as arrays in INSERTED_COLUMNS order:
      // `value ->> i` reads a position, a third cheaper than looking up a key in an object.
      const { results } = await db
        .prepare(
          `INSERT INTO usage_events (tenant_id, billing_group_id, ${INSERTED_COLUMNS.join(', ')})
           SELECT ?, ?, ${INSERTED_COLUMNS.map((_, index) => `value ->> ${index}`).join(', ')}
           FROM json_each(?)
           WHERE NOT EXISTS (
             SELECT 1 FROM statements s
             WHERE s.billing_group_id = ? AND s.month >= value ->> ${INSERTED_COLUMNS.indexOf('month')}
               AND s.voided_at IS NULL)
           ORDER BY key
           ON CONFLICT (billing_group_id, event_id) DO NOTHING
           RETURNING event_id`,
        )
        .bind(tenantId, billingGroupId, JSON.stringify(rows), billingGroupId)
        .all<{ event_id: string }>();
      return new Set(results.map((row) => row.event_id));
    },
    async listUsageEvents(tenantId, billingGroupId, month, page) {
      // The cursor is the previous page's last event id, found again within this tenant's group (and
      // month) through the unique (billing_group_id, event_id) index: `seq` never leaves the store,
      // since it counts every tenant's events.
      let afterSeq = 0;
      if (page.afterEventId !== null) {
        const anchor = await db
          .prepare(
            `SELECT seq FROM usage_events
             WHERE +tenant_id = ? AND billing_group_id = ? AND event_id = ? AND (? IS NULL OR month = ?)`,
          )
          .bind(tenantId, billingGroupId, page.afterEventId, month, month)
          .first<{ seq: number }>();
        if (!anchor) return null;
        afterSeq = anchor.seq;
      }
      const { results } = await db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM usage_events
           WHERE tenant_id = ? AND billing_group_id = ? AND (? IS NULL OR month = ?) AND seq > ?
           ORDER BY seq LIMIT ?`,
        )
        .bind(tenantId, billingGroupId, month, month, afterSeq, page.limit + 1)
        .all<UsageEventRow>();
      const items = results.slice(0, page.limit).map(toEvent);
      const last = items.at(-1);
      return { items, nextCursor: results.length > page.limit && last ? last.eventId : null };
    },
    async usageEventsForStatement(tenantId, billingGroupId, month) {
      // The month's events, and every CUMULATIVE reading of each series' latest earlier month with
      // readings: the last reading before the month is among them (months follow the instant). Two
      // branches, each on an index of its own (the month's events; the group's CUMULATIVE readings,
      // migration 0011), so a draft reads its month and the readings it needs, not the group's
      // whole history; the branches cannot overlap, since every start month is before the month.
      // CROSS JOIN is SQLite's way of fixing the join order: the few starts drive the lookups.
      const { results } = await db
        .prepare(
          `WITH starts AS (
             SELECT project_id, counter_name, resource_id, MAX(month) AS month FROM usage_events
             WHERE tenant_id = ? AND billing_group_id = ? AND counter_type = 'CUMULATIVE' AND month < ?
             GROUP BY project_id, counter_name, resource_id
           )
           SELECT ${EVENT_COLUMNS_OF_E} FROM usage_events e
           WHERE e.tenant_id = ? AND e.billing_group_id = ? AND e.month = ?
           UNION ALL
           SELECT ${EVENT_COLUMNS_OF_E} FROM starts s CROSS JOIN usage_events e
             ON e.tenant_id = ? AND e.billing_group_id = ? AND e.counter_type = 'CUMULATIVE'
               AND e.month = s.month AND e.project_id = s.project_id
               AND e.counter_name = s.counter_name AND e.resource_id IS s.resource_id
           ORDER BY seq`,
        )
        .bind(tenantId, billingGroupId, month, tenantId, billingGroupId, month, tenantId, billingGroupId)
        .all<UsageEventRow>();
      return keepLastReadingBefore(results, month).map((row) => withoutSeq(toEvent(row)));
    },
  };
}

/**
 * Of the readings before the month, keeps only each series' last (by instant, then arrival), which
 * is all the aggregation reads of them; the month's events all stay, in arrival order.
 */
function keepLastReadingBefore(rows: UsageEventRow[], month: string): UsageEventRow[] {
  const lastBefore = new Map<string, UsageEventRow>();
  for (const row of rows) {
    if (row.month === month) continue;
    const series = JSON.stringify([row.project_id, row.counter_name, row.resource_id]);
    const current = lastBefore.get(series);
    // Rows come in arrival order, so `>=` lets the later-ingested of two equal instants win.
    if (!current || Date.parse(row.timestamp) >= Date.parse(current.timestamp)) lastBefore.set(series, row);
  }
  const starts = new Set(lastBefore.values());
  return rows.filter((row) => row.month === month || starts.has(row));
}
