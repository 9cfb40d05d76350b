import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';

type Parser = { safeParse: (data: unknown) => unknown; safeParseAsync: (data: unknown) => Promise<unknown> };

const patched = new WeakSet<object>();

/**
 * Makes `schema.safeParseAsync` (what Hono's zod validator calls) parse synchronously: zod runs its
 * compiled fast path for objects only in a synchronous parse, so an async one of the calculator's
 * body takes 2.5 times as long for the same answer. Every schema of this API is synchronous; should
 * one ever meet an async refinement, zod throws its async error and the async parse answers instead.
 */
function parseSynchronously(schema: unknown): void {
  if (!(schema instanceof z.ZodType) || patched.has(schema)) return;
  const parser = schema as unknown as Parser;
  const parseAsync = parser.safeParseAsync.bind(schema);
  parser.safeParseAsync = async (data) => {
    try {
      return parser.safeParse(data);
    } catch (error) {
      if (error instanceof z.core.$ZodAsyncError) return parseAsync(data);
      throw error;
    }
  };
  patched.add(schema);
}

/** The request parts Hono's zod validator checks: query, path params, headers, cookies and bodies. */
function requestSchemas(route: RouteConfig): unknown[] {
  const request = route.request;
  if (!request) return [];
  const bodies = Object.values(request.body?.content ?? {}).map((media) =>
    media && 'schema' in media ? media.schema : undefined,
  );
  return [request.query, request.params, request.headers, request.cookies, ...bodies];
}

/** Every route the app registers from here on validates its request synchronously (see above). */
export function validateSynchronously(app: OpenAPIHono<AppEnv>): void {
  const openapi = app.openapi;
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) => {
    for (const schema of requestSchemas(route)) parseSynchronously(schema);
    return (openapi as (...args: unknown[]) => unknown)(route, ...rest);
  }) as typeof app.openapi;
}
