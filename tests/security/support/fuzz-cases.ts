import fc from 'fast-check';
import {
  deepNesting,
  extraKey,
  hostileHeaderValue,
  hostileString,
  hostileValue,
  MALFORMED_JSON,
  RawJson,
  toJsonText,
  WRONG_CONTENT_TYPES,
  wrongType,
} from './hostile-values';
import type { RawRequest } from './http';
import { fillPath, type Operation, type Parameter, percentEncode } from './operations';
import {
  CLOSED_MONTH,
  fieldPaths,
  plausibleValue,
  requiredPaths,
  type TenantIds,
  withPath,
} from './plausible';

/**
 * Malformed requests for one operation, built from its OpenAPI schemas: each case starts from a
 * plausible request and breaks one thing (a field's value or type, a missing or extra field, a path
 * or query parameter, a header, the JSON itself, the content type, the size).
 */

export type CaseKind =
  | 'field'
  | 'missing-field'
  | 'extra-field'
  | 'body-root'
  | 'path-parameter'
  | 'query-parameter'
  | 'header'
  | 'malformed-json'
  | 'content-type'
  | 'oversize';

export interface FuzzCase {
  kind: CaseKind;
  /** One line saying what was broken, for failure reports. */
  description: string;
  request: RawRequest;
  /** The status the edge must answer, when the case decides it (413, 415, 400). */
  expectedStatus?: number;
  /** A string put into a body field: an accepted request must store and return it literally. */
  injected?: { path: (string | number)[]; value: string };
  /** The body, parsed as the edge parses it, for checks against the documented request schema. */
  sentBody?: unknown;
}

export interface CaseContext {
  ids: TenantIds;
  /** The key the operation takes: the tenant's, or the admin key for createTenant. */
  apiKey: string | null;
  /** Distinguishes Idempotency-Keys and event ids between cases and runs. */
  unique: string;
}

/** 1 MiB is the edge's limit (edge/src/middleware/body-limit.ts MAX_BODY_BYTES). */
const OVERSIZE_BYTES = 1024 * 1024 + 1024;

export function plausibleParams(parameters: readonly Parameter[], ids: TenantIds): Record<string, string> {
  return Object.fromEntries(
    parameters.map((parameter) => [
      parameter.name,
      parameter.name === 'month'
        ? CLOSED_MONTH
        : String(plausibleValue(parameter.schema, parameter.name, ids)),
    ]),
  );
}

function plausibleHeaders(operation: Operation, context: CaseContext, index: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.apiKey) headers.Authorization = `Bearer ${context.apiKey}`;
  for (const parameter of operation.headerParams) {
    if (parameter.name === 'idempotency-key') headers['Idempotency-Key'] = `${context.unique}-${index}`;
  }
  return headers;
}

function queryText(values: Record<string, string>): string {
  const query = Object.entries(values)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
  return query ? `?${query}` : '';
}

interface Baseline {
  pathValues: Record<string, string>;
  queryValues: Record<string, string>;
  body: unknown;
}

function baselineOf(operation: Operation, context: CaseContext): Baseline {
  const requiredQuery = operation.queryParams.filter((parameter) => parameter.required);
  return {
    pathValues: plausibleParams(operation.pathParams, context.ids),
    queryValues: plausibleParams(requiredQuery, context.ids),
    body: operation.body ? plausibleValue(operation.body, '', context.ids) : undefined,
  };
}

