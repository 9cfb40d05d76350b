import { createRoute, z } from '@hono/zod-openapi';
import {
  AUTHENTICATED_PROBLEMS,
  BODY_PROBLEMS,
  json,
  jsonBody,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';

export const Tenant = z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).openapi('Tenant');

export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    keyPrefix: z.string().openapi({ description: 'The first characters of the key, to recognise it' }),
    rateLimitPerMinute: z.number().int(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

/** Returned once, at creation: the plain key is never stored or shown again. */
export const CreatedApiKey = ApiKey.extend({ key: z.string() }).openapi('CreatedApiKey');

const NewApiKeyBody = z.strictObject({
  name: z.string().min(1).max(100),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).optional(),
});

export const createTenant = createRoute({
  method: 'post',
  path: '/v1/tenants',
  operationId: 'createTenant',
  tags: ['Tenants'],
  summary: 'Create a tenant and its first API key (admin key required)',
  security,
  request: {
    body: jsonBody(
      z
        .strictObject({ name: z.string().min(1).max(200), apiKey: NewApiKeyBody.partial().optional() })
        .openapi('NewTenant'),
    ),
  },
  responses: {
    201: json(
      z.object({ tenant: Tenant, apiKey: CreatedApiKey }).openapi('CreatedTenant'),
      'The tenant and its key',
    ),
    ...problems(400, 401, 413, 415, 422),
  },
});

export const getCurrentTenant = createRoute({
  method: 'get',
  path: '/v1/tenant',
  operationId: 'getCurrentTenant',
  tags: ['Tenants'],
  summary: 'The tenant of the calling API key',
  security,
  responses: { 200: json(Tenant, 'The caller’s tenant'), ...problems(...AUTHENTICATED_PROBLEMS) },
});

export const createApiKey = createRoute({
  method: 'post',
  path: '/v1/api-keys',
  operationId: 'createApiKey',
  tags: ['Tenants'],
  summary: 'Create another API key for the caller’s tenant',
  security,
  request: { body: jsonBody(NewApiKeyBody.openapi('NewApiKey')) },
  responses: { 201: json(CreatedApiKey, 'The key, shown this once'), ...problems(...BODY_PROBLEMS) },
});

export const listApiKeys = createRoute({
  method: 'get',
  path: '/v1/api-keys',
  operationId: 'listApiKeys',
  tags: ['Tenants'],
  summary: 'The tenant’s API keys (never the keys themselves)',
  security,
  request: { query: PaginationQuery },
  responses: { 200: json(pageOf(ApiKey, 'ApiKeyPage'), 'A page of keys'), ...problems(400, 401, 422, 429) },
});

export const revokeApiKey = createRoute({
  method: 'delete',
  path: '/v1/api-keys/{keyId}',
  operationId: 'revokeApiKey',
  tags: ['Tenants'],
  summary: 'Revoke an API key; it answers 401 from then on',
  security,
  request: { params: z.object({ keyId: z.string().min(1).max(100) }) },
  responses: { 200: json(ApiKey, 'The revoked key'), ...problems(401, 404, 429) },
});
