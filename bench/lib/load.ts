/**
 * One HTTP load run with autocannon on loopback: a warm-up that is thrown away, then a timed run.
 * Loops are bounded by time, every target is 127.0.0.1, and a run with any error or non-2xx
 * answer is reported as failed rather than counted.
 */
import autocannon from 'autocannon';

export interface LoadScenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A fixed body, or a new one for every request (e.g. new event ids, so ingestion is real). */
  body?: string | (() => string);
  /** Checks each 2xx answer's body and returns the items it accepted (e.g. counts.accepted). */
  acceptedItems?: (body: string) => number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmUpSeconds: number;
}

export interface LoadResult {
  name: string;
  method: string;
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Accepted items per second (ingestion), when the scenario counts items. */
  itemsPerSecond: number | null;
  non2xx: number;
  errors: number;
}

export const DEFAULT_LOAD: LoadOptions = { connections: 10, durationSeconds: 5, warmUpSeconds: 1 };

export async function runLoad(
  baseUrl: string,
  scenario: LoadScenario,
  options: LoadOptions = DEFAULT_LOAD,
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseUrl)) {
    throw new Error(`load runs target loopback only, not ${baseUrl}`);
  }
  if (options.warmUpSeconds > 0) await once(baseUrl, scenario, options.connections, options.warmUpSeconds);
  let accepted = 0;
  const result = await once(baseUrl, scenario, options.connections, options.durationSeconds, (body) => {
    accepted += scenario.acceptedItems?.(body) ?? 0;
  });
  const ok = result['2xx'];
  return {
    name: scenario.name,
    method: scenario.method,
    path: scenario.path,
    connections: options.connections,
    durationSeconds: result.duration,
    requests: ok,
    requestsPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    itemsPerSecond: scenario.acceptedItems ? accepted / result.duration : null,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function once(
  baseUrl: string,
  scenario: LoadScenario,
  connections: number,
  durationSeconds: number,
  onOkBody?: (body: string) => void,
): Promise<autocannon.Result> {
  const { body } = scenario;
  const request: autocannon.Request = {
    method: scenario.method,
    path: scenario.path,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...scenario.headers },
    ...(typeof body === 'string' ? { body } : {}),
    ...(typeof body === 'function'
      ? {
          setupRequest: (next: autocannon.Request) => {
            next.body = body();
            return next;
          },
        }
      : {}),
    ...(onOkBody && scenario.acceptedItems
      ? {
          onResponse: (status: number, responseBody: string) => {
            if (status >= 200 && status < 300) onOkBody(responseBody);
          },
        }
      : {}),
  };
  return autocannon({
    url: baseUrl,
    connections,
    duration: durationSeconds,
    requests: [request],
    timeout: 30,
  });
}
