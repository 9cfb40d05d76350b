import {
  ConflictError,
  isMonthCloseComplete,
  type MonthCloseOutcome,
  type MonthCloseProgress,
  planMonthClose,
  recordMonthCloseOutcome,
  startMonthClose,
  ValidationError,
} from '@billing/engine';
import { ApiError, notFound } from '../../edge/src/lib/problem';
import { getJob, startCloseMonthJob } from '../../edge/src/routes/jobs/jobs.routes';
import { assertMonthStarted, closeMonthOfGroup } from '../src/billing/statements';
import type { JobRecord, TenantData, World } from '../src/store';
import type { Kit } from './kit';

/** A RUNNING job whose progress has not moved for this long lost its worker; the next POST resumes it. */
const STALE_JOB_MS = 30_000;

const jobToWire = (job: JobRecord) => ({ ...job, errors: [...job.errors] });

function statusOf(progress: MonthCloseProgress): JobRecord['status'] {
  if (!isMonthCloseComplete(progress)) return 'RUNNING';
  return progress.failed > 0 ? 'FAILED' : 'SUCCEEDED';
}

/** The groups with usage, adjustments or a statement in the month, each marked closed when it is. */
function candidatesOf(data: TenantData, month: string) {
  const closed = new Map<string, boolean>();
  const mark = (billingGroupId: string, live: boolean) =>
    closed.set(billingGroupId, (closed.get(billingGroupId) ?? false) || live);
  for (const [billingGroupId, events] of data.usageEvents) {
    if (events.some((event) => event.month === month)) mark(billingGroupId, false);
  }
  for (const adjustment of data.adjustments.values()) {
    if (adjustment.month === month) mark(adjustment.billingGroupId, false);
  }
  for (const statement of data.statements.values()) {
    if (statement.month === month) mark(statement.billingGroupId, statement.voidedAt === null);
  }
  return [...closed].map(([billingGroupId, isClosed]) => ({ billingGroupId, closed: isClosed }));
}

/** A per-group failure as the job reports it: the problem code and its sentence. */
function describe(error: unknown): string {
  if (error instanceof ConflictError || error instanceof ApiError) return `${error.code}: ${error.message}`;
  if (error instanceof ValidationError) return `validation-error: ${error.message}`;
  return 'internal-error: the statement could not be closed; see the server log for the job id';
}

/** Closes the planned groups one by one, recording each outcome as the edge's worker does. */
async function runJob(
  world: World,
  data: TenantData,
  job: JobRecord,
  toClose: readonly string[],
  now: () => string,
): Promise<void> {
  for (const billingGroupId of toClose) {
    let outcome: MonthCloseOutcome;
    const group = data.billingGroups.get(billingGroupId);
    try {
      if (!group) throw new Error(`billing group ${billingGroupId} does not exist`);
      await closeMonthOfGroup(world, data, group, job.month, now());
      outcome = { billingGroupId, ok: true };
    } catch (error) {
      outcome =
        error instanceof ConflictError && error.code === 'statement-closed'
          ? { billingGroupId, ok: true }
          : { billingGroupId, ok: false, message: describe(error) };
    }
    const progress = recordMonthCloseOutcome(job, outcome);
    Object.assign(job, progress, { status: statusOf(progress), updatedAt: now() });
  }
}

export function jobHandlers({ http, operation, runtime }: Kit) {
  return [
    http.post(
      '/v1/jobs/close-month',
      operation('startCloseMonthJob', startCloseMonthJob, (call, { response }) => {
        const { month } = call.input.body;
        const now = call.now();
        assertMonthStarted(month, now);
        const plan = planMonthClose(candidatesOf(call.data, month));
        const progress = startMonthClose(plan);
        const running = [...call.data.jobs.values()].find(
          (job) => job.month === month && job.status === 'RUNNING',
        );
        if (running && Date.parse(now) - Date.parse(running.updatedAt) < STALE_JOB_MS) {
          return response(200).json(jobToWire(running));
        }
        const job: JobRecord = running
          ? Object.assign(running, progress, { status: statusOf(progress), updatedAt: now })
          : {
              id: call.newId('job'),
              kind: 'close-month',
              month,
              status: statusOf(progress),
              ...progress,
              createdAt: now,
              updatedAt: now,
            };
        call.data.jobs.set(job.id, job);
        if (job.status === 'RUNNING') {
          runtime.runInBackground(runJob(call.world, call.data, job, plan.toClose, () => call.now()));
        }
        return running ? response(200).json(jobToWire(job)) : response(202).json(jobToWire(job));
      }),
    ),
    http.get(
      '/v1/jobs/{jobId}',
      operation('getJob', getJob, (call, { response }) => {
        const { jobId } = call.input.params;
        const job = call.data.jobs.get(jobId);
        if (!job) throw notFound('job', jobId);
        return response(200).json(jobToWire(job));
      }),
    ),
  ];
}
