'use server';

import { redirect } from 'next/navigation';
import { call, edge } from '@/api/client';
import type { Problem } from '@/api/types';

export interface StartJobState {
  problem: Problem | null;
}

/** Starts (or joins, while one runs) the month-end batch for a month, then opens its job page. */
export async function startCloseMonthJob(_previous: StartJobState, form: FormData): Promise<StartJobState> {
  const client = await edge();
  const month = String(form.get('month') ?? '').trim();
  const started = await call(() => client.POST('/v1/jobs/close-month', { body: { month } }));
  if (!started.ok) return { problem: started.problem };
  redirect(`/jobs/${started.data.id}`);
}
