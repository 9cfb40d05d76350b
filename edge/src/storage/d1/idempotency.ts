import { type IdempotencyRecord, type IdempotencyStore, IN_PROGRESS } from '../ports/idempotency';

interface IdempotencyRow {
  tenant_id: string;
  idempotency_key: string;
  operation: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: string;
}

const toRecord = (row: IdempotencyRow): IdempotencyRecord => ({
  tenantId: row.tenant_id,
  key: row.idempotency_key,
  operation: row.operation,
  requestHash: row.request_hash,
  responseStatus: row.response_status,
  responseBody: row.response_body,
  createdAt: row.created_at,
});

export function d1IdempotencyStore(db: D1Database): IdempotencyStore {
  return {
    async reserveIdempotencyKey(reservation) {
      // The primary key (tenant_id, idempotency_key) lets exactly one concurrent insert through.
      const result = await db
        .prepare(
          `INSERT INTO idempotency_records
             (tenant_id, idempotency_key, operation, request_hash, response_status, response_body, created_at)
           VALUES (?, ?, ?, ?, ?, '', ?)
           ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
        )
        .bind(
          reservation.tenantId,
          reservation.key,
          reservation.operation,
          reservation.requestHash,
          IN_PROGRESS,
          reservation.createdAt,
        )
        .run();
      return result.meta.changes === 1;
    },
    async getIdempotencyRecord(tenantId, key) {
      const row = await db
        .prepare(
          `SELECT tenant_id, idempotency_key, operation, request_hash, response_status, response_body, created_at
           FROM idempotency_records WHERE tenant_id = ? AND idempotency_key = ?`,
        )
        .bind(tenantId, key)
        .first<IdempotencyRow>();
      return row && toRecord(row);
    },
    async completeIdempotencyRecord(tenantId, key, response) {
      await db
        .prepare(
          `UPDATE idempotency_records SET response_status = ?, response_body = ?
           WHERE tenant_id = ? AND idempotency_key = ? AND response_status = ?`,
        )
        .bind(response.status, response.body, tenantId, key, IN_PROGRESS)
        .run();
    },
    async releaseIdempotencyKey(tenantId, key) {
      await db
        .prepare(
          'DELETE FROM idempotency_records WHERE tenant_id = ? AND idempotency_key = ? AND response_status = ?',
        )
        .bind(tenantId, key, IN_PROGRESS)
        .run();
    },
  };
}
