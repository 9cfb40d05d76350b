import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { generateApiKey, sha256Hex } from '../../http/hash';
import { pageRequest, pageResponse } from '../../http/pagination';
import { notFound } from '../../http/problem';
import type { ApiKeyRecord, NewApiKey } from '../../storage/ports/tenants';
import type {
  createApiKey,
  createTenant,
  getCurrentTenant,
  listApiKeys,
  revokeApiKey,
} from './tenants.routes';

function toWire(key: ApiKeyRecord) {
  return {
    id: key.id,
    name: key.name,
    keyPrefix: key.keyPrefix,
    rateLimitPerMinute: key.rateLimitPerMinute,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}

async function newKey(
  vars: Pick<AppEnv['Variables'], 'deps' | 'config'>,
  tenantId: string,
  request: { name?: string | undefined; rateLimitPerMinute?: number | undefined },
) {
  const key = generateApiKey();
  const record: NewApiKey = {
    id: vars.deps.newId('key'),
    tenantId,
    name: request.name ?? 'default',
    keyHash: await sha256Hex(key),
    keyPrefix: key.slice(0, 10),
    rateLimitPerMinute: request.rateLimitPerMinute ?? vars.config.defaultRateLimitPerMinute,
    createdAt: vars.deps.clock().toISOString(),
  };
  return { key, record };
}

export const handleCreateTenant: RouteHandler<typeof createTenant, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const tenant = {
    id: c.get('deps').newId('tnt'),
    name: body.name,
    createdAt: c.get('deps').clock().toISOString(),
  };
  const { key, record } = await newKey(c.var, tenant.id, body.apiKey ?? {});
  await c.get('storage').createTenant(tenant, record);
  return c.json({ tenant, apiKey: { ...toWire({ ...record, revokedAt: null }), key } }, 201);
};

export const handleGetCurrentTenant: RouteHandler<typeof getCurrentTenant, AppEnv> = async (c) => {
  const tenant = await c.get('storage').getTenant(c.get('principal').tenantId);
  if (!tenant) throw notFound('tenant', c.get('principal').tenantId);
  return c.json(tenant, 200);
};

export const handleCreateApiKey: RouteHandler<typeof createApiKey, AppEnv> = async (c) => {
  const { key, record } = await newKey(c.var, c.get('principal').tenantId, c.req.valid('json'));
  await c.get('storage').createApiKey(record);
  return c.json({ ...toWire({ ...record, revokedAt: null }), key }, 201);
};

export const handleListApiKeys: RouteHandler<typeof listApiKeys, AppEnv> = async (c) => {
  const page = await c
    .get('storage')
    .listApiKeys(c.get('principal').tenantId, await pageRequest(c, c.req.valid('query')));
  return c.json(await pageResponse(c, page, toWire), 200);
};

export const handleRevokeApiKey: RouteHandler<typeof revokeApiKey, AppEnv> = async (c) => {
  const { keyId } = c.req.valid('param');
  const key = await c
    .get('storage')
    .revokeApiKey(c.get('principal').tenantId, keyId, c.get('deps').clock().toISOString());
  if (!key) throw notFound('API key', keyId);
  return c.json(toWire(key), 200);
};
