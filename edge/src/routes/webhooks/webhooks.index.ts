import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreateWebhookEndpoint,
  handleDeleteWebhookEndpoint,
  handleGetWebhookEndpoint,
  handleListWebhookAttempts,
  handleListWebhookDeliveries,
  handleListWebhookEndpoints,
  handleRedeliverWebhook,
  handleRotateWebhookSecret,
  handleUpdateWebhookEndpoint,
} from './webhooks.handlers';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './webhooks.routes';

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createWebhookEndpoint, handleCreateWebhookEndpoint);
  app.openapi(listWebhookEndpoints, handleListWebhookEndpoints);
  app.openapi(getWebhookEndpoint, handleGetWebhookEndpoint);
  app.openapi(updateWebhookEndpoint, handleUpdateWebhookEndpoint);
  app.openapi(deleteWebhookEndpoint, handleDeleteWebhookEndpoint);
  app.openapi(rotateWebhookSecret, handleRotateWebhookSecret);
  app.openapi(listWebhookDeliveries, handleListWebhookDeliveries);
  app.openapi(listWebhookAttempts, handleListWebhookAttempts);
  app.openapi(redeliverWebhook, handleRedeliverWebhook);
}
