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

/** Zod issues as the engine's issues: a dotted/bracketed field path and a rule named by the check. */
export function zodIssues(error: ZodError, location: string): ApiError {
  return validationFailed(
    error.issues.map((issue) => ({
      field: formatPath(location, issue.path),
      rule: issue.code,
      message: issue.message,
    })),
  );
}

function formatPath(location: string, path: readonly PropertyKey[]): string {
  const rendered = path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
  return location === 'json' ? rendered || 'body' : rendered ? `${location}.${rendered}` : location;
}