/** The request a baseline and its mutation make; `index` keeps Idempotency-Keys apart. */
function build(
  operation: Operation,
  context: CaseContext,
  index: number,
  parts: Partial<Baseline> & { headers?: Record<string, string>; bodyText?: string | Uint8Array },
): RawRequest {
  const baseline = baselineOf(operation, context);
  const pathValues = parts.pathValues ?? baseline.pathValues;
  const queryValues = parts.queryValues ?? baseline.queryValues;
  const body = 'body' in parts ? parts.body : baseline.body;
  const bodyText = parts.bodyText ?? (body === undefined ? undefined : toJsonText(body));
  return {
    method: operation.method,
    path: `${fillPath(operation.path, pathValues)}${queryText(queryValues)}`,
    headers: {
      ...plausibleHeaders(operation, context, index),
      ...(bodyText !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...parts.headers,
    },
    body: bodyText,
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A well-formed request of the operation: path parameters from `pathIds` (default: the context's
 * ids), required query parameters, a plausible body and the headers it requires.
 */
export function plausibleRequest(
  operation: Operation,
  context: CaseContext,
  options: { pathIds?: TenantIds; index?: number; authorization?: string | null } = {},
): RawRequest {
  const request = build(operation, context, options.index ?? 0, {
    pathValues: plausibleParams(operation.pathParams, options.pathIds ?? context.ids),
  });
  if (options.authorization === undefined) return request;
  const { Authorization: _, ...headers } = request.headers ?? {};
  return {
    ...request,
    headers: options.authorization === null ? headers : { ...headers, Authorization: options.authorization },
  };
}

/** The arbitrary of one operation's generated cases (`index` is filled in when they are built). */
export function fuzzCaseArbitrary(
  operation: Operation,
  context: CaseContext,
): fc.Arbitrary<(index: number) => FuzzCase> {
  const baseline = baselineOf(operation, context);
  // Weighted towards the body's fields, where hostile values reach validation, storage and answers.
  const kinds: { weight: number; arbitrary: fc.Arbitrary<(index: number) => FuzzCase> }[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<(index: number) => FuzzCase>) =>
    kinds.push({ weight, arbitrary });

  if (operation.body) {
    const paths = fieldPaths(operation.body);
    const required = requiredPaths(operation.body);
    if (paths.length > 0) {
      add(
        6,
        fc
          .tuple(fc.constantFrom(...paths), fc.oneof({ weight: 3, arbitrary: hostileString }, hostileValue))
          .map(([path, value]) => (index) => {
            const body = withPath(baseline.body, path, value);
            const text = toJsonText(body);
            return {
              kind: 'field',
              description: `body ${path.join('.')} = ${describeValue(value)}`,
              request: build(operation, context, index, { bodyText: text }),
              ...(typeof value === 'string' ? { injected: { path, value } } : {}),
              sentBody: parsed(text),
            };
          }),
      );
    }
    const nested = paths.filter((path) => path.length > 1);
    if (nested.length > 0) {
      add(
        2,
        fc.tuple(fc.constantFrom(...nested), wrongType).map(([path, value]) => (index) => {
          const text = toJsonText(withPath(baseline.body, path, value));
          return {
            kind: 'field',
            description: `nested body ${path.join('.')} = ${describeValue(value)}`,
            request: build(operation, context, index, { bodyText: text }),
            sentBody: parsed(text),
          };
        }),
      );
    }
    if (required.length > 0) {
      add(
        2,
        fc.constantFrom(...required).map((path) => (index) => {
          const text = toJsonText(withPath(baseline.body, path, undefined));
          return {
            kind: 'missing-field',
            description: `body without the required ${path.join('.')}`,
            request: build(operation, context, index, { bodyText: text }),
            sentBody: parsed(text),
          };
        }),
      );
    }
    add(
      2,
      fc
        .tuple(fc.constantFrom<(string | number)[]>([], ...objectPaths(paths)), extraKey, hostileValue)
        .map(([path, key, value]) => (index) => {
          const text = toJsonText(withPath(baseline.body, [...path, key], value));
          return {
            kind: 'extra-field',
            description: `extra field ${[...path, JSON.stringify(key)].join('.')} = ${describeValue(value)}`,
            request: build(operation, context, index, { bodyText: text }),
            sentBody: parsed(text),
          };
        }),
    );
    add(
      1,
      fc.oneof(wrongType, deepNesting, hostileString).map((value) => (index) => {
        const text = toJsonText(value);
        return {
          kind: 'body-root',
          description: `body = ${describeValue(value)}`,
          request: build(operation, context, index, { bodyText: text }),
          sentBody: parsed(text),
        };
      }),
    );
    add(
      1,
      fc.constantFrom(...MALFORMED_JSON).map((text) => (index) => ({
        kind: 'malformed-json',
        description: `body text ${JSON.stringify(text)}`,
        request: build(operation, context, index, { bodyText: text }),
        // `null`, `[]`, `12` and friends are JSON, just not an object: a 4xx, not necessarily 400.
        // A leading byte order mark may be ignored (RFC 8259 §8.1), so that body is JSON too.
        ...(!operation.isLegacy && parsed(text.replace(/^\ufeff/, '')) === undefined
          ? { expectedStatus: 400 }
          : {}),
      })),
    );
  }

  if (!operation.body && !operation.isLegacy && operation.method !== 'GET') {
    // An operation that takes no body refuses one that says anything (a refund's `amount`): 422.
    add(
      2,
      fc.tuple(extraKey, hostileValue).map(([key, value]) => (index) => {
        const text = toJsonText({ [key]: value });
        return {
          kind: 'extra-field',
          description: `a body sent to an operation that takes none: {${JSON.stringify(key)}: ${describeValue(value)}}`,
          request: build(operation, context, index, { bodyText: text }),
          expectedStatus: 422,
        };
      }),
    );
  }

  for (const parameter of operation.pathParams) {
    add(
      2,
      hostileString.map((value) => (index) => ({
        kind: 'path-parameter',
        description: `path {${parameter.name}} = ${describeValue(value)}`,
        request: build(operation, context, index, {
          pathValues: { ...baseline.pathValues, [parameter.name]: value },
        }),
      })),
    );
  }

  const queryNames = [...operation.queryParams.map((parameter) => parameter.name), 'unknownParameter'];
  add(
    1,
    fc.tuple(fc.constantFrom(...queryNames), hostileString).map(([name, value]) => (index) => ({
      kind: 'query-parameter',
      description: `query ${name} = ${describeValue(value)}`,
      request: build(operation, context, index, { queryValues: { ...baseline.queryValues, [name]: value } }),
    })),
  );

  const headerNames = [
    ...operation.headerParams.map((parameter) => parameter.name),
    ...(operation.access === 'public' ? [] : ['Authorization']),
    'X-Request-Id',
  ];
  add(
    1,
    fc.tuple(fc.constantFrom(...headerNames), hostileHeaderValue).map(([name, value]) => (index) => ({
      kind: 'header',
      description: `header ${name}: ${describeValue(value)}`,
      request: build(operation, context, index, { headers: { [headerName(name)]: value } }),
      // No hostile Authorization is a valid key: it is refused before anything else is looked at.
      ...(name === 'Authorization' ? { expectedStatus: 401 } : {}),
    })),
  );

  return fc.oneof(...kinds);
}

/** The cases every operation with a body gets, whatever the seed: wrong content types and too large. */
export function fixedCases(operation: Operation, context: CaseContext, firstIndex: number): FuzzCase[] {
  if (!operation.body && operation.method !== 'POST') return [];
  const baseline = baselineOf(operation, context);
  const bodyText = toJsonText(baseline.body ?? {});
  const contentTypeCases = WRONG_CONTENT_TYPES.map(
    (contentType, offset): FuzzCase => ({
      kind: 'content-type',
      description: `Content-Type: ${contentType}`,
      request: build(operation, context, firstIndex + offset, {
        bodyText,
        headers: { 'Content-Type': contentType },
      }),
      // The legacy routes parse the body whatever it says (DOMAIN §9); /v1 refuses it.
      ...(operation.isLegacy ? {} : { expectedStatus: 415 }),
    }),
  );
  const padding = 'x'.repeat(OVERSIZE_BYTES);
  const oversize: FuzzCase = {
    kind: 'oversize',
    description: `a ${OVERSIZE_BYTES}-byte body`,
    request: build(operation, context, firstIndex + contentTypeCases.length, {
      bodyText: toJsonText({ ...(isObject(baseline.body) ? baseline.body : {}), padding }),
    }),
    expectedStatus: 413,
  };
  const oversizeWithoutLength: FuzzCase = {
    ...oversize,
    description: `a ${OVERSIZE_BYTES}-byte body, streamed without Content-Length`,
    request: { ...oversize.request, chunked: true },
  };
  return [...contentTypeCases, oversize, oversizeWithoutLength];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function headerName(name: string): string {
  return name === 'idempotency-key' ? 'Idempotency-Key' : name;
}

/** Paths of the objects inside a body (where an extra field can go). */
function objectPaths(paths: (string | number)[][]): (string | number)[][] {
  const seen = new Map<string, (string | number)[]>();
  for (const path of paths) {
    for (let length = 1; length < path.length; length += 1) {
      const prefix = path.slice(0, length);
      if (typeof path[length] === 'string') seen.set(JSON.stringify(prefix), prefix);
    }
  }
  return [...seen.values()];
}

function describeValue(value: unknown): string {
  const text = value instanceof RawJson ? value.text : JSON.stringify(value);
  return text === undefined
    ? String(value)
    : text.length > 80
      ? `${text.slice(0, 60)}… (${text.length} chars)`
      : text;
}
