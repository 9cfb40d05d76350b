import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FuzzCase } from './fuzz-cases';
import { legacyEnvelopeDefect, problemDefect, type RawResponse } from './http';
import type { Operation } from './operations';
import { atPath } from './plausible';

/**
 * The bar every generated request is held to: never a 5xx; every refusal a problem+json (the legacy
 * routes: their own envelope); the status the case calls for (413, 415, 400, 401); no body accepted
 * that the operation's documented schema refuses; and an accepted hostile string stored and
 * returned exactly as sent.
 */

export interface Verdict {
  fuzzCase: FuzzCase;
  status: number;
  defects: string[];
  responseExcerpt: string;
  /** The read-back request, when the case created something whose stored value was checked. */
  readBack?: { path: string; status: number; value: unknown };
}

const document = JSON.parse(readFileSync(join(process.cwd(), 'edge', 'openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
ajv.addSchema(document, 'openapi.json');
const bodyValidators = new Map<string, ValidateFunction>();

function bodyValidator(operation: Operation): ValidateFunction {
  let validate = bodyValidators.get(operation.operationId);
  if (!validate) {
    const pointer = operation.path.replaceAll('~', '~0').replaceAll('/', '~1');
    const method = operation.method.toLowerCase();
    validate = ajv.compile({
      $ref: `openapi.json#/paths/${pointer}/${method}/requestBody/content/application~1json/schema`,
    });
    bodyValidators.set(operation.operationId, validate);
  }
  return validate;
}

/**
 * Refusals workerd itself sends before the app sees the request (a URL or headers over its 64 KiB
 * limits), as plain text: Cloudflare's front end refuses those the same way, with smaller limits.
 */
export const RUNTIME_REFUSALS = new Set([414, 431]);

/**
 * The legacy handlers answer their envelope (DOMAIN §9); only what happens before a legacy handler
 * runs, an unrouted path (404), a method the path does not take (405) or the body limit (413), is
 * the app's problem+json.
 */
function legacyRefusalDefect(response: RawResponse): string | null {
  return response.status === 404 || response.status === 405 || response.status === 413
    ? problemDefect(response)
    : legacyEnvelopeDefect(response);
}

export function judge(operation: Operation, fuzzCase: FuzzCase, response: RawResponse): Verdict {
  const defects: string[] = [];
  const { status } = response;
  if (status >= 500) defects.push(`answered ${status}`);
  if (fuzzCase.expectedStatus !== undefined && status !== fuzzCase.expectedStatus) {
    defects.push(`answered ${status}, expected ${fuzzCase.expectedStatus}`);
  }
  if (status >= 400 && !RUNTIME_REFUSALS.has(status)) {
    const defect = operation.isLegacy ? legacyRefusalDefect(response) : problemDefect(response);
    if (defect) defects.push(`refusal is malformed: ${defect}`);
  }
  if (status >= 200 && status < 300) {
    if (status !== 204 && response.json === undefined) defects.push('accepted, but the answer is not JSON');
    if (!operation.isLegacy && operation.body && fuzzCase.sentBody !== undefined) {
      const validate = bodyValidator(operation);
      if (!validate(fuzzCase.sentBody)) {
        defects.push(`accepted a body its OpenAPI schema refuses: ${ajv.errorsText(validate.errors)}`);
      }
    }
    if (fuzzCase.injected) {
      const echoed = atPath(response.json, fuzzCase.injected.path);
      if (typeof echoed === 'string' && echoed !== fuzzCase.injected.value) {
        defects.push(
          `stored ${JSON.stringify(fuzzCase.injected.value)} but answered ${JSON.stringify(echoed)} at ${fuzzCase.injected.path.join('.')}`,
        );
      }
    }
  }
  return { fuzzCase, status, defects, responseExcerpt: response.text.slice(0, 300) };
}

/** The GET operation that reads back what `operation` created (`…/{id}` below the same path). */
export function readBackOperation(
  operation: Operation,
  operations: readonly Operation[],
): Operation | undefined {
  if (operation.method !== 'POST') return undefined;
  return operations.find(
    (candidate) =>
      candidate.method === 'GET' &&
      candidate.path.startsWith(`${operation.path}/{`) &&
      /^\/\{\w+\}$/.test(candidate.path.slice(operation.path.length)),
  );
}

/** Adds a defect when the stored resource does not hold the injected string exactly. */
export function judgeReadBack(
  verdict: Verdict,
  readBack: { path: string; status: number; json: unknown },
): void {
  const injected = verdict.fuzzCase.injected;
  if (!injected) return;
  const stored = atPath(readBack.json, injected.path);
  verdict.readBack = { path: readBack.path, status: readBack.status, value: stored };
  if (readBack.status >= 500) verdict.defects.push(`reading it back answered ${readBack.status}`);
  if (typeof stored === 'string' && stored !== injected.value) {
    verdict.defects.push(
      `stored ${JSON.stringify(injected.value)} but reads back ${JSON.stringify(stored)} at ${injected.path.join('.')}`,
    );
  }
}

/** FNV-1a of a text: the per-test fast-check seed (as tests/support/fixtures/random.ts derives it). */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
