/**
 * Idempotency records (owner: edge/src/http/idempotency.ts): one per (tenant, Idempotency-Key), first
 * reserved while its request runs, then completed with the response that replays answer.
 */

/** The response status of a reservation whose request is still running. */
export const IN_PROGRESS = 0;

export interface IdempotencyRecord {
  tenantId: string;
  key: string;
  operation: string;
  /** SHA-256 of the canonical JSON of the request's method, path and body. */
  requestHash: string;
  /** `IN_PROGRESS` (0) until the request completes. */
  responseStatus: number;
  /** The response body as JSON text; empty while in progress. */
  responseBody: string;
  createdAt: string;
}

export type IdempotencyReservation = Pick<
  IdempotencyRecord,
  'tenantId' | 'key' | 'operation' | 'requestHash' | 'createdAt'
>;

export interface IdempotencyStore {
  /**
   * Takes the key for one request, atomically: true when this call reserved it, false when a record
   * (in progress or complete) already holds it.
   */
  reserveIdempotencyKey(reservation: IdempotencyReservation): Promise<boolean>;
  getIdempotencyRecord(tenantId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Stores the response of the request that holds the reservation. */
  completeIdempotencyRecord(
    tenantId: string,
    key: string,
    response: { status: number; body: string },
  ): Promise<void>;
  /** Drops a reservation still in progress (its request failed and changed nothing). */
  releaseIdempotencyKey(tenantId: string, key: string): Promise<void>;
}
