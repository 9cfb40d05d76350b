import { canonicalJson } from '@billing/engine';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env';
import { IN_PROGRESS } from '../storage/ports/idempotency';
import { sha256Hex } from './hash';
import { ApiError } from './problem';

/**
 * Idempotent POSTs (an `Idempotency-Key` header, as payment APIs have them):
 *
 * - the first request with a key reserves it (a row in progress, inserted atomically), runs, and
 *   stores its response with the key;
 * - the same key with the same request (SHA-256 of the canonical JSON of method, path and body)
 *   answers the stored response again, same status and body, with `Idempotent-Replayed: true`;
 * - the same key with a different request is refused: 409 `/problems/idempotency-key-reuse`;
 * - a request that arrives while the first is still running waits for it (up to
 *   `IN_PROGRESS_WAIT_MS`) and then replays its response, so N concurrent copies of one request do
 *   the work once and all get its answer; if the first is still running after that, 409
 *   `/problems/idempotency-in-progress` with `Retry-After`;
 * - a request that fails (any problem response) stores nothing: the key is released, and the
 *   client may retry with it, corrected or not; a copy that was waiting on it then runs itself.
 *
 * Keys are scoped to the tenant. A completed record is kept: its key never serves another request.
 * A reservation whose request died mid-way (the isolate was killed) stays in progress, since its
 * outcome is unknown: retries with that key answer 409 in progress, and the client reads what
 * happened (e.g. the statement's payments) before it tries again with a new key.
 */

/** Request headers of an idempotent operation (Hono hands headers to validators lower-cased). */
export const IdempotencyKeyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'the Idempotency-Key header is required' })
    .regex(/^[!-~]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .openapi({
      description:
        'Required. A client-chosen key (e.g. a UUID) naming this request: a retry with the same key and the ' +
        'same body answers the first response again (header `Idempotent-Replayed: true`); the same key with ' +
        'a different body is a 409 `/problems/idempotency-key-reuse`.',
      example: '0b9a3d70-5c1e-4a8e-9b0f-2f7f3c1e6a11',
    }),
});

/** The response header a replayed answer carries. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Documents the replay header on a response of an idempotent operation. */
export const ReplayHeaders = z.object({
  [REPLAYED_HEADER]: z.literal('true').optional().openapi({
    description: 'Present when this is the stored answer of an earlier request with the same key',
  }),
});

/** How long a request waits for a concurrent one with the same key before answering 409. */
export const IN_PROGRESS_WAIT_MS = 8_000;
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 400;

export interface IdempotentResult<T, S extends ContentfulStatusCode> {
  status: S;
  body: T;
}

/**
 * Runs `work` once per (tenant, key): see the module comment. `operation` names the operation in the
 * stored record; `body` is the validated request body (null for an operation without one).
 */
export async function idempotent<T extends object, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  request: { key: string; operation: string; body: unknown },
  work: () => Promise<IdempotentResult<T, S>>,
) {
  const storage = c.get('storage');
  const tenantId = c.get('principal').tenantId;
  const requestHash = await sha256Hex(
    canonicalJson({ method: c.req.method, path: c.req.path, body: request.body ?? null }),
  );
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
  let pause = FIRST_POLL_MS;
  for (;;) {
    const reserved = await storage.reserveIdempotencyKey({
      tenantId,
      key: request.key,
      operation: request.operation,
      requestHash,
      createdAt: c.get('deps').clock().toISOString(),
    });
    if (reserved) {
      const result = await runReserved(c, request.key, work);
      return c.json(result.body, result.status);
    }
    const record = await storage.getIdempotencyRecord(tenantId, request.key);
    // Null: the request holding the key failed and released it meanwhile; try to take it again.
    if (record !== null) {
      if (record.requestHash !== requestHash) throw keyReuse(request.key);
      if (record.responseStatus !== IN_PROGRESS) {
        // Only successful responses are stored (`runReserved`), so the status is one `work` answers.
        return c.json(JSON.parse(record.responseBody) as T, record.responseStatus as S, {
          [REPLAYED_HEADER]: 'true',
        });
      }
    }
    if (Date.now() + pause > deadline) throw inProgress(request.key);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, MAX_POLL_MS);
  }
}

/** Runs the work of the request holding the key; stores its answer, or releases the key if it failed. */
async function runReserved<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  key: string,
  work: () => Promise<IdempotentResult<T, S>>,
): Promise<IdempotentResult<T, S>> {
  const tenantId = c.get('principal').tenantId;
  let result: IdempotentResult<T, S>;
  try {
    result = await work();
  } catch (error) {
    await c.get('storage').releaseIdempotencyKey(tenantId, key);
    throw error;
  }
  await c.get('storage').completeIdempotencyRecord(tenantId, key, {
    status: result.status,
    body: JSON.stringify(result.body),
  });
  return result;
}

function keyReuse(key: string): ApiError {
  return new ApiError(
    409,
    'idempotency-key-reuse',
    'Idempotency key reused',
    `the Idempotency-Key ${key} was already used with a different request; use a new key for a new request`,
    {
      errors: [
        { field: 'Idempotency-Key', rule: 'same-request', message: 'was used with a different request' },
      ],
    },
  );
}

function inProgress(key: string): ApiError {
  return new ApiError(
    409,
    'idempotency-in-progress',
    'Idempotent request in progress',
    `an earlier request with the Idempotency-Key ${key} is still running; retry after Retry-After seconds`,
    { headers: { 'Retry-After': '1' } },
  );
}
