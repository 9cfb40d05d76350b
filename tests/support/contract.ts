import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validation of responses against edge/openapi.json (OpenAPI 3.1 schemas are JSON Schema 2020-12):
 * the status must be documented for the operation, the content type must be one it documents, and
 * the body must match that schema.
 */

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, OpenApiResponse> }>
  >;
}
interface OpenApiResponse {
  content?: Record<string, { schema?: unknown }>;
}

export const OPENAPI_PATH = join(process.cwd(), 'edge', 'openapi.json');
const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi.json');

interface Operation {
  method: string;
  path: string;
  responses: Record<string, OpenApiResponse>;
}

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      operation.operationId
        ? [[operation.operationId, { method, path, responses: operation.responses ?? {} }]]
        : [],
    ),
  ),
);

const validators = new Map<string, ValidateFunction>();
const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

export interface ContractVerdict {
  ok: boolean;
  problems: string[];
}

export function checkContract(
  operationId: string,
  status: number,
  contentType: string | null,
  body: unknown,
): ContractVerdict {
  const operation = OPERATIONS.get(operationId);
  if (!operation) return { ok: false, problems: [`operation ${operationId} is not in edge/openapi.json`] };
  const response = operation.responses[String(status)] ?? operation.responses.default;
  if (!response) return { ok: false, problems: [`${operationId} does not document status ${status}`] };
  if (!response.content) {
    return body === null || body === ''
      ? { ok: true, problems: [] }
      : { ok: false, problems: ['documents no body'] };
  }
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in response.content)) {
    return {
      ok: false,
      problems: [
        `${operationId} ${status} documents ${Object.keys(response.content).join(', ')}, got "${mediaType}"`,
      ],
    };
  }
  const statusKey = String(status) in operation.responses ? String(status) : 'default';
  const ref = `openapi.json#/paths/${pointer(operation.path)}/${operation.method}/responses/${statusKey}/content/${pointer(mediaType)}/schema`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  if (validate(body)) return { ok: true, problems: [] };
  return {
    ok: false,
    problems: (validate.errors ?? []).map(
      (error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`,
    ),
  };
}
