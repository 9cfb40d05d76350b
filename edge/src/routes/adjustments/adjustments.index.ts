import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreateAdjustment,
  handleDeleteAdjustment,
  handleListAdjustments,
} from './adjustments.handlers';
import { createAdjustment, deleteAdjustment, listAdjustments } from './adjustments.routes';

export function registerAdjustmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createAdjustment, handleCreateAdjustment);
  app.openapi(listAdjustments, handleListAdjustments);
  app.openapi(deleteAdjustment, handleDeleteAdjustment);
}
