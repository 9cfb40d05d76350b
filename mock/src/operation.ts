import type { RouteConfig, z } from '@hono/zod-openapi';
import { delay } from 'msw';
import { zodIssues } from '../../edge/src/lib/errors';
import { ApiError } from '../../edge/src/lib/problem';
import type { MockConfig } from './config';
import type { HeldAnswers } from './holds';
import { internalError, problemResponse, toApiError } from './problems';
import { DEFAULT_HOLD_MS, type ScenarioBook, type ScenarioRequest } from './scenarios';
import type { ApiKeyRecord, TenantData, World } from './store';

/** Large enough for a batch of 1000 usage events (the edge's MAX_BODY_BYTES). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What every handler shares: the configuration, the session's world and the fault scenarios. */
export interface MockRuntime {
  readonly config: MockConfig;
  readonly scenarios: ScenarioBook;
  readonly held: HeldAnswers;
  /** Every operationId a handler was defined for. */
  readonly operationIds: Set<string>;
  worldOf(request: Request): World;
  /** Work that goes on after the response (the month-end job), tracked so tests can wait for it. */
  runInBackground(work: Promise<unknown>): void;
}

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : Record<string, never>;
type RequestPart<R, Part extends string> = R extends { request: Record<Part, infer Schema> } ? Schema : never;
type JsonSchemaOf<R> = R extends {
  request: { body: { content: { 'application/json': { schema: infer Schema } } } };
}
  ? Schema
  : never;

/** The request as the edge's route validators hand it to a handler: parsed, defaults applied. */
export interface ValidatedInput<R> {
  params: Output<RequestPart<R, 'params'>>;
  query: Output<RequestPart<R, 'query'>>;
  headers: Output<RequestPart<R, 'headers'>>;
  body: Output<JsonSchemaOf<R>>;
}

interface Principal {
  tenantId: string;
  apiKey: ApiKeyRecord;
}

/** One request on its way through a handler: its validated input, its world, its caller, time and ids. */
export class Call<R> {
  constructor(
    readonly runtime: MockRuntime,
    readonly request: Request,
    readonly world: World,
    readonly requestId: string,
    readonly input: ValidatedInput<R>,
    /** The raw body text (the legacy routes parse it themselves). */
    readonly text: string,
    private readonly principal: Principal | null,
  ) {}

  get tenantId(): string {
    if (!this.principal) throw new Error('mock: this operation has no authenticated tenant');
    return this.principal.tenantId;
  }

  get data(): TenantData {
    return this.world.dataOf(this.tenantId);
  }

  get config(): MockConfig {
    return this.runtime.config;
  }

  clock(): Date {
    return this.runtime.config.clock();
  }

  now(): string {
    return this.clock().toISOString();
  }

  newId(prefix: string): string {
    return newId(prefix);
  }
}

/** The edge's ids: a prefix naming the resource and 128 random bits, hex. */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** Routes that take the admin key instead of a tenant's (the edge's ADMIN_ROUTES). */
const ADMIN_ROUTES = new Set(['POST /v1/tenants']);
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/**
 * Wraps a handler's resolver in what the edge does around every route, in the edge's order: fault
 * scenarios first, then the body limit (413), the JSON content type (415), the API key (401), the
 * key's rate limit (429), the route's own zod schemas (422, 400 for JSON that does not parse), and
 * finally the error mapping to problem+json. `route` is the edge's own route definition, so the
 * mock refuses exactly what the edge refuses; null for the legacy routes, which validate nothing.
 */
