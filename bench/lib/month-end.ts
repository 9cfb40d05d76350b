import { performance } from 'node:perf_hooks';
import type { components } from '@billing/edge/api-types';
import { type BenchApi, inParallel } from './api';
import { standardEvents } from './standard';

/** `GET /v1/jobs/{id}`: a month-end close-month job, as edge/openapi.json's `Job` defines it. */
export type Job = components['schemas']['Job'];

const SETUP_CONCURRENCY = 16;
const GIVE_UP_SECONDS = 300;
/** Past the default 30 s job lease: a job this long without progress is resumed by the next POST. */
const STALLED_SECONDS = 35;

/**
 * `groups` new billing groups of the tenant, each with the standard statement's 20 usage lines in
 * `month` (one batch per group). Returns the number of usage lines per group.
 */
export async function setUpMonthEnd(api: BenchApi, groups: number, month: string): Promise<number> {
  const events = standardEvents(month, 'close');
  await inParallel(
    Array.from({ length: groups }, (_, index) => index),
    SETUP_CONCURRENCY,
    async (index) => {
      const group = await api.post<{ id: string }>('/v1/billing-groups', { name: `month-end ${index}` });
      const ingested = await api.post<{ counts: { accepted: number } }>(
        `/v1/billing-groups/${group.id}/usage-events`,
        { events },
      );
      if (ingested.counts.accepted !== events.length) throw new Error(`group ${group.id}: events refused`);
    },
  );
  return events.length;
}

/**
 * Starts `POST /v1/jobs/close-month` and polls the job until it ends. A job whose progress stands
 * still past its lease lost its worker (wrangler reloads the worker when a source file changes):
 * POSTing the month again resumes it, as a client of the API would; the resumes are counted.
 */
export async function closeMonth(
  api: BenchApi,
  month: string,
  log: (message: string) => void = () => {},
): Promise<{ job: Job; resumes: number; seconds: number }> {
  const started = performance.now();
  const deadline = started + GIVE_UP_SECONDS * 1000;
  let job = await api.post<Job>('/v1/jobs/close-month', { month });
  let resumes = 0;
  let lastProgress = { updatedAt: job.updatedAt, seenAt: performance.now() };
  while (job.status === 'RUNNING') {
    if (performance.now() > deadline) throw new Error(`the job was still running after ${GIVE_UP_SECONDS} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await api.get<Job>(`/v1/jobs/${job.id}`);
    if (job.updatedAt !== lastProgress.updatedAt) {
      lastProgress = { updatedAt: job.updatedAt, seenAt: performance.now() };
    } else if (performance.now() - lastProgress.seenAt > STALLED_SECONDS * 1000) {
      log(`the job made no progress for ${STALLED_SECONDS} s: resuming it`);
      job = await api.post<Job>('/v1/jobs/close-month', { month: job.month });
      resumes += 1;
      lastProgress = { updatedAt: job.updatedAt, seenAt: performance.now() };
    }
  }
  return { job, resumes, seconds: (performance.now() - started) / 1000 };
}
