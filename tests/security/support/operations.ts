import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The operations of edge/openapi.json, read from the document itself so that a new route is covered
 * by the security suite the moment it is documented: nothing here lists operations by hand.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

interface RawParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** How an operation authenticates, as its `security` says. */
export type Access = 'tenant-key' | 'admin-key' | 'public';

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** The templated path, e.g. `/v1/billing-groups/{billingGroupId}`. */
  path: string;
  access: Access;
  /** The legacy routes of DOMAIN §9 answer their own envelope instead of problem+json. */
  isLegacy: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** The JSON request body's schema, `$ref`s resolved; null when the operation takes no body. */
  body: JsonSchema | null;
  responses: string[];
}

const OPENAPI_PATH = join(process.cwd(), 'edge', 'openapi.json');
const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;

/** The one operation taking the operator's admin key instead of a tenant key (see edge/src/app.ts). */
const ADMIN_OPERATIONS = new Set(['createTenant']);

export function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`edge/openapi.json has no schema ${name}`);
  return resolve(target);
}

function accessOf(operation: RawOperation): Access {
  if (!operation.security || operation.security.length === 0) return 'public';
  return ADMIN_OPERATIONS.has(operation.operationId ?? '') ? 'admin-key' : 'tenant-key';
}

function parametersOf(operation: RawOperation, location: RawParameter['in']): Parameter[] {
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === location)
    .map((parameter) => ({
      name: parameter.name,
      required: parameter.required ?? false,
      schema: resolve(parameter.schema ?? {}),
    }));
}

export const OPERATIONS: readonly Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).flatMap(([method, operation]): Operation[] => {
    if (!operation.operationId) return [];
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    return [
      {
        operationId: operation.operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        access: accessOf(operation),
        isLegacy: !path.startsWith('/v1/') && path !== '/health',
        pathParams: parametersOf(operation, 'path'),
        queryParams: parametersOf(operation, 'query'),
        headerParams: parametersOf(operation, 'header'),
        body: bodySchema ? resolve(bodySchema) : null,
        responses: Object.keys(operation.responses ?? {}),
      },
    ];
  }),
);

/** Fills a templated path; every value is percent-encoded, so a value stays one path segment. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replaceAll(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter ${name} of ${path}`);
    return percentEncode(value);
  });
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the three bytes
 * a naive UTF-8 encoder writes for it: invalid UTF-8 the edge must refuse, not choke on.
 */
export function percentEncode(value: string): string {
  let encoded = '';
  // Iterating a string yields code points: a surrogate pair as one, a lone surrogate on its own.
  for (const char of value) {
    const code = char.charCodeAt(0);
    const isLoneSurrogate = char.length === 1 && code >= 0xd800 && code <= 0xdfff;
    encoded += isLoneSurrogate
      ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(char);
  }
  return encoded;
}