export function operationFactory(runtime: MockRuntime) {
  return function operation<
    R extends RouteConfig | null,
    Info extends { request: Request; params: object },
    Result,
  >(
    operationId: string,
    route: R,
    resolve: (call: Call<R>, info: Info) => Result | Promise<Result>,
  ): (info: Info) => Promise<Result> {
    runtime.operationIds.add(operationId);
    return async (info) => {
      const request = info.request;
      const requestId = requestIdOf(request);
      const scenario = runtime.scenarios.take(operationId, scopesOf(request));
      const rateHeaders: Record<string, string> = {};
      try {
        if (scenario) {
          const faulted = await applyFault(runtime, scenario, request, requestId);
          if (faulted) return faulted as Result;
        }
        const world = runtime.worldOf(request);
        const text = await readBody(request);
        const pathname = new URL(request.url).pathname;
        let principal: Principal | null = null;
        if (pathname.startsWith('/v1/')) {
          requireJsonBody(request, text);
          if (ADMIN_ROUTES.has(`${request.method} ${pathname}`)) requireAdmin(runtime.config, request);
          else {
            principal = authenticate(world, request);
            countRequest(world, principal.apiKey, runtime.config.clock().getTime(), rateHeaders);
          }
        }
        // Hono routes strictly: a trailing slash names no route of the edge, though MSW would match it.
        if (pathname.length > 1 && pathname.endsWith('/')) {
          throw new ApiError(404, 'not-found', 'Not found', 'no such route');
        }
        const input = validate(route, info, request, text);
        const call = new Call<R>(runtime, request, world, requestId, input, text, principal);
        const response = (await resolve(call, info)) as Response;
        const shaped = await shapeResponse(scenario, response);
        return withHeaders(shaped, { 'X-Request-Id': requestId, ...rateHeaders }) as Result;
      } catch (error) {
        return problemResponse(toApiError(error), request, requestId, {
          'X-Request-Id': requestId,
          ...rateHeaders,
        }) as Result;
      }
    };
  };
}

export type Operation = ReturnType<typeof operationFactory>;

/** The sessions a request belongs to: its `X-Mock-Session` and its API key. */
export function scopesOf(request: Request): string[] {
  const scopes: string[] = [];
  const session = request.headers.get('X-Mock-Session');
  if (session) scopes.push(session);
  const token = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (token) scopes.push(token);
  return scopes;
}

function requestIdOf(request: Request): string {
  const given = request.headers.get('X-Request-Id');
  return given && given.length <= 255 && !/[^\w\-=]/.test(given) ? given : crypto.randomUUID();
}

async function applyFault(
  runtime: MockRuntime,
  scenario: ScenarioRequest,
  request: Request,
  requestId: string,
) {
  const headers = { 'X-Request-Id': requestId };
  const retryAfter = String(scenario.retryAfterSeconds ?? 1);
  switch (scenario.name) {
    case 'latency':
      await delay(scenario.delayMs ?? 1000);
      return null;
    case 'timeout':
      await delay(scenario.delayMs ?? 'infinite');
      return null;
    case 'hold':
      await runtime.held.wait(scopesOf(request), scenario.delayMs ?? DEFAULT_HOLD_MS);
      return null;
    case 'server-error':
      return problemResponse(internalError(), request, requestId, headers);
    case 'unavailable':
      return problemResponse(
        new ApiError(
          503,
          'unavailable',
          'Service unavailable',
          'the billing API is unavailable; retry later',
          {
            headers: { 'Retry-After': retryAfter },
          },
        ),
        request,
        requestId,
        headers,
      );
    case 'rate-limited':
      return problemResponse(rateLimited(), request, requestId, {
        ...headers,
        'Retry-After': retryAfter,
        RateLimit: `limit=0, remaining=0, reset=${retryAfter}`,
      });
    default:
      return null;
  }
}

/** The scenarios that change what the real handler answered. */
async function shapeResponse(scenario: ScenarioRequest | null, response: Response): Promise<Response> {
  if (scenario?.name === 'malformed-body') {
    const text = await response.text();
    // The length must describe the cut body: a stale Content-Length would leave the client waiting
    // for bytes that never come, a timeout rather than the malformed body this scenario promises.
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
      status: response.status,
      headers,
    });
  }
  if (scenario?.name === 'empty-list') {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as Record<string, unknown> | null;
    if (!body || !Array.isArray(body.items)) return response;
    const emptied = { ...body, items: [], ...('nextCursor' in body ? { nextCursor: null } : {}) };
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return new Response(JSON.stringify(emptied), { status: response.status, headers });
  }
  return response;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

/**
 * The body as text, up to MAX_BODY_BYTES (413 beyond, as the edge's body limit). An oversized body is
 * still read to its end, unkept, so a kept-alive connection stays usable for the client's next request.
 */
async function readBody(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= MAX_BODY_BYTES) text += decoder.decode(value, { stream: true });
  }
  if (size > MAX_BODY_BYTES || Number(request.headers.get('Content-Length') ?? 0) > MAX_BODY_BYTES) {
    throw new ApiError(
      413,
      'payload-too-large',
      'Payload too large',
      `the request body exceeds ${MAX_BODY_BYTES} bytes`,
    );
  }
  return text + decoder.decode();
}

