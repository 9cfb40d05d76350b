import {
  ConflictError,
  type Month,
  type MonthCloseOutcome,
  type MonthCloseProgress,
  nextMonthCloseBatch,
  openMonthsBefore,
  planMonthClose,
  progressAfterStep,
  startMonthClose,
  ValidationError,
} from '@billing/engine';
import { ApiError } from '../http/problem';
import { AUTO_CLOSE, CLOSE_MONTH, type JobKind, type JobRecord, type JobStatus } from '../storage/ports/jobs';
import { newEvent } from './events';
import { assertMonthStarted, closeMonthOfGroup, type StatementContext } from './statement-close';
import { sweepMonth } from './statement-reconcile';
import { jobToWire } from './wire-objects';

/**
 * A RUNNING job whose progress has not moved for this long lost its runner: the scheduled sweep (or
 * the next POST for its month) resumes it. The host may shorten it (`JOB_LEASE_SECONDS`; the crash
 * tests do, so as not to wait 30 s).
 */
export const STALE_JOB_MS = 30_000;

/** Groups one step of a job closes before it saves its progress and hands back to its runner. */
export const GROUPS_PER_STEP = 10;

export interface MonthCloseStart {
  job: JobRecord;
  /** False when a job for the month was running already. */
  created: boolean;
  /** True when the host must start a runner for the job (a new job, or a stale one taken over). */
  run: boolean;
}

/**
 * Starts the month-end batch (DOMAIN §7) for every group of the tenant with activity in `month`
 * (kind `close-month`), or for those that opted into `autoClose` (kind `auto-close`, started by the
 * scheduled run), or answers the job already running for it, taking it over when it went stale.
 * The closing itself is done by `runMonthCloseStep`, called by the host's runner until it answers
 * `finished`: a Durable Object's alarms on Workers, a loop in the process on Node.
 */
export async function startMonthCloseJob(
  context: StatementContext,
  tenantId: string,
  month: Month,
  staleAfterMs = STALE_JOB_MS,
  kind: JobKind = CLOSE_MONTH,
): Promise<MonthCloseStart> {
  const { storage, deps } = context;
  const now = deps.clock().toISOString();
  // A month may have begun on a test clock ahead of real time: each group's close judges its own.
  const latestClock = await storage.latestTestClockTime(tenantId);
  assertMonthStarted(month, latestClock !== null && latestClock > now ? latestClock : now);
  const running = await storage.runningJob(tenantId, kind, month);
  if (running) {
    const resumed = await resumeIfStale(context, running, staleAfterMs);
    return { job: resumed ?? running, created: false, run: resumed !== null };
  }
  const plan = planMonthClose(await storage.monthCloseCandidates(tenantId, month, kind !== CLOSE_MONTH));
  const progress = startMonthClose(plan);
  const job: JobRecord = {
    id: deps.newId('job'),
    tenantId,
    kind,
    month,
    // Nothing left to close (a re-run, or a month without activity): done at once.
    status: plan.toClose.length === 0 ? 'SUCCEEDED' : 'RUNNING',
    ...progress,
    leaseId: deps.newId('lease'),
    createdAt: now,
    updatedAt: now,
  };
  const created = await storage.createJob(job);
  if (!created) {
    // Another request started the month's job between our read and our insert: answer that one.
    const winner = await storage.runningJob(tenantId, kind, month);
    if (winner) return { job: winner, created: false, run: false };
    return startMonthCloseJob(context, tenantId, month, staleAfterMs, kind);
  }
  return { job, created: true, run: job.status === 'RUNNING' };
}

/**
 * Takes a RUNNING job over under a new lease when its progress has not moved for `staleAfterMs`
 * (its runner died); null when it is still moving or another resumer won. The caller starts a
 * runner for the job it gets.
 */
export async function resumeIfStale(
  context: StatementContext,
  running: JobRecord,
  staleAfterMs: number,
): Promise<JobRecord | null> {
  const { storage, deps } = context;
  const now = deps.clock().toISOString();
  if (Date.parse(now) - Date.parse(running.updatedAt) < staleAfterMs) return null;
  return storage.takeOverJob({
    tenantId: running.tenantId,
    jobId: running.id,
    leaseId: running.leaseId,
    newLeaseId: deps.newId('lease'),
    seenUpdatedAt: running.updatedAt,
    progress: running,
    status: 'RUNNING',
    updatedAt: now,
  });
}

export type StepResult = 'more' | 'finished';

