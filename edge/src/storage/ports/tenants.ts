/** Tenants and their API keys. Keys are looked up by hash only; the plain key is never stored. */

export interface TenantRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewApiKey {
  id: string;
  tenantId: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  /** The id to continue after, or null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** Return items whose id sorts after this one. */
  after: string | null;
}

export interface TenantStore {
  createTenant(tenant: TenantRecord, firstKey: NewApiKey): Promise<void>;
  getTenant(tenantId: string): Promise<TenantRecord | null>;
  createApiKey(key: NewApiKey): Promise<void>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(tenantId: string, page: PageRequest): Promise<Page<ApiKeyRecord>>;
  revokeApiKey(tenantId: string, keyId: string, revokedAt: string): Promise<ApiKeyRecord | null>;
  /** A cheap round trip, for /health. */
  ping(): Promise<void>;
}
