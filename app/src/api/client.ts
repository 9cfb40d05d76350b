import 'server-only';
import type { paths } from '@billing/edge/api-types';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import createClient from 'openapi-fetch';
import { readApiKey } from '@/lib/session';
import { EDGE_PROBLEMS, type Problem } from './types';

/** Where the edge listens; read at run time so one build serves any environment. */
export function edgeUrl(): string {
  return process.env.EDGE_URL ?? 'http://127.0.0.1:8787';
}

/**
 * How long a page waits for the edge before saying it did not answer (`EDGE_TIMEOUT_MS`, default
 * 10 s): a hung edge must end in an error the user can read, never in a page that spins forever.
 */
function edgeTimeoutMs(): number {
  const configured = Number(process.env.EDGE_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}

/**
 * `fetch`, but failing with a TimeoutError after `ms` if no answer has begun. The deadline is a race
 * the caller always sees, not only an abort signal: Next's patched fetch copies the request into new
 * Request objects, and an abort that has to travel through those copies was seen lost under load,
 * leaving a page or a payment waiting on a silent edge. The abort still frees the connection.
 */
function fetchWithDeadline(request: Request, ms: number): Promise<Response> {
  const controller = new AbortController();
  return new Promise<Response>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DOMException('the edge did not answer in time', 'TimeoutError'));
      controller.abort();
    }, ms);
    fetch(request, { signal: controller.signal })
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

/**
 * Who the app calls the edge for. Every call leaves from this server, so without this the edge would
 * throttle all visitors as one client, and eleven wrong keys typed by anyone at /sign-in would lock
 * every signed-in user out for a minute. With `CLIENT_ADDRESS_TOKEN` (a secret the edge holds too)
 * the app names the visitor: the last address in `X-Forwarded-For`, the one the proxy in front of
 * the app (or Next itself, from the socket) wrote.
 */
async function visitorHeaders(): Promise<Record<string, string>> {
  const token = process.env.CLIENT_ADDRESS_TOKEN;
  if (!token) return {};
  let forwardedFor: string | null = null;
  try {
    forwardedFor = (await headers()).get('x-forwarded-for');
  } catch {
    return {}; // outside a request: nobody to name
  }
  const visitor = forwardedFor?.split(',').at(-1)?.trim();
  return visitor ? { 'X-Billing-Client-Address': visitor, 'X-Billing-Client-Token': token } : {};
}

export type EdgeClient = ReturnType<typeof createClient<paths>>;

/** An edge client for an explicit key: only sign-in uses it, to check a key before keeping it. */
export function edgeClientFor(apiKey: string): EdgeClient {
  return createClient<paths>({
    baseUrl: edgeUrl(),
    headers: { Authorization: `Bearer ${apiKey}` },
    cache: 'no-store',
    fetch: async (request) => {
      for (const [name, value] of Object.entries(await visitorHeaders())) request.headers.set(name, value);
      return fetchWithDeadline(request, edgeTimeoutMs());
    },
  });
}

/** The edge as the signed-in tenant. The key comes from the httpOnly session cookie, never from the page. */
export async function edge(): Promise<EdgeClient> {
  const apiKey = await readApiKey();
  if (!apiKey) redirect('/sign-in');
  return edgeClientFor(apiKey);
}

/** The outcome of one edge call, in a shape pages and actions can branch on. */
export type EdgeResult<T> = { ok: true; data: T } | { ok: false; status: number; problem: Problem };

interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Turns an openapi-fetch outcome into an EdgeResult. A 401 means the session's key no longer works
 * (revoked), so the user is sent to sign in again instead of seeing an error on every page.
 */
function settle<T>(outcome: FetchOutcome<T>): EdgeResult<T> {
  const { response } = outcome;
  if (response.status === 401) redirect('/sign-in?reason=expired');
  if (response.ok) return { ok: true, data: outcome.data as T };
  return { ok: false, status: response.status, problem: asProblem(outcome.error, response) };
}

function asProblem(body: unknown, response: Response): Problem {
  if (body && typeof body === 'object' && 'title' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: typeof body === 'string' ? body : '',
  };
}

/**
 * Runs an edge call, turning a failure to get an answer into a problem rather than a crashed page:
 * no answer in time (504), an answer that is not the JSON it claims to be (502), no edge (503).
 */
export async function call<T>(run: () => Promise<FetchOutcome<T>>): Promise<EdgeResult<T>> {
  let outcome: FetchOutcome<T>;
  try {
    outcome = await run();
  } catch (error) {
    const problem = unansweredProblem(error);
    return { ok: false, status: problem.status, problem };
  }
  return settle(outcome);
}

function unansweredProblem(error: unknown): Problem & { status: number } {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return { type: EDGE_PROBLEMS.timeout, title: 'Edge timed out', status: 504, detail: '' };
  }
  if (error instanceof SyntaxError) {
    return {
      type: EDGE_PROBLEMS.badResponse,
      title: 'Edge answered malformed JSON',
      status: 502,
      detail: '',
    };
  }
  return { type: EDGE_PROBLEMS.unavailable, title: 'Edge unavailable', status: 503, detail: '' };
}

/** The first problem among results of which at least one failed. */
export function firstProblem(...results: EdgeResult<unknown>[]): Problem {
  for (const result of results) if (!result.ok) return result.problem;
  throw new Error('firstProblem needs a failed result');
}
