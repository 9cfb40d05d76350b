import { ADMIN_API_KEY } from '../../support/edge-server';
import type { RawHttp } from './http';
import type { Reader } from './ledger';

/** A tenant on an edge of a test's own (crash tests restart it: `onEdge` moves the tenant along). */
export interface EdgeTenant {
  http: RawHttp;
  key: string;
  read: Reader;
}

/** A tenant created with the admin key, with a rate limit no test reaches. */
export async function createEdgeTenant(http: RawHttp, name: string): Promise<EdgeTenant> {
  const created = await http.json('POST', '/v1/tenants', ADMIN_API_KEY, {
    name,
    apiKey: { name, rateLimitPerMinute: 100_000 },
  });
  if (created.status !== 201)
    throw new Error(`creating a tenant answered ${created.status}: ${created.text}`);
  const key = (created.json as { apiKey: { key: string } }).apiKey.key;
  return { http, key, read: readerOf(http, key) };
}

/** The same tenant through another connection (the edge restarted on the same database). */
export function onEdge(tenant: EdgeTenant, http: RawHttp): EdgeTenant {
  return { ...tenant, http, read: readerOf(http, tenant.key) };
}

/** A POST that must answer one of `expected`, else fails naming what came back. */
export async function postAs(
  tenant: EdgeTenant,
  path: string,
  body: unknown,
  expected: number[] = [200, 201, 202],
): Promise<Record<string, unknown>> {
  const response = await tenant.http.json('POST', path, tenant.key, body);
  if (!expected.includes(response.status)) {
    throw new Error(`POST ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return response.json as Record<string, unknown>;
}

function readerOf(http: RawHttp, key: string): Reader {
  return async <T>(path: string) => {
    const response = await http.json('GET', path, key);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
    return response.json as T;
  };
}
