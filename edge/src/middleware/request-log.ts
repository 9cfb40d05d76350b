import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { RouteName } from '../observability/routes';

/**
 * What is known of a request once it is answered. Only these fields, by construction: no header,
 * no query, no body, so no API key or secret can reach a log line or a metric label.
 */
export interface RequestRecord extends RouteName {
  requestId: string;
  /** The authenticated caller's tenant; null before authentication or without it. */
  tenantId: string | null;
  method: string;
  status: number;
  durationMs: number;
}

export type RequestObserver = (request: RequestRecord) => void;

/** Hands every answered request's record to the observers (the log line, the Node host's metrics). */
export function observeRequests(
  observers: readonly RequestObserver[],
  nameRoute: (c: Context<AppEnv>) => RouteName,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const record: RequestRecord = {
      requestId: c.get('requestId'),
      tenantId: c.get('principal')?.tenantId ?? null,
      ...nameRoute(c),
      method: c.req.method,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    for (const observe of observers) observe(record);
  };
}

/**
 * One JSON line per request through `write` (console.log: Workers Logs on Cloudflare, stdout on
 * Node), at level `info`, or `error` for a 5xx.
 */
export function writeRequestLines(write: (line: string) => void): RequestObserver {
  return (request) =>
    write(
      JSON.stringify({ level: request.status >= 500 ? 'error' : 'info', message: 'request', ...request }),
    );
}

/**
 * Whether a host's log level (EDGE_LOG_LEVEL, in wrangler's `--log-level` order: none, error, warn,
 * info, log, debug) shows the request lines, which are console.log's: at `log` and `debug`, and by
 * default, as wrangler shows a Worker's console.log only there.
 */
export function showsRequestLines(logLevel: string | undefined): boolean {
  return !['none', 'error', 'warn', 'info'].includes(logLevel ?? 'log');
}
