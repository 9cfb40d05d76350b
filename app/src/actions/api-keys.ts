'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { ApiKey, CreatedApiKey } from '@/api/types';

export interface NewApiKeyRequest {
  name: string;
  /** Empty: the edge's default. */
  rateLimitPerMinute: string;
}

/** Creates a key; the answer carries the full key, which the page shows this once and never stores. */
export async function createApiKey(request: NewApiKeyRequest): Promise<EdgeResult<CreatedApiKey>> {
  const client = await edge();
  const rate = request.rateLimitPerMinute.trim();
  const created = await call(() =>
    client.POST('/v1/api-keys', {
      body: { name: request.name.trim(), ...(rate ? { rateLimitPerMinute: Number(rate) } : {}) },
    }),
  );
  if (created.ok) revalidatePath('/settings/api-keys');
  return created;
}

export async function revokeApiKey(keyId: string): Promise<EdgeResult<ApiKey>> {
  const client = await edge();
  const revoked = await call(() => client.DELETE('/v1/api-keys/{keyId}', { params: { path: { keyId } } }));
  if (revoked.ok) revalidatePath('/settings/api-keys');
  return revoked;
}
