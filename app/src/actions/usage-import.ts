'use server';

import { revalidatePath } from 'next/cache';
import { call, edge } from '@/api/client';
import type { UsageEventInput, UsageEventVerdict } from '@/api/types';

/** The API's largest batch. */
const BATCH_SIZE = 1000;

/**
 * Sends the events in batches and answers a verdict per event, in their order. A batch of exactly one
 * event answers as that event (a 409 or 422 problem), which becomes that event's refusal here.
 */
export async function importUsage(
  billingGroupId: string,
  events: UsageEventInput[],
): Promise<UsageEventVerdict[]> {
  const client = await edge();
  const verdicts: UsageEventVerdict[] = [];
  for (let start = 0; start < events.length; start += BATCH_SIZE) {
    const batch = events.slice(start, start + BATCH_SIZE);
    const answered = await call(() =>
      client.POST('/v1/billing-groups/{billingGroupId}/usage-events', {
        params: { path: { billingGroupId } },
        body: { events: batch },
      }),
    );
    if (answered.ok) {
      verdicts.push(
        ...answered.data.verdicts.map((verdict) => ({ ...verdict, index: verdict.index + start })),
      );
      continue;
    }
    const { problem } = answered;
    const reason = problem.type.replace('/problems/', '');
    for (const [offset, event] of batch.entries()) {
      verdicts.push({
        index: start + offset,
        eventId: event.eventId ?? null,
        verdict: 'rejected',
        ...(reason === 'conflict' || reason === 'period-closed' || reason === 'inconsistent-series'
          ? { reason }
          : { reason: 'invalid' as const }),
        message: problem.detail || problem.title,
        issues: problem.errors?.map(({ field, rule, message }) => ({ field, rule, message })),
      });
    }
  }
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return verdicts;
}
