import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { notFound } from '../../edge/src/lib/problem';
import {
  createApiKey,
  createTenant,
  getCurrentTenant,
  listApiKeys,
  revokeApiKey,
} from '../../edge/src/routes/tenants/tenants.routes';
import type { Call } from '../src/operation';
import { type ApiKeyRecord, pageById, TenantData } from '../src/store';
import type { Kit } from './kit';

const keyToWire = (key: ApiKeyRecord) => ({
  id: key.id,
  name: key.name,
  keyPrefix: key.keyPrefix,
  rateLimitPerMinute: key.rateLimitPerMinute,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt,
});

/** A new key, shown once: a readable prefix and 32 random bytes, base64url, as the edge makes them. */
function issueKey(
  call: Call<unknown>,
  tenantId: string,
  request: { name?: string | undefined; rateLimitPerMinute?: number | undefined },
) {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = `bk_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
  const record: ApiKeyRecord = {
    id: call.newId('key'),
    tenantId,
    name: request.name ?? 'default',
    keyPrefix: key.slice(0, 10),
    rateLimitPerMinute: request.rateLimitPerMinute ?? call.config.defaultRateLimitPerMinute,
    createdAt: call.now(),
    revokedAt: null,
  };
  call.world.apiKeys.set(key, record);
  return { ...keyToWire(record), key };
}

export function tenantHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/tenants',
      operation('createTenant', createTenant, (call, { response }) => {
        const body = call.input.body;
        const tenant = { id: call.newId('tnt'), name: body.name, createdAt: call.now() };
        call.world.tenants.set(tenant.id, { tenant, data: new TenantData() });
        const apiKey = issueKey(call, tenant.id, body.apiKey ?? {});
        return response(201).json({ tenant, apiKey });
      }),
    ),
    http.get(
      '/v1/tenant',
      operation('getCurrentTenant', getCurrentTenant, (call, { response }) => {
        const entry = call.world.tenants.get(call.tenantId);
        if (!entry) throw notFound('tenant', call.tenantId);
        return response(200).json(entry.tenant);
      }),
    ),
    http.post(
      '/v1/api-keys',
      operation('createApiKey', createApiKey, (call, { response }) =>
        response(201).json(issueKey(call, call.tenantId, call.input.body)),
      ),
    ),
    http.get(
      '/v1/api-keys',
      operation('listApiKeys', listApiKeys, (call, { response }) => {
        const keys = [...call.world.apiKeys.values()].filter((key) => key.tenantId === call.tenantId);
        return response(200).json(pageResponse(pageById(keys, pageRequest(call.input.query)), keyToWire));
      }),
    ),
    http.delete(
      '/v1/api-keys/{keyId}',
      operation('revokeApiKey', revokeApiKey, (call, { response }) => {
        const { keyId } = call.input.params;
        const key = [...call.world.apiKeys.values()].find(
          (candidate) => candidate.id === keyId && candidate.tenantId === call.tenantId,
        );
        if (!key) throw notFound('API key', keyId);
        key.revokedAt ??= call.now();
        return response(200).json(keyToWire(key));
      }),
    ),
  ];
}
