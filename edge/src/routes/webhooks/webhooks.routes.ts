import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  json,
  jsonBody,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { EventType } from '../events/events.routes';

const tags = ['Webhooks'];

const SubscribedType = z
  .union([EventType, z.literal('*')])
  .openapi({ description: 'An event type, or `*` for all' });

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(SubscribedType),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookEndpoint');

const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().openapi({
    description: 'Signs every delivery (`Billing-Signature`); shown only by this answer, so keep it now',
    example: 'whsec_…',
  }),
}).openapi('WebhookEndpointWithSecret');

const url = z.string().min(1).max(2048).openapi({
  description:
    'Where events are POSTed: https to a public host (http to 127.0.0.1 or localhost in local development only)',
  example: 'https://example.com/billing/webhooks',
});
const eventTypes = z
  .array(SubscribedType)
  .min(1)
  .max(20)
  .openapi({
    description: 'The event types it receives',
    example: ['statement.closed', 'payment.succeeded'],
  });
const description = z.string().max(500).nullable();

const NewWebhookEndpoint = z
  .strictObject({ url, eventTypes, description: description.optional(), enabled: z.boolean().optional() })
  .openapi('NewWebhookEndpoint');

const WebhookEndpointChanges = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: description.optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('WebhookEndpointChanges');

export const WebhookDelivery = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: EventType,
    state: z.enum(['PENDING', 'SUCCEEDED', 'FAILED']),
    attempts: z.number().int(),
    nextAttemptAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the next try is due; null once it ended' }),
    lastStatus: z.number().int().nullable().openapi({ description: 'The receiver’s last HTTP status' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WebhookDelivery');

export const WebhookAttempt = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    deliveryId: z.string(),
    eventId: z.string(),
    attemptedAt: z.string(),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    responseExcerpt: z
      .string()
      .nullable()
      .openapi({ description: 'The start of the receiver’s answer (1 KiB)' }),
    error: z.string().nullable().openapi({ description: 'Why no answer came (refused, timed out)' }),
    outcome: z.enum(['SUCCEEDED', 'RETRYING', 'FAILED']),
  })
  .openapi('WebhookAttempt');

const EndpointParams = z.object({ endpointId: z.string().min(1).max(100) });

export const createWebhookEndpoint = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints',
  operationId: 'createWebhookEndpoint',
  tags,
  summary: 'Add a receiver of events; its secret is in this answer only',
  description:
    'A URL that may not receive webhooks (not https in production, a private or loopback address, a user ' +
    'name in it) is refused: 422 naming `url` with the rule `webhook-url`. A tenant has at most 16 endpoints ' +
    '(409 `endpoint-limit`).',
  security,
  request: { body: jsonBody(NewWebhookEndpoint) },
  responses: {
    201: json(WebhookEndpointWithSecret, 'The endpoint, with its secret'),
    ...problems(...BODY_PROBLEMS, 409),
  },
});

export const listWebhookEndpoints = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints',
  operationId: 'listWebhookEndpoints',
  tags,
  summary: 'The tenant’s webhook endpoints',
  security,
  request: { query: PaginationQuery },
  responses: {
    200: json(pageOf(WebhookEndpoint, 'WebhookEndpointPage'), 'A page of endpoints'),
    ...problems(400, 401, 422, 429),
  },
});

export const getWebhookEndpoint = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{endpointId}',
  operationId: 'getWebhookEndpoint',
  tags,
  summary: 'One webhook endpoint (without its secret)',
  security,
  request: { params: EndpointParams },
  responses: { 200: json(WebhookEndpoint, 'The endpoint'), ...problems(401, 404, 429) },
});

export const updateWebhookEndpoint = createRoute({
  method: 'patch',
  path: '/v1/webhook-endpoints/{endpointId}',
  operationId: 'updateWebhookEndpoint',
  tags,
  summary: 'Change an endpoint’s URL, event types, description, or switch it off and on',
  description:
    'A disabled endpoint is owed nothing written while it is off; what it was owed before still goes.',
  security,
  request: { params: EndpointParams, body: jsonBody(WebhookEndpointChanges) },
  responses: { 200: json(WebhookEndpoint, 'The endpoint'), ...problems(...BODY_PROBLEMS, 404) },
});

export const deleteWebhookEndpoint = createRoute({
  method: 'delete',
  path: '/v1/webhook-endpoints/{endpointId}',
  operationId: 'deleteWebhookEndpoint',
  tags,
  summary: 'Remove an endpoint, with its pending deliveries and its log of attempts',
  security,
  request: { params: EndpointParams },
  responses: { 204: { description: 'Removed' }, ...problems(401, 404, 429) },
});

export const rotateWebhookSecret = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{endpointId}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags,
  summary: 'Replace an endpoint’s secret; the new one is in this answer only, the old one stops at once',
  security,
  request: { params: EndpointParams },
  responses: {
    200: json(WebhookEndpointWithSecret, 'The endpoint, with its new secret'),
    ...problems(401, 404, 429),
  },
});

export const listWebhookDeliveries = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{endpointId}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags,
  summary: 'What the endpoint is owed and was sent, newest event first',
  security,
  request: { params: EndpointParams, query: PaginationQuery },
  responses: {
    200: json(pageOf(WebhookDelivery, 'WebhookDeliveryPage'), 'A page of deliveries'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const listWebhookAttempts = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{endpointId}/attempts',
  operationId: 'listWebhookAttempts',
  tags,
  summary: 'Every try of the endpoint’s deliveries, newest first',
  security,
  request: {
    params: EndpointParams,
    query: PaginationQuery.extend({
      deliveryId: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Only this delivery’s tries' }),
    }),
  },
  responses: {
    200: json(pageOf(WebhookAttempt, 'WebhookAttemptPage'), 'A page of attempts'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const redeliverWebhook = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{endpointId}/redeliveries',
  operationId: 'redeliverWebhook',
  tags,
  summary: 'Send an event to the endpoint again, now (its retries start over)',
  security,
  request: {
    params: EndpointParams,
    body: jsonBody(z.strictObject({ eventId: z.string().min(1).max(100) }).openapi('WebhookRedelivery')),
  },
  responses: { 202: json(WebhookDelivery, 'The delivery, due now'), ...problems(...BODY_PROBLEMS, 404, 409) },
});
