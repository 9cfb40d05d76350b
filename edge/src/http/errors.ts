import { ConflictError, ValidationError } from '@billing/engine';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ApiError, problemResponse, validationFailed } from './problem';

/**
 * The one place errors become responses: engine refusals map by class (ValidationError → 422,
 * ConflictError → 409 with its code as the problem type), Hono's own HTTP errors keep their
 * status, and anything unexpected is a 500 that reveals nothing but the request id.
 */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return problemResponse(c, error);
  if (error instanceof ValidationError) return problemResponse(c, validationFailed([...error.issues]));
  if (error instanceof ConflictError) {
    return problemResponse(
      c,
      new ApiError(409, error.code, 'The request conflicts with the current state', error.message, {
        extensions: { ...error.details },
      }),
    );
  }
  if (error instanceof HTTPException) {
    return problemResponse(c, fromHttpException(error));
  }
  console.error(
    JSON.stringify({ requestId: c.get('requestId'), error: String(error), stack: (error as Error)?.stack }),
  );
  return problemResponse(
    c,
    new ApiError(
      500,
      'internal-error',
      'Internal error',
      'the server failed to answer; quote the request id when reporting it',
    ),
  );
}

function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 413) {
    return new ApiError(
      413,
      'payload-too-large',
      'Payload too large',
      error.message || 'the request body is too large',
    );
  }
  if (error.status === 400) {
    // Hono's JSON validator throws 400 for a body that is not JSON.
    return new ApiError(400, 'malformed-json', 'Malformed JSON', 'the request body is not valid JSON', {
      errors: [{ field: 'body', rule: 'json', message: 'must be valid JSON' }],
    });
  }
  return new ApiError(
    error.status,
    'http-error',
    'Request refused',
    error.message || 'the request was refused',
  );
}

/**
 * Zod issues as the engine's issues: a dotted/bracketed field path and a rule named by the check,
 * or by the engine's rule a refinement carries in `params.rule` (e.g. `billing-window`).
 */
export function zodIssues(error: ZodError, location: string): ApiError {
  return validationFailed(
    error.issues.flatMap((issue) =>
      // A strict schema's stray keys: one issue per key, named as the client spelled it, so a typo
      // (`testclockId`) is refused rather than silently dropped.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            field: formatPath(location, [...issue.path, key]),
            rule: 'unknown-field',
            message: 'is not a field of this request',
          }))
        : [
            {
              field: formatPath(location, issue.path),
              rule:
                issue.code === 'custom' && typeof issue.params?.rule === 'string'
                  ? issue.params.rule
                  : issue.code,
              message: issue.message,
            },
          ],
    ),
  );
}

/**
 * Whether a text has a lone UTF-16 surrogate, so no UTF-8 form. `isWellFormed` is the runtime's own
 * scan (Node 20, workerd, every current browser), several times faster than a regular expression
 * with look-arounds, and every validated request asks it of each of its strings.
 */
const isIllFormed = (text: string): boolean => !text.isWellFormed();

/**
 * A 422 naming the first string of a validated request that is not well-formed Unicode (JSON's
 * `"\ud800"` escape makes one), else null. D1 stores text as UTF-8 and would silently replace it,
 * so the client would read back something other than what it was told was stored.
 */
export function illFormedUnicode(data: unknown, location: string): ApiError | null {
  if (!hasIllFormedText(data)) return null;
  const path = illFormedPath(data);
  if (path === null) return null;
  return validationFailed([
    {
      field: formatPath(location, path),
      rule: 'unicode',
      message: 'must be well-formed Unicode text (no lone surrogate)',
    },
  ]);
}

/**
 * Whether any string or key is ill-formed: the same walk as `illFormedPath` without the path, which
 * every validated request pays for (a calculator body has hundreds of strings); the path is worked
 * out only for a request that has one.
 */
function hasIllFormedText(data: unknown): boolean {
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (isIllFormed(value)) return true;
    } else if (Array.isArray(value)) {
      for (const member of value) pending.push(member);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (isIllFormed(key)) return true;
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

interface Visit {
  value: unknown;
  key: PropertyKey | null;
  parent: Visit | null;
}

/**
 * The path of the first ill-formed string or key. A loop, not recursion: a body may nest 100 000
 * levels deep (an `unknown` field keeps whatever was sent), which would overflow the stack.
 */
function illFormedPath(data: unknown): PropertyKey[] | null {
  const pending: Visit[] = [{ value: data, key: null, parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string' && isIllFormed(value)) return pathOf(visit);
    if (value === null || typeof value !== 'object') continue;
    for (const [key, member] of Object.entries(value)) {
      const child = { value: member, key: Array.isArray(value) ? Number(key) : key, parent: visit };
      if (isIllFormed(key)) return pathOf(child);
      pending.push(child);
    }
  }
  return null;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

function formatPath(location: string, path: readonly PropertyKey[]): string {
  const rendered = path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
  return location === 'json' ? rendered || 'body' : rendered ? `${location}.${rendered}` : location;
}
