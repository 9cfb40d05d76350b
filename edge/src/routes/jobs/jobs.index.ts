import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleGetJob, handleListJobs, handleStartCloseMonthJob } from './jobs.handlers';
import { getJob, listJobs, startCloseMonthJob } from './jobs.routes';

export function registerJobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(startCloseMonthJob, handleStartCloseMonthJob);
  app.openapi(listJobs, handleListJobs);
  app.openapi(getJob, handleGetJob);
}
