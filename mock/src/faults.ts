import { ApiError, handleError } from '@billing/edge/app';
import openapi from '@billing/edge/openapi.json' with { type: 'json' };
import { Hono } from 'hono';
import type { HeldAnswers } from './holds';
import { DEFAULT_HOLD_MS, type ScenarioBook, type ScenarioRequest } from './scenarios';

/** Every operation of edge/openapi.json as a matcher of method and path, literal paths first. */
const OPERATIONS = Object.entries(openapi.paths as Record<string, Record<string, { operationId: string }>>)
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      params: path.split('{').length,
      pattern: new RegExp(`^${path.replace(/[.+?^$()[\]\\|]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operationId: operation.operationId,
    })),
  )
  .sort((a, b) => a.params - b.params);

export const OPERATION_IDS: ReadonlySet<string> = new Set(OPERATIONS.map((entry) => entry.operationId));

/** The operationId of a request by its method and path; '' for a route the contract does not name. */
export function operationOf(method: string, pathname: string): string {
  return (
    OPERATIONS.find((entry) => entry.method === method && entry.pattern.test(pathname))?.operationId ?? ''
  );
}

/** The sessions a request belongs to: its `X-Mock-Session` and its API key. */
export function scopesOf(request: Request): string[] {
  const session = request.headers.get('X-Mock-Session');
  const apiKey = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
  return [session, apiKey].filter((scope): scope is string => Boolean(scope));
}

type Bindings = Record<string, unknown>;
type Fetch = (request: Request, bindings: Bindings) => Response | Promise<Response>;
/** Changes what storage holds behind the edge's back, for the request's path (`storage-drift`). */
export type Drift = (path: string, bindings: Bindings) => void;

/**
 * The one middleware the mock adds to the edge: a fault scenario that applies to the request's
 * operation and session is taken, then either answers in the edge's place (500, 503, 429), or delays
 * or holds the edge's answer, or reshapes it (a body cut off mid-JSON, an emptied list), or first
 * changes a stored row behind the edge's back (`storage-drift`), as a faulty write path would.
 */
export function withFaults(edge: Fetch, scenarios: ScenarioBook, held: HeldAnswers, drift: Drift) {
  const app = new Hono<{ Bindings: Bindings; Variables: { requestId: string } }>();
  app.all('*', async (c) => {
    const request = c.req.raw;
    // The usual case, answered without matching the path against every operation of the API.
    if (scenarios.empty) return edge(request, c.env);
    const scopes = scopesOf(request);
    const scenario = scenarios.take(operationOf(request.method, c.req.path), scopes);
    if (!scenario) return edge(request, c.env);
    if (scenario.name === 'storage-drift') drift(c.req.path, c.env);
    const fault = await faultOf(scenario, scopes, held);
    if (fault) {
      c.set('requestId', request.headers.get('X-Request-Id') ?? crypto.randomUUID());
      c.header('X-Request-Id', c.get('requestId'));
      return handleError(fault, c);
    }
    return reshape(scenario, await edge(request, c.env));
  });
  app.onError(handleError);
  return app;
}

/** Waits as the scenario says; the error that answers instead of the edge, or null. */
async function faultOf(scenario: ScenarioRequest, scopes: string[], held: HeldAnswers) {
  const retryAfter = String(scenario.retryAfterSeconds ?? 1);
  switch (scenario.name) {
    case 'latency':
      await sleep(scenario.delayMs ?? 1000);
      return null;
    case 'timeout':
      await (scenario.delayMs === undefined ? new Promise(() => {}) : sleep(scenario.delayMs));
      return null;
    case 'hold':
      await held.wait(scopes, scenario.delayMs ?? DEFAULT_HOLD_MS);
      return null;
    case 'server-error':
      return new ApiError(
        500,
        'internal-error',
        'Internal error',
        'the server failed to answer; quote the request id when reporting it',
      );
    case 'unavailable':
      return new ApiError(
        503,
        'unavailable',
        'Service unavailable',
        'the billing API is unavailable; retry later',
        {
          headers: { 'Retry-After': retryAfter },
        },
      );
    case 'rate-limited':
      return new ApiError(
        429,
        'rate-limited',
        'Too many requests',
        'the API key is over its rate limit; retry after the Retry-After seconds',
        { headers: { 'Retry-After': retryAfter, RateLimit: `limit=0, remaining=0, reset=${retryAfter}` } },
      );
    default:
      return null;
  }
}

/** The scenarios that change what the edge answered. */
async function reshape(scenario: ScenarioRequest, response: Response): Promise<Response> {
  // The length must describe the new body: a stale Content-Length would leave the client waiting.
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  if (scenario.name === 'malformed-body') {
    const text = await response.text();
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    return new Response(cut, { status: response.status, headers });
  }
  if (scenario.name === 'empty-list') {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as Record<string, unknown> | null;
    if (!body || !Array.isArray(body.items)) return response;
    const emptied = { ...body, items: [], ...('nextCursor' in body ? { nextCursor: null } : {}) };
    return new Response(JSON.stringify(emptied), { status: response.status, headers });
  }
  return response;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
