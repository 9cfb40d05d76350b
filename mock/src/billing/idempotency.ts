import { canonicalJson } from '@billing/engine';
import { ApiError } from '../../../edge/src/lib/problem';
import type { Call } from '../operation';

/** How long a request waits for a concurrent one with the same key (the edge's IN_PROGRESS_WAIT_MS). */
const IN_PROGRESS_WAIT_MS = 8_000;

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * The edge's idempotent POST (edge/PAYMENTS.md): the first request with a key runs and its answer
 * is kept; the same request again replays it; another request with the key is a 409; a copy that
 * arrives while the first runs waits for it; a refused request keeps nothing, so its key may be reused.
 */
export async function idempotent<T>(
  call: Call<unknown>,
  request: { key: string; body: unknown },
  work: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentAnswer<T>> {
  const records = call.data.idempotency;
  const requestHash = canonicalJson({
    method: call.request.method,
    path: new URL(call.request.url).pathname,
    body: request.body ?? null,
  });
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
  for (;;) {
    const record = records.get(request.key);
    if (!record) {
      let finish: () => void = () => {};
      const running = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const reservation = {
        requestHash,
        response: null as { status: number; body: unknown } | null,
        running,
      };
      records.set(request.key, reservation);
      try {
        const result = await work();
        reservation.response = result;
        return { ...result, replayed: false };
      } catch (error) {
        records.delete(request.key);
        throw error;
      } finally {
        reservation.running = null as unknown as Promise<void>;
        finish();
      }
    }
    if (record.requestHash !== requestHash) throw keyReuse(request.key);
    if (record.response)
      return { status: record.response.status, body: record.response.body as T, replayed: true };
    const left = deadline - Date.now();
    if (left <= 0 || !record.running) throw inProgress(request.key);
    await Promise.race([record.running, new Promise((resolve) => setTimeout(resolve, left))]);
  }
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
