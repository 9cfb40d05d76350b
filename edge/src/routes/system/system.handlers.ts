import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { ApiError } from '../../http/problem';
import type { health } from './system.routes';

export const getHealth: RouteHandler<typeof health, AppEnv> = async (c) => {
  try {
    await c.get('storage').ping();
  } catch {
    throw new ApiError(503, 'unavailable', 'Service unavailable', 'the database does not answer');
  }
  return c.json(
    { status: 'ok' as const, checks: { database: 'ok' as const }, time: c.get('deps').clock().toISOString() },
    200,
  );
};
