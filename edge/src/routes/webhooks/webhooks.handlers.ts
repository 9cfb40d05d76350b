import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { pageRequest, pageResponse } from '../../http/pagination';
import { ApiError, notFound } from '../../http/problem';
import { assertWebhookUrl } from '../../services/webhook-url';
import type {
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from '../../storage/ports/webhooks';
import type {
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

type Vars = AppEnv['Variables'];

const endpointToWire = (endpoint: WebhookEndpointRecord) => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description,
  eventTypes: endpoint.eventTypes,
  enabled: endpoint.enabled,
  createdAt: endpoint.createdAt,
  updatedAt: endpoint.updatedAt,
});

const deliveryToWire = (delivery: WebhookDeliveryRecord) => ({
  id: delivery.id,
  endpointId: delivery.endpointId,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  state: delivery.state,
  attempts: delivery.attempts,
  nextAttemptAt: delivery.state === 'PENDING' ? delivery.nextAttemptAt : null,
  lastStatus: delivery.lastStatus,
  createdAt: delivery.createdAt,
  updatedAt: delivery.updatedAt,
});

const attemptToWire = (attempt: WebhookAttemptRecord) => ({ ...attempt });

/** 32 random bytes, base64url, with a prefix that says what it is (and that secret scanners know). */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
}

/** `*` stands for every type, so a list holding it is just `*`; repeats are dropped. */
function subscribed(types: WebhookEndpointRecord['eventTypes']): WebhookEndpointRecord['eventTypes'] {
  return types.includes('*') ? ['*'] : [...new Set(types)];
}

async function requireEndpoint(vars: Vars, endpointId: string): Promise<WebhookEndpointRecord> {
  const endpoint = await vars.storage.getWebhookEndpoint(vars.principal.tenantId, endpointId);
  if (!endpoint) throw notFound('webhook endpoint', endpointId);
  return endpoint;
}

/** Endpoints a tenant may have: each event fans out to all of them inside the write that makes it. */
export const MAX_ENDPOINTS_PER_TENANT = 16;

export const handleCreateWebhookEndpoint: RouteHandler<typeof createWebhookEndpoint, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  assertWebhookUrl(body.url, c.get('config').webhooks);
  const existing = await c
    .get('storage')
    .listWebhookEndpoints(c.get('principal').tenantId, { limit: MAX_ENDPOINTS_PER_TENANT, after: null });
  if (existing.items.length >= MAX_ENDPOINTS_PER_TENANT) {
    throw new ApiError(
      409,
      'endpoint-limit',
      'Too many webhook endpoints',
      `a tenant has at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints; delete one before adding another`,
      { extensions: { limit: String(MAX_ENDPOINTS_PER_TENANT) } },
    );
  }
  const now = c.get('deps').clock().toISOString();
  const endpoint = {
    id: c.get('deps').newId('whe'),
    tenantId: c.get('principal').tenantId,
    // As the URL parser writes it (`https://0x7f000001/` is shown as what it is).
    url: new URL(body.url).href,
    description: body.description ?? null,
    eventTypes: subscribed(body.eventTypes),
    enabled: body.enabled ?? true,
    createdAt: now,
    updatedAt: now,
    secret: newSecret(),
  };
  await c.get('storage').createWebhookEndpoint(endpoint);
  return c.json({ ...endpointToWire(endpoint), secret: endpoint.secret }, 201);
};

export const handleListWebhookEndpoints: RouteHandler<typeof listWebhookEndpoints, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listWebhookEndpoints(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, endpointToWire), 200);
};

export const handleGetWebhookEndpoint: RouteHandler<typeof getWebhookEndpoint, AppEnv> = async (c) => {
  return c.json(endpointToWire(await requireEndpoint(c.var, c.req.valid('param').endpointId)), 200);
};

export const handleUpdateWebhookEndpoint: RouteHandler<typeof updateWebhookEndpoint, AppEnv> = async (c) => {
  const { endpointId } = c.req.valid('param');
  const body = c.req.valid('json');
  if (body.url !== undefined) assertWebhookUrl(body.url, c.get('config').webhooks);
  const updated = await c.get('storage').updateWebhookEndpoint(c.get('principal').tenantId, endpointId, {
    ...(body.url !== undefined ? { url: new URL(body.url).href } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.eventTypes !== undefined ? { eventTypes: subscribed(body.eventTypes) } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
    updatedAt: c.get('deps').clock().toISOString(),
  });
  if (!updated) throw notFound('webhook endpoint', endpointId);
  return c.json(endpointToWire(updated), 200);
};

export const handleDeleteWebhookEndpoint: RouteHandler<typeof deleteWebhookEndpoint, AppEnv> = async (c) => {
  const { endpointId } = c.req.valid('param');
  if (!(await c.get('storage').deleteWebhookEndpoint(c.get('principal').tenantId, endpointId))) {
    throw notFound('webhook endpoint', endpointId);
  }
  return c.body(null, 204);
};

export const handleRotateWebhookSecret: RouteHandler<typeof rotateWebhookSecret, AppEnv> = async (c) => {
  const { endpointId } = c.req.valid('param');
  const secret = newSecret();
  const now = c.get('deps').clock().toISOString();
  const tenantId = c.get('principal').tenantId;
  if (!(await c.get('storage').rotateWebhookSecret(tenantId, endpointId, secret, now))) {
    throw notFound('webhook endpoint', endpointId);
  }
  return c.json({ ...endpointToWire(await requireEndpoint(c.var, endpointId)), secret }, 200);
};

export const handleListWebhookDeliveries: RouteHandler<typeof listWebhookDeliveries, AppEnv> = async (c) => {
  const endpoint = await requireEndpoint(c.var, c.req.valid('param').endpointId);
  const page = await c
    .get('storage')
    .listWebhookDeliveries(endpoint.tenantId, endpoint.id, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, deliveryToWire), 200);
};

export const handleListWebhookAttempts: RouteHandler<typeof listWebhookAttempts, AppEnv> = async (c) => {
  const endpoint = await requireEndpoint(c.var, c.req.valid('param').endpointId);
  const query = c.req.valid('query');
  const page = await c
    .get('storage')
    .listWebhookAttempts(
      endpoint.tenantId,
      endpoint.id,
      query.deliveryId ?? null,
      await pageRequest(c, query),
    );
  return c.json(await pageResponse(c, page, attemptToWire), 200);
};

export const handleRedeliverWebhook: RouteHandler<typeof redeliverWebhook, AppEnv> = async (c) => {
  const { endpointId } = c.req.valid('param');
  const { eventId } = c.req.valid('json');
  const endpoint = await requireEndpoint(c.var, endpointId);
  if (!endpoint.enabled) {
    throw new ApiError(
      409,
      'endpoint-disabled',
      'The endpoint is disabled',
      `webhook endpoint ${endpoint.id} is disabled and receives nothing; enable it before redelivering`,
      { extensions: { endpointId: endpoint.id } },
    );
  }
  const delivery = await c
    .get('storage')
    .redeliver(
      endpoint.tenantId,
      endpoint.id,
      eventId,
      c.get('deps').clock().toISOString(),
      c.get('deps').newId('whd'),
    );
  if (!delivery) throw notFound('event', eventId);
  await c.get('outbox').wrote(endpoint.tenantId);
  return c.json(deliveryToWire(delivery), 202);
};
