import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreateApiKey,
  handleCreateTenant,
  handleGetCurrentTenant,
  handleListApiKeys,
  handleRevokeApiKey,
} from './tenants.handlers';
import { createApiKey, createTenant, getCurrentTenant, listApiKeys, revokeApiKey } from './tenants.routes';

export function registerTenantRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createTenant, handleCreateTenant);
  app.openapi(getCurrentTenant, handleGetCurrentTenant);
  app.openapi(createApiKey, handleCreateApiKey);
  app.openapi(listApiKeys, handleListApiKeys);
  app.openapi(revokeApiKey, handleRevokeApiKey);
}
