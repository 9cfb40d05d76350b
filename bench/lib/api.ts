/** A minimal client of the billing API for setting up benchmark data; any unexpected status throws. */
export class BenchApi {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
  ) {}

  get headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.key}`, 'Content-Type': 'application/json' };
  }

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201, 202]): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return (text ? JSON.parse(text) : null) as T;
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  /** Another API key of this tenant: each load run gets its own, so no run eats another's rate limit. */
  async newKey(name: string, rateLimitPerMinute = MAX_RATE_LIMIT): Promise<BenchApi> {
    const created = await this.post<{ key: string }>('/v1/api-keys', { name, rateLimitPerMinute });
    return new BenchApi(this.baseUrl, created.key);
  }
}

/** The highest per-key limit the API grants; a benchmark key asks for it. */
export const MAX_RATE_LIMIT = 100_000;

/** A new tenant whose first key has the highest rate limit. */
export async function createBenchTenant(baseUrl: string, adminKey: string, name: string): Promise<BenchApi> {
  const admin = new BenchApi(baseUrl, adminKey);
  const created = await admin.post<{ apiKey: { key: string } }>('/v1/tenants', {
    name,
    apiKey: { name: 'bench', rateLimitPerMinute: MAX_RATE_LIMIT },
  });
  return new BenchApi(baseUrl, created.apiKey.key);
}

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
