import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleAdvanceTestClock,
  handleCreateTestClock,
  handleDeleteTestClock,
  handleGetTestClock,
  handleListTestClocks,
} from './test-clocks.handlers';
import {
  advanceTestClock,
  createTestClock,
  deleteTestClock,
  getTestClock,
  listTestClocks,
} from './test-clocks.routes';

export function registerTestClockRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createTestClock, handleCreateTestClock);
  app.openapi(listTestClocks, handleListTestClocks);
  app.openapi(getTestClock, handleGetTestClock);
  app.openapi(advanceTestClock, handleAdvanceTestClock);
  app.openapi(deleteTestClock, handleDeleteTestClock);
}
