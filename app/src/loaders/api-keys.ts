import 'server-only';
import { call, type EdgeResult, edge } from '@/api/client';
import type { ApiKey } from '@/api/types';
import { readApiKey } from '@/lib/session';

export interface ApiKeysView {
  keys: ApiKey[];
  /** The key this session signs in with, recognised by its prefix; null when none matches. */
  currentKeyId: string | null;
}

/** Every API key of the tenant (all pages), and which one this session uses. */
export async function loadApiKeys(): Promise<EdgeResult<ApiKeysView>> {
  const client = await edge();
  const keys: ApiKey[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(() => client.GET('/v1/api-keys', { params: { query: { limit: 100, cursor } } }));
    if (!page.ok) return page;
    keys.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  const sessionKey = (await readApiKey()) ?? '';
  const current = keys.find((key) => !key.revokedAt && sessionKey.startsWith(key.keyPrefix));
  return { ok: true, data: { keys, currentKeyId: current?.id ?? null } };
}
