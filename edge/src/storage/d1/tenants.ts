import type { ApiKeyRecord, NewApiKey, TenantStore } from '../ports/tenants';
import { afterParams, pageOf } from './paging';

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  key_prefix: string;
  rate_limit_per_minute: number;
  created_at: string;
  revoked_at: string | null;
}

const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  keyPrefix: row.key_prefix,
  rateLimitPerMinute: row.rate_limit_per_minute,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

const API_KEY_COLUMNS = 'id, tenant_id, name, key_prefix, rate_limit_per_minute, created_at, revoked_at';

export function d1TenantStore(db: D1Database): TenantStore {
  const insertKey = (key: NewApiKey) =>
    db
      .prepare(
        `INSERT INTO api_keys (id, tenant_id, name, key_hash, key_prefix, rate_limit_per_minute, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        key.id,
        key.tenantId,
        key.name,
        key.keyHash,
        key.keyPrefix,
        key.rateLimitPerMinute,
        key.createdAt,
      );

  return {
    async createTenant(tenant, firstKey) {
      await db.batch([
        db
          .prepare('INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)')
          .bind(tenant.id, tenant.name, tenant.createdAt),
        insertKey(firstKey),
      ]);
    },
    async getTenant(tenantId) {
      const row = await db
        .prepare('SELECT id, name, created_at FROM tenants WHERE id = ?')
        .bind(tenantId)
        .first<{ id: string; name: string; created_at: string }>();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },
    async createApiKey(key) {
      await insertKey(key).run();
    },
    async findApiKeyByHash(keyHash) {
      const row = await db
        .prepare(`SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE key_hash = ?`)
        .bind(keyHash)
        .first<ApiKeyRow>();
      return row && toApiKey(row);
    },
    async listApiKeys(tenantId, page) {
      const { results } = await db
        .prepare(`SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?`)
        .bind(tenantId, ...afterParams(page))
        .all<ApiKeyRow>();
      return pageOf(results.map(toApiKey), page);
    },
    async revokeApiKey(tenantId, keyId, revokedAt) {
      const row = await db
        .prepare(
          `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE tenant_id = ? AND id = ?
           RETURNING ${API_KEY_COLUMNS}`,
        )
        .bind(revokedAt, tenantId, keyId)
        .first<ApiKeyRow>();
      return row && toApiKey(row);
    },
    async ping() {
      await db.prepare('SELECT 1').first();
    },
  };
}