/**
 * One durable step of a job: closes up to `groupsPerStep` of the groups still open, then saves the
 * progress, which is derived from storage (groups with a live statement count as done), never
 * carried in the runner's memory. So a step that crashed halfway is simply run again: what it
 * closed counts as done, and closing a group twice is refused by its unique live statement. When no
 * group is left, the last step runs the reconcile sweep and ends the job. `finished` also when the
 * job ended or another runner took it over (its lease changed), so a superseded runner stops.
 */
export async function runMonthCloseStep(
  context: StatementContext,
  tenantId: string,
  jobId: string,
  groupsPerStep = GROUPS_PER_STEP,
): Promise<StepResult> {
  const { storage, deps } = context;
  const job = await storage.getJob(tenantId, jobId);
  if (job?.status !== 'RUNNING') return 'finished';
  const onlyAutoClose = job.kind !== CLOSE_MONTH;
  const plan = planMonthClose(await storage.monthCloseCandidates(tenantId, job.month, onlyAutoClose));
  const batch = nextMonthCloseBatch(plan, job.errors, groupsPerStep);
  const outcomes: MonthCloseOutcome[] = [];
  for (const billingGroupId of batch) {
    outcomes.push(await closeOne(context, job, billingGroupId));
    await yieldToOtherRequests();
  }
  const progress = progressAfterStep(plan, job.errors, outcomes);
  const finished = batch.length === 0;
  // The month is closed: check every statement of it against storage, and record what differs.
  if (finished) await sweepMonth(context, tenantId, job.month);
  const status = finished ? finalStatus(progress) : 'RUNNING';
  const updatedAt = deps.clock().toISOString();
  const event = finished
    ? newEvent(
        deps,
        tenantId,
        'job.finished',
        jobToWire({ ...job, ...progress, status, updatedAt }),
        `job.finished:${jobId}`,
      )
    : null;
  const kept = await storage.saveJobProgress({
    tenantId,
    jobId,
    leaseId: job.leaseId,
    progress,
    status,
    updatedAt,
    event,
  });
  if (kept && event) await context.outbox?.wrote(tenantId);
  return kept && !finished ? 'more' : 'finished';
}

/**
 * Runs a job's steps one after the other in this process (the Node host, the in-process test lane
 * and the mock); the Workers build runs them from a Durable Object's alarms instead. A step that
 * throws leaves the job RUNNING: it goes stale and the scheduled sweep resumes it.
 */
export async function runMonthCloseJob(context: StatementContext, job: JobRecord): Promise<void> {
  try {
    while ((await runMonthCloseStep(context, job.tenantId, job.id)) === 'more') {
      await yieldToOtherRequests();
    }
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', jobId: job.id, error: String(error) }));
  }
}

/**
 * Lets the runtime take in other requests between two groups. Storage that answers without real
 * I/O (local D1 runs in the same workerd process, SQLite on Node is synchronous) never lets the
 * event loop poll its sockets otherwise: the whole API, /health included, would stop answering
 * until the batch ends.
 */
export function yieldToOtherRequests(): Promise<void> {
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
    if (job.kind === AUTO_CLOSE) {
      // Months close in order: an auto-close catches up the group's earlier open months first.
      const months = await context.storage.monthActivity(job.tenantId, billingGroupId);
      for (const earlier of openMonthsBefore(job.month, months))
        await closeIfOpen(context, group, earlier, job.id);
    }
    await closeMonthOfGroup(context, group, job.month, job.id);
    return { billingGroupId, ok: true };
  } catch (error) {
    // Closed meanwhile by another request: that is the outcome wanted, and nothing closes twice.
    if (error instanceof ConflictError && error.code === 'statement-closed')
      return { billingGroupId, ok: true };
    return { billingGroupId, ok: false, message: describeFailure(error, job.id) };
  }
}

async function closeIfOpen(
  context: StatementContext,
  group: Parameters<typeof closeMonthOfGroup>[1],
  month: Month,
  jobId: string,
): Promise<void> {
  try {
    await closeMonthOfGroup(context, group, month, jobId);
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'statement-closed')) throw error;
  }
}

/** A per-group failure as the job reports it: the problem code and its sentence, never internals. */
export function describeFailure(error: unknown, jobId: string): string {
  if (error instanceof ConflictError || error instanceof ApiError) return `${error.code}: ${error.message}`;
  if (error instanceof ValidationError) return `validation-error: ${error.message}`;
  console.error(
    JSON.stringify({ level: 'error', jobId, error: String(error), stack: (error as Error)?.stack }),
  );
  return `internal-error: the work failed; see the server log for ${jobId}`;
}

function finalStatus(progress: MonthCloseProgress): JobStatus {
  return progress.failed > 0 ? 'FAILED' : 'SUCCEEDED';
}
