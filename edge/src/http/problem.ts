import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One broken rule of a request, as the engine names them: the field path, the rule, a sentence. */
export interface ProblemIssue {
  field: string;
  rule: string;
  message: string;
}

/** An RFC 9457 (formerly 7807) problem details body. `type` is stable: clients branch on it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemIssue[];
  [extension: string]: unknown;
}

/** Problem types are relative URI references under /problems, one per kind of failure. */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** An error a handler throws to answer with a problem; `onError` turns it into the response. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: ProblemIssue[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    options: {
      errors?: ProblemIssue[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, 'not-found', 'Not found', `${what} ${id} does not exist`);

export const validationFailed = (errors: ProblemIssue[]) =>
  new ApiError(
    422,
    'validation-error',
    'The request is not valid',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    {
      errors,
    },
  );

export function problemResponse(c: Context, error: ApiError): Response {
  const body: Problem = {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') as string | undefined,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
  // Hono carries headers that middleware already set (request id, CORS, rate limit) onto this response.
  return c.newResponse(JSON.stringify(body), error.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...error.headers,
  });
}
