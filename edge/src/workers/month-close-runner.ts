import { DurableObject } from 'cloudflare:workers';
import { runMonthCloseStep, type StepResult } from '../services/month-close';
import { runTestClockStep, STEPS_PER_CALL } from '../services/test-clocks';
import type { JobRecord } from '../storage/ports/jobs';
import type { TestClockRecord } from '../storage/ports/test-clocks';
import { workersContext } from './host';
import type { WorkerEnv } from './worker-env';

/** What a runner runs: a month-end job, or a test clock's advance (whose id is then `jobId`). */
type RunnerTask = 'month-close' | 'test-clock';

interface RunnerState {
  /** Absent in states written before test clocks: a month-end job. */
  task?: RunnerTask;
  tenantId: string;
  jobId: string;
  /** Steps in a row that threw; the next alarm waits longer after each. */
  failures: number;
  /** Which start this is: a step that ends after a newer start leaves the newer one's state alone. */
  generation: number;
}

/** The longest wait between two tries of a step that keeps failing (D1 unreachable, say). */
const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * Runs one month-end job (DOMAIN §7), or one test clock's advance (DOMAIN §8a), one object per job
 * or clock: each alarm runs one step of it (a batch of groups, services/month-close.ts; or up to
 * STEPS_PER_CALL steps of an advance, services/test-clocks.ts) and sets the next alarm. Alarms are durable: after a crash, a
 * deploy or an eviction, the pending alarm fires again and the job goes on by itself, with no
 * client request. A step that was cut off is run again; it derives its progress from storage, so
 * nothing is closed twice or lost.
 *
 * Why not a Workflow: on local workerd (`wrangler dev`), an instance cut off by a crash stays
 * `running` and never resumes (measured with wrangler 4.164), while a Durable Object's alarm does
 * fire after the restart. The same code then behaves the same locally and on Cloudflare.
 */
export class MonthCloseRunner extends DurableObject<WorkerEnv> {
  /** Starts (or restarts) the job's steps; idempotent, so a resumed job may call it again. */
  async start(tenantId: string, jobId: string, task: RunnerTask = 'month-close'): Promise<void> {
    const previous = await this.ctx.storage.get<RunnerState>('job');
    const generation = (previous?.generation ?? 0) + 1;
    const state: RunnerState = { task, tenantId, jobId, failures: 0, generation };
    await this.ctx.storage.put('job', state);
    await this.ctx.storage.setAlarm(Date.now());
  }

  private async step(state: RunnerState): Promise<StepResult> {
    const context = workersContext(this.env);
    if (state.task !== 'test-clock') return runMonthCloseStep(context, state.tenantId, state.jobId);
    // An advance's steps are small (one write each): many to an alarm, not one.
    for (let steps = 0; steps < STEPS_PER_CALL; steps += 1) {
      if ((await runTestClockStep(context, state.tenantId, state.jobId)) === 'finished') return 'finished';
    }
    return 'more';
  }

  override async alarm(): Promise<void> {
    const state = await this.ctx.storage.get<RunnerState>('job');
    if (!state) return;
    try {
      const result = await this.step(state);
      // A start() that came in while this step ran (a stale job taken over) owns the object now.
      if ((await this.ctx.storage.get<RunnerState>('job'))?.generation !== state.generation) return;
      if (result === 'finished') {
        await this.ctx.storage.delete('job');
        return;
      }
      if (state.failures > 0) await this.ctx.storage.put('job', { ...state, failures: 0 });
      await this.ctx.storage.setAlarm(Date.now());
    } catch (error) {
      if ((await this.ctx.storage.get<RunnerState>('job'))?.generation !== state.generation) return;
      const failures = state.failures + 1;
      const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** failures);
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'month-end step failed',
          jobId: state.jobId,
          failures,
          error: String(error),
        }),
      );
      await this.ctx.storage.put('job', { ...state, failures });
      await this.ctx.storage.setAlarm(Date.now() + delay);
    }
  }
}

/** Hands a test clock's advance to its runner object (named by the clock's id). */
export async function startTestClockRunner(env: WorkerEnv, clock: TestClockRecord): Promise<void> {
  const runner = env.JOB_RUNNER.get(env.JOB_RUNNER.idFromName(`test-clock:${clock.id}`));
  await runner.start(clock.tenantId, clock.id, 'test-clock');
}

/** Hands a job to its runner object (named by the job's id, so one object per job). */
export async function startMonthCloseRunner(env: WorkerEnv, job: JobRecord): Promise<void> {
  const runner = env.JOB_RUNNER.get(env.JOB_RUNNER.idFromName(job.id));
  await runner.start(job.tenantId, job.id);
}