/** The edge's `requireJsonBody`: a request that sends a body sends JSON. */
function requireJsonBody(request: Request, text: string): void {
  if (!METHODS_WITH_BODY.has(request.method) || text === '') return;
  const type = mediaTypeOf(request);
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `the request body must be application/json, got ${type ? `"${type}"` : 'no Content-Type'}`,
      { errors: [{ field: 'Content-Type', rule: 'media-type', message: 'must be application/json' }] },
    );
  }
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const unauthorized = (detail: string) =>
  new ApiError(401, 'unauthorized', 'Unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });

function bearerToken(request: Request): string {
  const header = request.headers.get('Authorization');
  if (!header) throw unauthorized('an Authorization: Bearer <API key> header is required');
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match?.[1]) throw unauthorized('the Authorization header must be "Bearer <API key>"');
  return match[1];
}

function authenticate(world: World, request: Request): Principal {
  const key = world.apiKeys.get(bearerToken(request));
  if (!key || key.revokedAt) throw unauthorized('the API key is unknown or revoked');
  return { tenantId: key.tenantId, apiKey: key };
}

function requireAdmin(config: MockConfig, request: Request): void {
  if (bearerToken(request) !== config.adminApiKey) throw unauthorized('the admin API key is required');
}

const rateLimited = () =>
  new ApiError(
    429,
    'rate-limited',
    'Too many requests',
    'the API key is over its rate limit; retry after the Retry-After seconds',
  );

const WINDOW_MS = 60_000;

/** Fixed one-minute windows per API key with the key's own limit, and the edge's draft-7 headers. */
function countRequest(world: World, key: ApiKeyRecord, now: number, headers: Record<string, string>): void {
  let window = world.rateWindows.get(key.id);
  if (!window || now - window.startedAt >= WINDOW_MS) {
    window = { startedAt: now, count: 0 };
    world.rateWindows.set(key.id, window);
  }
  window.count += 1;
  const limit = key.rateLimitPerMinute;
  const reset = Math.max(0, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
  headers['RateLimit-Policy'] = `${limit};w=60`;
  headers.RateLimit = `limit=${limit}, remaining=${Math.max(0, limit - window.count)}, reset=${reset}`;
  if (window.count > limit) {
    headers['Retry-After'] = String(reset);
    throw rateLimited();
  }
}

/**
 * The route's schemas applied as @hono/zod-openapi applies them: query, path parameters, headers,
 * then the JSON body (a body that is not JSON is a 400; no JSON content type reads as `{}`). The
 * first target that fails is the 422, with the edge's field paths.
 */
function validate<R extends RouteConfig | null>(
  route: R,
  info: { params: object },
  request: Request,
  text: string,
): ValidatedInput<R> {
  const input = { params: {}, query: {}, headers: {}, body: undefined } as Record<string, unknown>;
  if (!route?.request) return input as unknown as ValidatedInput<R>;
  const parts = route.request;
  const url = new URL(request.url);
  const check = (schema: z.ZodType, value: unknown, location: string) => {
    const result = schema.safeParse(value);
    if (!result.success) throw zodIssues(result.error, location);
    return result.data;
  };
  if (parts.query) input.query = check(parts.query as z.ZodType, queriesOf(url), 'query');
  if (parts.params) input.params = check(parts.params as z.ZodType, info.params, 'param');
  if (parts.headers && !Array.isArray(parts.headers)) {
    input.headers = check(parts.headers as z.ZodType, headersOf(request), 'header');
  }
  const json = (parts.body?.content?.['application/json'] as { schema?: unknown } | undefined)?.schema;
  if (json) {
    const contentType = request.headers.get('Content-Type');
    if (contentType ? !JSON_REQUEST.test(contentType) : text !== '') {
      throw new ApiError(415, 'http-error', 'Request refused', 'Unsupported Media Type');
    }
    let value: unknown = {};
    if (JSON_MEDIA_TYPE.test(mediaTypeOf(request))) {
      try {
        value = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'malformed-json', 'Malformed JSON', 'the request body is not valid JSON', {
          errors: [{ field: 'body', rule: 'json', message: 'must be valid JSON' }],
        });
      }
    }
    input.body = check(json as z.ZodType, value, 'json');
  }
  return input as unknown as ValidatedInput<R>;
}

/** Hono's `c.req.queries()` as its query validator reads it: one value as a string, more as an array. */
function queriesOf(url: URL): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return values;
}

function headersOf(request: Request): Record<string, string> {
  const values: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    values[name.toLowerCase()] = value;
  });
  return values;
}
