import type { EventType } from '../ports/events';
import type {
  LeasedDelivery,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
  WebhookStore,
} from '../ports/webhooks';
import { EVENT_COLUMNS, toEvent } from './events';
import { afterParams, pageOf } from './paging';

interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  description: string | null;
  event_types: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

interface DeliveryRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  created_at: string;
  updated_at: string;
}

interface AttemptRow {
  id: string;
  endpoint_id: string;
  delivery_id: string;
  event_id: string;
  attempted_at: string;
  duration_ms: number;
  status_code: number | null;
  response_excerpt: string | null;
  error: string | null;
  outcome: string;
}

const ENDPOINT_COLUMNS = 'id, tenant_id, url, description, event_types, enabled, created_at, updated_at';
const DELIVERY_COLUMNS = `d.id, d.tenant_id, d.endpoint_id, d.event_id, ev.type AS event_type, d.state, d.attempts,
  d.next_attempt_at, d.last_status, d.created_at, d.updated_at`;
const FROM_DELIVERIES = 'FROM webhook_deliveries d JOIN events ev ON ev.id = d.event_id';
const ATTEMPT_COLUMNS =
  'id, endpoint_id, delivery_id, event_id, attempted_at, duration_ms, status_code, response_excerpt, error, outcome';

const toEndpoint = (row: EndpointRow): WebhookEndpointRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types.split(',') as WebhookEndpointRecord['eventTypes'],
  enabled: row.enabled === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDelivery = (row: DeliveryRow): WebhookDeliveryRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type as EventType,
  state: row.state as WebhookDeliveryRecord['state'],
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toAttempt = (row: AttemptRow): WebhookAttemptRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  deliveryId: row.delivery_id,
  eventId: row.event_id,
  attemptedAt: row.attempted_at,
  durationMs: row.duration_ms,
  statusCode: row.status_code,
  responseExcerpt: row.response_excerpt,
  error: row.error,
  outcome: row.outcome as WebhookAttemptRecord['outcome'],
});

