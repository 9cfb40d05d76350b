import type { Schemas } from '../../support/api/schemas';

/**
 * A raw HTTP client for the security suite: any method, path, header and body bytes (malformed JSON,
 * wrong content types, 1 MiB bodies), thousands of requests with bounded concurrency, and no
 * per-request test step, so a 5000-case run stays fast and its report readable.
 */

export interface RawRequest {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  headers?: Record<string, string>;
  /** Sent byte for byte; a string is sent as UTF-8. */
  body?: string | Uint8Array;
  /** Streams the body in chunks, without a Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The media type, without parameters (`application/problem+json`). */
  mediaType: string;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface Tally {
  requests: number;
  serverErrors: number;
}

export class RawHttp {
  readonly tally: Tally = { requests: 0, serverErrors: 0 };

  constructor(readonly baseUrl: string) {}

  async send(request: RawRequest): Promise<RawResponse> {
    const response = await fetch(`${this.baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.chunked ? chunks(request.body) : request.body,
      redirect: 'manual',
      // Required by fetch for a streamed request body.
      ...(request.chunked ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await response.text();
    this.tally.requests += 1;
    if (response.status >= 500) this.tally.serverErrors += 1;
    return {
      status: response.status,
      headers: response.headers,
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      text,
      json: parseJson(text),
    };
  }

  /** Sends JSON with a bearer key (null: no Authorization header). */
  json(
    method: string,
    path: string,
    apiKey: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.send({
      method,
      path,
      headers: {
        ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

function chunks(body: RawRequest['body']): ReadableStream<Uint8Array> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : (body ?? new Uint8Array());
  const size = 64 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, keeping the order of the results. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Fires all at once (a race): every request is in flight before any answer is read. */
export function allAtOnce<R>(count: number, work: (index: number) => Promise<R>): Promise<R[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => work(index)));
}

/** A problem+json body as RFC 9457 and the edge define it. */
export type ProblemBody = Schemas['Problem'];

/** Why a response is not a well-formed problem of its status, or null when it is one. */
export function problemDefect(response: RawResponse): string | null {
  if (response.mediaType !== 'application/problem+json') {
    return `content type is "${response.mediaType}", not application/problem+json`;
  }
  const body = response.json as Partial<ProblemBody> | undefined;
  if (!body || typeof body !== 'object') return 'body is not a JSON object';
  if (typeof body.type !== 'string' || !body.type.startsWith('/problems/')) return 'type is not /problems/…';
  if (typeof body.title !== 'string' || body.title === '') return 'title is missing';
  if (body.status !== response.status) return `status ${String(body.status)} differs from ${response.status}`;
  if (typeof body.detail !== 'string') return 'detail is missing';
  return null;
}

/** Why a response is not the legacy API's refusal envelope (DOMAIN §9), or null when it is one. */
export function legacyEnvelopeDefect(response: RawResponse): string | null {
  if (response.mediaType !== 'application/json') return `content type is "${response.mediaType}"`;
  const header = (response.json as { header?: Record<string, unknown> } | undefined)?.header;
  if (!header) return 'no envelope header';
  if (header.isSuccessful !== false || header.resultCode !== -1 || typeof header.resultMessage !== 'string') {
    return `not a refusal header: ${JSON.stringify(header)}`;
  }
  return null;
}
