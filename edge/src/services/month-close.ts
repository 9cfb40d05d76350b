import {
  ConflictError,
  isMonthCloseComplete,
  type Month,
  type MonthCloseOutcome,
  type MonthCloseProgress,
  planMonthClose,
  recordMonthCloseOutcome,
  startMonthClose,
  ValidationError,
} from '@billing/engine';
import { ApiError } from '../http/problem';
import { CLOSE_MONTH, type JobRecord, type JobStatus } from '../storage/ports/jobs';
import { assertMonthStarted, closeMonthOfGroup, type StatementContext } from './statement-close';
import { sweepMonth } from './statement-reconcile';

/**
 * A RUNNING job whose progress has not moved for this long lost its worker (Workers keep background
 * work alive for about 30 s after the response): the next POST for its month resumes it. The host
 * may shorten it (`JOB_LEASE_SECONDS`; the crash tests do, so as not to wait 30 s).
 */
export const STALE_JOB_MS = 30_000;

export interface MonthCloseStart {
  job: JobRecord;
  /** False when the POST found a job for the month already running. */
  created: boolean;
  /** The closing still to do, for the host to run after the response; null when there is none. */
  work: Promise<void> | null;
}

/**
 * Starts the month-end batch (DOMAIN §7) for every group of the tenant with activity in `month`, or
 * answers the job already running for it. Idempotent and resumable: groups that are closed count
 * as done, so a re-run or a resumed job closes nothing twice and loses nothing.
 */
export async function startMonthCloseJob(
  context: StatementContext,
  tenantId: string,
  month: Month,
  staleAfterMs = STALE_JOB_MS,
): Promise<MonthCloseStart> {
  const { storage, deps } = context;
  const now = deps.clock().toISOString();
  assertMonthStarted(month, now);
  const running = await storage.runningJob(tenantId, CLOSE_MONTH, month);
  if (running) return resumeIfStale(context, running, now, staleAfterMs);

  const plan = planMonthClose(await storage.monthCloseCandidates(tenantId, month));
  const progress = startMonthClose(plan);
  const job: JobRecord = {
    id: deps.newId('job'),
    tenantId,
    kind: CLOSE_MONTH,
    month,
    status: statusOf(progress),
    ...progress,
    leaseId: deps.newId('lease'),
    createdAt: now,
    updatedAt: now,
  };
  const created = await storage.createJob(job);
  if (!created) {
    // Another request started the month's job between our read and our insert: answer that one.
    const winner = await storage.runningJob(tenantId, CLOSE_MONTH, month);
    if (winner) return { job: winner, created: false, work: null };
    return startMonthCloseJob(context, tenantId, month, staleAfterMs);
  }
  return { job, created: true, work: job.status === 'RUNNING' ? runJob(context, job, plan.toClose) : null };
}

async function resumeIfStale(
  context: StatementContext,
  running: JobRecord,
  now: string,
  staleAfterMs: number,
): Promise<MonthCloseStart> {
  const { storage, deps } = context;
  if (Date.parse(now) - Date.parse(running.updatedAt) < staleAfterMs) {
    return { job: running, created: false, work: null };
  }
  const plan = planMonthClose(await storage.monthCloseCandidates(running.tenantId, running.month));
  const progress = startMonthClose(plan);
  const resumed = await storage.takeOverJob({
    tenantId: running.tenantId,
    jobId: running.id,
    leaseId: running.leaseId,
    newLeaseId: deps.newId('lease'),
    seenUpdatedAt: running.updatedAt,
    progress,
    status: statusOf(progress),
    updatedAt: now,
  });
  if (!resumed) {
    // Another POST resumed it first; its worker is running now.
    return {
      job: (await storage.getJob(running.tenantId, running.id)) ?? running,
      created: false,
      work: null,
    };
  }
  const work = resumed.status === 'RUNNING' ? runJob(context, resumed, plan.toClose) : null;
  return { job: resumed, created: false, work };
}

/**
 * Closes the planned groups one by one, saving progress after each so a crash loses at most the
 * group in flight (and closing that one again is refused by its unique live statement). Stops when
 * another worker took the job over.
 */
async function runJob(context: StatementContext, job: JobRecord, toClose: readonly string[]): Promise<void> {
  let progress: MonthCloseProgress = {
    total: job.total,
    done: job.done,
    failed: job.failed,
    errors: job.errors,
  };
  try {
    for (const billingGroupId of toClose) {
      progress = recordMonthCloseOutcome(progress, await closeOne(context, job, billingGroupId));
      const kept = await context.storage.saveJobProgress({
        tenantId: job.tenantId,
        jobId: job.id,
        leaseId: job.leaseId,
        progress,
        status: statusOf(progress),
        updatedAt: context.deps.clock().toISOString(),
      });
      if (!kept) return;
      await yieldToOtherRequests();
    }
    // The month is closed: check every statement of it against storage, and record what differs.
    await sweepMonth(context, job.tenantId, job.month);
  } catch (error) {
    // Progress could not be saved: the job stays RUNNING, goes stale, and the next POST resumes it.
    console.error(JSON.stringify({ jobId: job.id, error: String(error) }));
  }
}

/**
 * Lets the runtime take in other requests between two groups. Storage that answers without real
 * I/O (local D1 runs in the same workerd process, SQLite on Node is synchronous) never lets the
 * event loop poll its sockets otherwise: the whole API, /health included, would stop answering
 * until the batch ends.
 */
function yieldToOtherRequests(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function closeOne(
  context: StatementContext,
  job: JobRecord,
  billingGroupId: string,
): Promise<MonthCloseOutcome> {
  try {
    const group = await context.storage.getBillingGroup(job.tenantId, billingGroupId);
    if (!group)
      return { billingGroupId, ok: false, message: `billing group ${billingGroupId} does not exist` };
    await closeMonthOfGroup(context, group, job.month, job.id);
    return { billingGroupId, ok: true };
  } catch (error) {
    // Closed meanwhile by another request: that is the outcome wanted, and nothing closes twice.
    if (error instanceof ConflictError && error.code === 'statement-closed')
      return { billingGroupId, ok: true };
    return { billingGroupId, ok: false, message: describe(error, job.id) };
  }
}

/** A per-group failure as the job reports it: the problem code and its sentence, never internals. */
function describe(error: unknown, jobId: string): string {
  if (error instanceof ConflictError || error instanceof ApiError) return `${error.code}: ${error.message}`;
  if (error instanceof ValidationError) return `validation-error: ${error.message}`;
  console.error(JSON.stringify({ jobId, error: String(error), stack: (error as Error)?.stack }));
  return 'internal-error: the statement could not be closed; see the server log for the job id';
}

function statusOf(progress: MonthCloseProgress): JobStatus {
  if (!isMonthCloseComplete(progress)) return 'RUNNING';
  return progress.failed > 0 ? 'FAILED' : 'SUCCEEDED';
}
