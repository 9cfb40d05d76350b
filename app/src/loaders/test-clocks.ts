import 'server-only';
import { cache } from 'react';
import { call, type EdgeResult, edge } from '@/api/client';
import type { TestClock } from '@/api/types';

/**
 * Every test clock of the tenant (all pages), oldest first (ties by name). Cached for the request:
 * the billing-group form and the clocks page may both ask in one render.
 */
export const loadTestClocks = cache(async (): Promise<EdgeResult<TestClock[]>> => {
  const client = await edge();
  const clocks: TestClock[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(() =>
      client.GET('/v1/test-clocks', { params: { query: { limit: 100, cursor } } }),
    );
    if (!page.ok) return page;
    clocks.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  clocks.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  return { ok: true, data: clocks };
});

/** One test clock: its time, status and the progress of its advance. */
export const loadTestClock = cache(async (testClockId: string) => {
  const client = await edge();
  return call(() => client.GET('/v1/test-clocks/{testClockId}', { params: { path: { testClockId } } }));
});
