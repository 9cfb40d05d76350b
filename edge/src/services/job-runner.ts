import type { AppDeps } from '../deps';
import type { JobRecord } from '../storage/ports/jobs';
import { runMonthCloseJob } from './month-close';
import type { StatementContext } from './statement-close';

/**
 * Hands a job to the host's durable runner (a Durable Object on Workers), or runs its steps in this
 * process after the response where the host has none.
 */
export async function startJobRunner(
  context: { storage: StatementContext['storage']; deps: AppDeps },
  job: JobRecord,
  bindings: unknown,
  executionContext: unknown,
): Promise<void> {
  if (context.deps.startJobRunner) return context.deps.startJobRunner(job, bindings);
  context.deps.runInBackground(runMonthCloseJob(context, job), executionContext);
}
