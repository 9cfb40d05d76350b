import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleGetJob, handleStartCloseMonthJob } from './jobs.handlers';
import { getJob, startCloseMonthJob } from './jobs.routes';

export function registerJobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(startCloseMonthJob, handleStartCloseMonthJob);
  app.openapi(getJob, handleGetJob);
}