export function d1WebhookStore(db: D1Database): WebhookStore {
  const selectEndpoint = (tenantId: string, endpointId: string) =>
    db
      .prepare(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = ? AND id = ?`)
      .bind(tenantId, endpointId)
      .first<EndpointRow>();
  const selectDelivery = (tenantId: string, deliveryId: string) =>
    db
      .prepare(`SELECT ${DELIVERY_COLUMNS} ${FROM_DELIVERIES} WHERE d.tenant_id = ? AND d.id = ?`)
      .bind(tenantId, deliveryId)
      .first<DeliveryRow>();

  return {
    async createWebhookEndpoint(endpoint) {
      await db
        .prepare(
          `INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, enabled, secret, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          endpoint.id,
          endpoint.tenantId,
          endpoint.url,
          endpoint.description,
          endpoint.eventTypes.join(','),
          endpoint.enabled ? 1 : 0,
          endpoint.secret,
          endpoint.createdAt,
          endpoint.updatedAt,
        )
        .run();
    },
    async getWebhookEndpoint(tenantId, endpointId) {
      const row = await selectEndpoint(tenantId, endpointId);
      return row && toEndpoint(row);
    },
    async listWebhookEndpoints(tenantId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .bind(tenantId, ...afterParams(page))
        .all<EndpointRow>();
      return pageOf(results.map(toEndpoint), page);
    },
    async updateWebhookEndpoint(tenantId, endpointId, change) {
      const row = await db
        .prepare(
          `UPDATE webhook_endpoints SET url = COALESCE(?, url),
             description = CASE WHEN ? THEN ? ELSE description END,
             event_types = COALESCE(?, event_types), enabled = COALESCE(?, enabled), updated_at = ?
           WHERE tenant_id = ? AND id = ?
           RETURNING ${ENDPOINT_COLUMNS}`,
        )
        .bind(
          change.url ?? null,
          change.description !== undefined ? 1 : 0,
          change.description ?? null,
          change.eventTypes?.join(',') ?? null,
          change.enabled === undefined ? null : change.enabled ? 1 : 0,
          change.updatedAt,
          tenantId,
          endpointId,
        )
        .first<EndpointRow>();
      return row && toEndpoint(row);
    },
    async rotateWebhookSecret(tenantId, endpointId, secret, at) {
      const row = await db
        .prepare(
          'UPDATE webhook_endpoints SET secret = ?, updated_at = ? WHERE tenant_id = ? AND id = ? RETURNING id',
        )
        .bind(secret, at, tenantId, endpointId)
        .first<{ id: string }>();
      return row !== null;
    },
    async deleteWebhookEndpoint(tenantId, endpointId) {
      const row = await db
        .prepare('DELETE FROM webhook_endpoints WHERE tenant_id = ? AND id = ? RETURNING id')
        .bind(tenantId, endpointId)
        .first<{ id: string }>();
      return row !== null;
    },
    async listWebhookDeliveries(tenantId, endpointId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${DELIVERY_COLUMNS} ${FROM_DELIVERIES}
           WHERE d.tenant_id = ? AND d.endpoint_id = ?
             AND d.event_seq < COALESCE((SELECT event_seq FROM webhook_deliveries WHERE tenant_id = ? AND id = ?), 9223372036854775807)
           ORDER BY d.event_seq DESC LIMIT ?`,
        )
        .bind(tenantId, endpointId, tenantId, page.after ?? '', page.limit + 1)
        .all<DeliveryRow>();
      const items = results.slice(0, page.limit).map(toDelivery);
      return { items, nextCursor: results.length > page.limit ? (items.at(-1)?.id ?? null) : null };
    },
    async listWebhookAttempts(tenantId, endpointId, deliveryId, page) {
      const { results } = await db
        .prepare(
          `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts
           WHERE tenant_id = ? AND endpoint_id = ? AND (? IS NULL OR delivery_id = ?)
             AND seq < COALESCE((SELECT seq FROM webhook_attempts WHERE tenant_id = ? AND id = ?), 9223372036854775807)
           ORDER BY seq DESC LIMIT ?`,
        )
        .bind(tenantId, endpointId, deliveryId, deliveryId, tenantId, page.after ?? '', page.limit + 1)
        .all<AttemptRow>();
      const items = results.slice(0, page.limit).map(toAttempt);
      return { items, nextCursor: results.length > page.limit ? (items.at(-1)?.id ?? null) : null };
    },
    async leaseDueDeliveries({ tenantId, now, leaseUntil, limit }) {
      // Take the lease in one statement: a dispatcher racing this one finds the rows leased already.
      const { results: leased } = await db
        .prepare(
          `UPDATE webhook_deliveries SET lease_until = ?
           WHERE id IN (
             SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
             WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND (? IS NULL OR d.tenant_id = ?)
               AND e.enabled = 1
               AND (d.lease_until IS NULL OR d.lease_until <= ?)
               AND NOT EXISTS (
                 SELECT 1 FROM webhook_deliveries earlier
                 WHERE earlier.endpoint_id = d.endpoint_id AND earlier.object_id = d.object_id
                   AND earlier.state = 'PENDING' AND earlier.event_seq < d.event_seq)
             ORDER BY d.next_attempt_at LIMIT ?)
           RETURNING id`,
        )
        .bind(leaseUntil, now, tenantId, tenantId, now, limit)
        .all<{ id: string }>();
      if (leased.length === 0) return [];
      const ids = leased.map((row) => row.id);
      const { results } = await db
        .prepare(
          `SELECT ${DELIVERY_COLUMNS}, d.window_start, e.url, e.secret, ${EVENT_COLUMNS.split(', ')
            .map((column) => `ev.${column} AS event_${column}`)
            .join(', ')}
           ${FROM_DELIVERIES} JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.id IN (${ids.map(() => '?').join(', ')}) ORDER BY d.event_seq`,
        )
        .bind(...ids)
        .all<
          DeliveryRow & { window_start: string; url: string; secret: string } & Record<
              `event_${string}`,
              string
            >
        >();
      return results.map(
        (row): LeasedDelivery => ({
          ...toDelivery(row),
          url: row.url,
          secret: row.secret,
          windowStart: row.window_start,
          leaseUntil,
          event: toEvent({
            id: row.event_id,
            tenant_id: row.event_tenant_id as string,
            type: row.event_type,
            object_id: row.event_object_id as string,
            created_at: row.event_created_at as string,
            data_json: row.event_data_json as string,
          }),
        }),
      );
    },
    async recordWebhookAttempt({ tenantId, attempt, state, nextAttemptAt, leaseUntil }) {
      await db.batch([
        db
          .prepare(
            // Nothing to log when the endpoint (and with it the delivery) was deleted during the send.
            `INSERT INTO webhook_attempts (id, tenant_id, endpoint_id, delivery_id, event_id, attempted_at, duration_ms,
               status_code, response_excerpt, error, outcome)
             SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ?4 AND lease_until = ?12)`,
          )
          .bind(
            attempt.id,
            tenantId,
            attempt.endpointId,
            attempt.deliveryId,
            attempt.eventId,
            attempt.attemptedAt,
            attempt.durationMs,
            attempt.statusCode,
            attempt.responseExcerpt,
            attempt.error,
            attempt.outcome,
            leaseUntil,
          ),
        db
          .prepare(
            `UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL,
               last_status = ?, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND lease_until = ?`,
          )
          .bind(
            state,
            nextAttemptAt,
            attempt.statusCode,
            attempt.attemptedAt,
            tenantId,
            attempt.deliveryId,
            leaseUntil,
          ),
      ]);
    },
    async nextDeliveryDue(tenantId) {
      const row = await db
        .prepare(
          `SELECT MIN(MAX(d.next_attempt_at, COALESCE(d.lease_until, ''))) AS due
           FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.state = 'PENDING' AND (? IS NULL OR d.tenant_id = ?) AND e.enabled = 1
             AND NOT EXISTS (
               SELECT 1 FROM webhook_deliveries earlier
               WHERE earlier.endpoint_id = d.endpoint_id AND earlier.object_id = d.object_id
                 AND earlier.state = 'PENDING' AND earlier.event_seq < d.event_seq)`,
        )
        .bind(tenantId, tenantId)
        .first<{ due: string | null }>();
      return row?.due ?? null;
    },
    async tenantsWithDueDeliveries(now) {
      const { results } = await db
        .prepare(
          `SELECT DISTINCT d.tenant_id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
             AND e.enabled = 1`,
        )
        .bind(now, now)
        .all<{ tenant_id: string }>();
      return results.map((row) => row.tenant_id);
    },
    async redeliver(tenantId, endpointId, eventId, now, newId) {
      const [endpoint, event] = await Promise.all([
        selectEndpoint(tenantId, endpointId),
        db
          .prepare('SELECT seq, object_id FROM events WHERE tenant_id = ? AND id = ?')
          .bind(tenantId, eventId)
          .first<{
            seq: number;
            object_id: string;
          }>(),
      ]);
      if (!endpoint || !event) return null;
      const row = await db
        .prepare(
          `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_seq, object_id, state, attempts,
             next_attempt_at, window_start, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)
           ON CONFLICT (endpoint_id, event_id) DO UPDATE SET state = 'PENDING', attempts = 0, lease_until = NULL,
             next_attempt_at = excluded.next_attempt_at, window_start = excluded.window_start,
             updated_at = excluded.updated_at
           RETURNING id`,
        )
        .bind(newId, tenantId, endpointId, eventId, event.seq, event.object_id, now, now, now, now)
        .first<{ id: string }>();
      const delivery = row && (await selectDelivery(tenantId, row.id));
      return delivery ? toDelivery(delivery) : null;
    },
  };
}
