import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleGetMonthlyUsage, handleIngestUsageEvents, handleListUsageEvents } from './usage.handlers';
import { getMonthlyUsage, ingestUsageEvents, listUsageEvents, UsageEventInput } from './usage.routes';

export function registerUsageRoutes(app: OpenAPIHono<AppEnv>): void {
  // Referenced by the batch body's items, which the engine (not zod) checks one by one.
  app.openAPIRegistry.register('UsageEventInput', UsageEventInput);
  app.openapi(ingestUsageEvents, handleIngestUsageEvents);
  app.openapi(listUsageEvents, handleListUsageEvents);
  app.openapi(getMonthlyUsage, handleGetMonthlyUsage);
}
