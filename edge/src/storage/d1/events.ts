import type { EventRecord, EventStore, EventType, NewEvent } from '../ports/events';

interface EventRow {
  id: string;
  tenant_id: string;
  type: string;
  object_id: string;
  created_at: string;
  data_json: string;
}

export const EVENT_COLUMNS = 'id, tenant_id, type, object_id, created_at, data_json';

export const toEvent = (row: EventRow): EventRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  type: row.type as EventType,
  objectId: row.object_id,
  createdAt: row.created_at,
  data: JSON.parse(row.data_json) as EventRecord['data'],
});

const INSERT_EVENT = `INSERT INTO events (id, tenant_id, type, object_id, created_at, data_json, dedupe_key)`;

const eventValues = (event: NewEvent) => [
  event.id,
  event.tenantId,
  event.type,
  event.objectId,
  event.createdAt,
  JSON.stringify(event.data),
  event.dedupeKey,
];

/**
 * The outbox write of an event, for the batch of the state change it reports: it commits exactly
 * when the change does. Its insert trigger queues a delivery to every endpoint that wants it.
 */
export function eventInsert(
  db: D1Database,
  event: NewEvent,
  options: { numberOf?: { table: 'statements' | 'credit_notes'; id: string } } = {},
): D1PreparedStatement {
  if (options.numberOf === undefined) {
    return db.prepare(`${INSERT_EVENT} VALUES (?, ?, ?, ?, ?, ?, ?)`).bind(...eventValues(event));
  }
  // A document's number is given in the batch itself: its event reads it from the row just written.
  const [id, tenantId, type, objectId, createdAt, data, dedupeKey] = eventValues(event);
  return db
    .prepare(
      `${INSERT_EVENT} VALUES (?, ?, ?, ?, ?,
         json_set(?, '$.object.number', (SELECT number FROM ${options.numberOf.table} WHERE tenant_id = ? AND id = ?)), ?)`,
    )
    .bind(id, tenantId, type, objectId, createdAt, data, tenantId, options.numberOf.id, dedupeKey);
}

/**
 * The event of a compare-and-set, right after it in the batch: written only when that write changed
 * a row (`changes()` counts the statement's own rows, never its triggers'), so the request that lost
 * the race reports nothing.
 */
export function eventInsertIfChanged(db: D1Database, event: NewEvent): D1PreparedStatement {
  return db
    .prepare(`${INSERT_EVENT} SELECT ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`)
    .bind(...eventValues(event));
}

export function d1EventStore(db: D1Database): EventStore {
  return {
    async recordEvents(events) {
      if (events.length === 0) return [];
      const results = await db.batch(
        events.map((event) =>
          db
            .prepare(
              `${INSERT_EVENT} VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, dedupe_key) DO NOTHING`,
            )
            .bind(...eventValues(event)),
        ),
      );
      return events.filter((_, index) => (results[index]?.meta.changes ?? 0) > 0);
    },
    async getEvent(tenantId, eventId) {
      const row = await db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE tenant_id = ? AND id = ?`)
        .bind(tenantId, eventId)
        .first<EventRow>();
      return row && toEvent(row);
    },
    async listEvents(tenantId, filter, page) {
      const { results } = await db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events
           WHERE tenant_id = ? AND (? IS NULL OR type = ?) AND (? IS NULL OR object_id = ?)
             AND seq < COALESCE((SELECT seq FROM events WHERE tenant_id = ? AND id = ?), 9223372036854775807)
           ORDER BY seq DESC LIMIT ?`,
        )
        .bind(
          tenantId,
          filter.type,
          filter.type,
          filter.objectId,
          filter.objectId,
          tenantId,
          page.after ?? '',
          page.limit + 1,
        )
        .all<EventRow>();
      const items = results.slice(0, page.limit).map(toEvent);
      return { items, nextCursor: results.length > page.limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}
