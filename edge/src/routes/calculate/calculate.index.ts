import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleCalculateStatement } from './calculate.handlers';
import { calculateStatement } from './calculate.routes';

export function registerCalculateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(calculateStatement, handleCalculateStatement);
}
