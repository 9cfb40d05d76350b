'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { TestClock } from '@/api/types';

/**
 * Creates a clock frozen at `frozenTime` (an ISO instant in UTC, or '' when the form's date is not
 * complete: the edge then refuses `frozenTime` and the form says so beside it).
 */
export async function createTestClock(request: {
  name: string;
  frozenTime: string;
}): Promise<EdgeResult<TestClock>> {
  const client = await edge();
  const name = request.name.trim();
  const created = await call(() =>
    client.POST('/v1/test-clocks', {
      body: { frozenTime: request.frozenTime, ...(name ? { name } : {}) },
    }),
  );
  if (created.ok) revalidatePath('/test-clocks');
  return created;
}

/**
 * Starts moving a clock forward to `to`; the answer is the clock ADVANCING. The page then re-reads it
 * until it is READY. Groups on the clock read their time on every page, so those are read again too.
 */
export async function advanceTestClock(testClockId: string, to: string): Promise<EdgeResult<TestClock>> {
  const client = await edge();
  const started = await call(() =>
    client.POST('/v1/test-clocks/{testClockId}/advance', {
      params: { path: { testClockId } },
      body: { to },
    }),
  );
  if (started.ok) {
    revalidatePath('/test-clocks');
    revalidatePath('/billing-groups', 'layout');
  }
  return started;
}

/** Deletes a clock; the edge refuses (409 test-clock-in-use) while billing groups live on it. */
export async function deleteTestClock(testClockId: string): Promise<EdgeResult<null>> {
  const client = await edge();
  const deleted = await call(() =>
    client.DELETE('/v1/test-clocks/{testClockId}', { params: { path: { testClockId } } }),
  );
  if (!deleted.ok) return deleted;
  revalidatePath('/test-clocks');
  return { ok: true, data: null };
}
