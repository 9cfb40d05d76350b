import { ConflictError, ValidationError } from '@billing/engine';
import { ApiError, problemType, validationFailed } from '../../edge/src/lib/problem';

/**
 * Errors become problem+json exactly as the edge's `handleError` maps them: ApiError as thrown,
 * the engine's ValidationError as a 422 naming each field and rule, its ConflictError as a 409 with
 * its code as the problem type, and anything else as a 500 that reveals nothing.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ValidationError) return validationFailed([...error.issues]);
  if (error instanceof ConflictError) {
    return new ApiError(409, error.code, 'The request conflicts with the current state', error.message, {
      extensions: { ...error.details },
    });
  }
  console.error(`[mock] unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  return internalError();
}

export const internalError = () =>
  new ApiError(
    500,
    'internal-error',
    'Internal error',
    'the server failed to answer; quote the request id when reporting it',
  );

/** An RFC 9457 problem response with the edge's fields, headers included. */
export function problemResponse(
  error: ApiError,
  request: Request,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const body = {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: new URL(request.url).pathname,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { ...headers, 'Content-Type': 'application/problem+json', ...error.headers },
  });
}
