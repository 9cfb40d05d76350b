import { ApiError } from '../../edge/src/lib/problem';
import type { Kit } from './kit';

/**
 * Any other request under /v1 answers as the edge's: the API key is checked first (401), then the
 * route is not found (404), both problem+json. Registered last, so it never shadows an operation.
 */
export function fallbackHandlers({ http, operation, runtime }: Kit) {
  const notFound = operation('(no such route)', null, () => {
    throw new ApiError(404, 'not-found', 'Not found', 'no such route');
  });
  runtime.operationIds.delete('(no such route)');
  return [http.untyped.all(`${runtime.config.baseUrl}/v1/*`, notFound)];
}
