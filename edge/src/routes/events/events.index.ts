import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { handleGetEvent, handleListEvents } from './events.handlers';
import { getEvent, listEvents } from './events.routes';

export function registerEventRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listEvents, handleListEvents);
  app.openapi(getEvent, handleGetEvent);
}
