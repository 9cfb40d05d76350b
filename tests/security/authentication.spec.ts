import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY } from '../support/edge-server';
import { plausibleRequest } from './support/fuzz-cases';
import { mapConcurrently, problemDefect, type RawHttp, type RawResponse } from './support/http';
import { OPERATIONS, type Operation } from './support/operations';
import type { TenantIds } from './support/plausible';

/**
 * Every operation that takes a tenant's API key (from edge/openapi.json: `security` non-empty; the
 * admin-only createTenant is checked on its own) refuses a request without a valid, live key with
 * 401 problem+json, before it reads, validates or changes anything.
 */

const TENANT_OPERATIONS = OPERATIONS.filter((operation) => operation.access === 'tenant-key');
const ADMIN_OPERATIONS = OPERATIONS.filter((operation) => operation.access === 'admin-key');

function unauthorizedDefect(response: RawResponse): string | null {
  if (response.status !== 401) return `answered ${response.status}: ${response.text.slice(0, 200)}`;
  const defect = problemDefect(response);
  if (defect) return defect;
  if ((response.json as { type?: string }).type !== '/problems/unauthorized')
    return 'problem type is not unauthorized';
  if (!/^Bearer/.test(response.headers.get('www-authenticate') ?? '')) return 'no WWW-Authenticate: Bearer';
  return null;
}

async function refusals(
  rawHttp: RawHttp,
  operations: readonly Operation[],
  ids: TenantIds,
  credentials: Record<string, string | null>,
): Promise<string[]> {
  const attempts = operations.flatMap((operation) =>
    Object.entries(credentials).map(([label, authorization], index) => ({
      operation,
      label,
      authorization,
      index,
    })),
  );
  const outcomes = await mapConcurrently(attempts, 6, async ({ operation, label, authorization, index }) => {
    const context = { ids, apiKey: null, unique: `auth-${operation.operationId}` };
    const request = plausibleRequest(operation, context, { index, authorization });
    const defect = unauthorizedDefect(await rawHttp.send(request));
    return defect && `${operation.operationId} with ${label}: ${defect}`;
  });
  return outcomes.filter((outcome): outcome is string => outcome !== null);
}

test.describe('authentication: no valid key, no access', () => {
  test('every tenant operation answers 401 problem+json to a missing, malformed, unknown or revoked key', async ({
    tenantsWithResources,
    rawHttp,
    securitySummary,
  }) => {
    test.setTimeout(90_000);
    const tenant = await tenantsWithResources.create();
    const revoked = await tenant.api.create<{ id: string; key: string }>('/v1/api-keys', {
      name: 'to revoke',
    });
    await test.step('revoke a key', async () => {
      expect((await tenant.api.delete(`/v1/api-keys/${revoked.id}`)).status()).toBe(200);
    });
    const credentials: Record<string, string | null> = {
      'no Authorization header': null,
      'an empty header': '',
      'the scheme alone': 'Bearer',
      'a Basic credential': `Basic ${Buffer.from(`${tenant.apiKey}:`).toString('base64')}`,
      'a lower-case scheme': `bearer ${tenant.apiKey}`,
      'two keys': `Bearer ${tenant.apiKey} ${tenant.apiKey}`,
      'a key with a quote': `Bearer ${tenant.apiKey}'`,
      'an unknown key': `Bearer bk_${'A'.repeat(43)}`,
      'a truncated key': `Bearer ${tenant.apiKey.slice(0, -1)}`,
      'the key prefix alone': `Bearer ${tenant.apiKey.slice(0, 11)}`,
      'a revoked key': `Bearer ${revoked.key}`,
      'the admin key': `Bearer ${ADMIN_API_KEY}`,
    };

    const failures =
      await test.step(`call ${TENANT_OPERATIONS.length} operations with ${Object.keys(credentials).length} bad credentials`, () =>
        refusals(rawHttp, TENANT_OPERATIONS, tenant.ids, credentials));

    securitySummary.include(
      'authentication',
      'operations',
      TENANT_OPERATIONS.map((operation) => operation.operationId),
    );
    securitySummary.count(
      'authentication',
      'requests',
      TENANT_OPERATIONS.length * Object.keys(credentials).length,
    );
    expect(failures).toEqual([]);
  });

  test('tenant creation takes the admin key only: a tenant key, a wrong or no key is a 401', async ({
    tenantsWithResources,
    rawHttp,
    securitySummary,
  }) => {
    const tenant = await tenantsWithResources.create();
    const failures = await refusals(rawHttp, ADMIN_OPERATIONS, tenant.ids, {
      'no Authorization header': null,
      'a tenant key': `Bearer ${tenant.apiKey}`,
      'a wrong admin key': `Bearer ${ADMIN_API_KEY}x`,
      'the admin key cut short': `Bearer ${ADMIN_API_KEY.slice(0, -1)}`,
    });
    securitySummary.include(
      'authentication',
      'operations',
      ADMIN_OPERATIONS.map((operation) => operation.operationId),
    );
    expect(ADMIN_OPERATIONS.map((operation) => operation.operationId)).toEqual(['createTenant']);
    expect(failures).toEqual([]);
  });

  test('a key stops working the moment it is revoked, and only that key', async ({
    createTenant,
    rawHttp,
  }) => {
    const tenant = await createTenant();
    const doomed = await tenant.api.create<{ id: string; key: string }>('/v1/api-keys', { name: 'doomed' });
    expect((await rawHttp.json('GET', '/v1/tenant', doomed.key)).status).toBe(200);
    expect((await tenant.api.delete(`/v1/api-keys/${doomed.id}`)).status()).toBe(200);
    expect(unauthorizedDefect(await rawHttp.json('GET', '/v1/tenant', doomed.key))).toBeNull();
    expect((await rawHttp.json('GET', '/v1/tenant', tenant.apiKey)).status).toBe(200);
  });

  test('API keys are shown once: listing them reveals no key or hash', async ({ createTenant }) => {
    const tenant = await createTenant();
    const created = await tenant.api.create<{ key: string }>('/v1/api-keys', { name: 'listed' });
    const listed = JSON.stringify(await tenant.api.read('/v1/api-keys?limit=100'));
    expect(listed).not.toContain(created.key);
    expect(listed).not.toContain(tenant.apiKey);
    expect(listed).not.toMatch(/hash/i);
  });
});
