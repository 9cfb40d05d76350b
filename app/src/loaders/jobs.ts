import 'server-only';
import { call, edge } from '@/api/client';

/** A month-end job's progress: status, total, done, failed and each group's failure. */
export async function loadJob(jobId: string) {
  const client = await edge();
  return call(() => client.GET('/v1/jobs/{jobId}', { params: { path: { jobId } } }));
}
