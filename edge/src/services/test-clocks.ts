import {
  type AdvanceAgenda,
  assertAdvanceTarget,
  ConflictError,
  IssueCollector,
  monthOfMillis,
  nextAdvanceStep,
  openMonthsBefore,
  readInstant,
  scheduledRunsBetween,
  toInstant,
} from '@billing/engine';
import type { AppEnv } from '../app-env';
import { ApiError, notFound, validationFailed } from '../http/problem';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import type { TestClockRecord, TestClockRunError, TestClockTask } from '../storage/ports/test-clocks';
import { checkBudgets } from './budgets';
import { EXPIRING_WITHIN_MS, reportCreditAlerts } from './credit-alerts';
import { expireCreditOfGroup } from './credit-expiry';
import { describeFailure, type StepResult, yieldToOtherRequests } from './month-close';
import { closeMonthOfGroup, type StatementContext } from './statement-close';

/** Groups one clock may hold: an advance runs every group's tasks at every scheduled run. */
export const MAX_GROUPS_PER_TEST_CLOCK = 10;

/** Steps one call runs before it hands back to its runner (a Durable Object's alarm, a loop). */
export const STEPS_PER_CALL = 50;

/** A test clock on the wire. */
export const testClockToWire = (clock: TestClockRecord) => ({
  id: clock.id,
  name: clock.name,
  frozenTime: clock.frozenTime,
  status: clock.status,
  advancingTo: clock.advancingTo,
  progress: { runsTotal: clock.runsTotal, runsDone: clock.runsDone },
  lastRunFailures: clock.runErrors,
  createdAt: clock.createdAt,
  updatedAt: clock.updatedAt,
});

export async function requireTestClock(
  vars: AppEnv['Variables'],
  testClockId: string,
): Promise<TestClockRecord> {
  const clock = await vars.storage.getTestClock(vars.principal.tenantId, testClockId);
  if (!clock) throw notFound('test clock', testClockId);
  return clock;
}

/** The clock holds MAX_GROUPS_PER_TEST_CLOCK groups already (judged in the group's insert). */
export const testClockFull = (testClockId: string) =>
  validationFailed([
    {
      field: 'testClockId',
      rule: 'max-groups',
      message: `test clock ${testClockId} already holds ${MAX_GROUPS_PER_TEST_CLOCK} billing groups, the most one clock may`,
    },
  ]);

export const unknownTestClock = (testClockId: string) =>
  validationFailed([
    { field: 'testClockId', rule: 'exists', message: `test clock ${testClockId} does not exist` },
  ]);

/** The clock a new billing group asks to live on: the tenant's, else a 422 naming `testClockId`. */
export async function requireTestClockField(
  vars: AppEnv['Variables'],
  testClockId: string,
): Promise<TestClockRecord> {
  const clock = await vars.storage.getTestClock(vars.principal.tenantId, testClockId);
  if (!clock) throw unknownTestClock(testClockId);
  return clock;
}

const advancing = (clock: TestClockRecord) =>
  new ApiError(
    409,
    'test-clock-advancing',
    'The test clock is advancing',
    `test clock ${clock.id} is advancing to ${clock.advancingTo}; advance it again once it is READY`,
    { extensions: { testClockId: clock.id, advancingTo: clock.advancingTo } },
  );

/**
 * Starts advancing a clock to `to` (DOMAIN §8a): ADVANCING at once, READY when every scheduled run
 * in between has run for its groups (`runTestClockStep`, called by the host's runner). Refused with
 * 422 naming `to` when it is not after the clock's time or more than two years on, and 409 while
 * another advance is under way.
 */
export async function startTestClockAdvance(
  context: StatementContext,
  clock: TestClockRecord,
  toText: string,
): Promise<TestClockRecord> {
  const issues = new IssueCollector();
  const to = readInstant(issues, 'to', toText) as number;
  issues.throwIfAny();
  if (clock.status === 'ADVANCING') throw advancing(clock);
  const frozen = Date.parse(clock.frozenTime);
  assertAdvanceTarget(frozen, to);
  const started = await context.storage.startTestClockAdvance({
    tenantId: clock.tenantId,
    testClockId: clock.id,
    to: toInstant(to),
    runsTotal: scheduledRunsBetween(frozen, to),
    leaseId: context.deps.newId('lease'),
    updatedAt: context.deps.clock().toISOString(),
  });
  if (started) return started;
  // Another advance started (or ended) between our read and our write: judge against it.
  const current = await context.storage.getTestClock(clock.tenantId, clock.id);
  if (!current) throw notFound('test clock', clock.id);
  if (current.status === 'ADVANCING') throw advancing(current);
  return startTestClockAdvance(context, current, toText);
}

/**
 * One durable step of an advance (engine `nextAdvanceStep`): run the scheduled tasks of the run the
 * clock stands on, or move it onto the next run with work, or finish at the target. Each writes
 * under the runner's lease; `finished` when the advance ended, or another runner took it over.
 */
export async function runTestClockStep(
  context: StatementContext,
  tenantId: string,
  testClockId: string,
): Promise<StepResult> {
  const { storage } = context;
  const clock = await storage.getTestClock(tenantId, testClockId);
  if (clock?.status !== 'ADVANCING' || clock.advancingTo === null || clock.leaseId === null)
    return 'finished';
  const frozen = Date.parse(clock.frozenTime);
  const state = {
    frozenTime: frozen,
    ranThrough: Date.parse(clock.ranThrough),
    advancingTo: Date.parse(clock.advancingTo),
    runsDone: clock.runsDone,
  };
  const groups = await storage.groupsOnTestClock(tenantId, testClockId);
  const tasksDue = state.ranThrough < state.frozenTime;
  const step = tasksDue
    ? nextAdvanceStep(state, { workFrom: [], nextRunHasWork: false })
    : nextAdvanceStep(state, await agendaOf(context, clock, groups));
  let runErrors = clock.runErrors;
  if (step.kind === 'run') {
    runErrors = [];
    for (const group of groups) {
      runErrors.push(...(await runScheduledTasksOfGroup(context, group)));
      await yieldToOtherRequests();
    }
  }
  const saved = await storage.saveTestClockStep({
    tenantId,
    testClockId,
    leaseId: clock.leaseId,
    frozenTime: step.kind === 'run' ? clock.frozenTime : toInstant(step.to),
    ranThrough: step.kind === 'move' ? clock.ranThrough : toInstant(step.kind === 'run' ? step.at : step.to),
    runsDone: step.kind === 'run' ? clock.runsDone : step.runsDone,
    runFailed: step.kind === 'run' ? runErrors.length > 0 : clock.runFailed,
    runErrors,
    status: step.kind === 'finish' ? 'READY' : 'ADVANCING',
    // Real time: how the sweep tells an advance whose runner died.
    updatedAt: context.deps.clock().toISOString(),
  });
  return saved && step.kind !== 'finish' ? 'more' : 'finished';
}

/** What the clock's groups have coming (engine `AdvanceAgenda`), read before a move. */
async function agendaOf(
  context: StatementContext,
  clock: TestClockRecord,
  groups: readonly BillingGroupRecord[],
): Promise<AdvanceAgenda> {
  const frozen = Date.parse(clock.frozenTime);
  const grants = await context.storage.creditExpiriesOnTestClock(clock.tenantId, clock.id);
  const workFrom = grants.flatMap(({ expiresAt }) => [
    Date.parse(expiresAt),
    Date.parse(expiresAt) - EXPIRING_WITHIN_MS,
  ]);
  // A grant already past its expiry with a balance left (granted so, or expired while the clock
  // stood still): the next run expires it, as the real scheduler's next run would.
  let nextRunHasWork =
    clock.runFailed ||
    grants.some(({ expiresAt, hasBalance }) => hasBalance && Date.parse(expiresAt) <= frozen);
  for (const group of groups) {
    if (nextRunHasWork || !group.autoClose) continue;
    const months = await context.storage.monthActivity(group.tenantId, group.id);
    nextRunHasWork = openMonthsBefore(monthOfMillis(frozen), months).length > 0;
  }
  return { workFrom, nextRunHasWork };
}

/**
 * What the daily scheduled run does for one group (services/scheduled-work.ts), at its clock's time:
 * auto-close its open months before the current one, oldest first; expire credit; report credit
 * alerts and budget crossings. A failing task is tried again at the next run, as the real scheduler
 * does; it never stops the clock. Answers what failed, for the clock to show (`lastRunFailures`).
 */
async function runScheduledTasksOfGroup(
  context: StatementContext,
  group: BillingGroupRecord,
): Promise<TestClockRunError[]> {
  const at = group.clockTime ?? context.deps.clock().toISOString();
  const month = monthOfMillis(Date.parse(at));
  const tasks: [TestClockTask, () => Promise<unknown>][] = [
    ['auto-close', () => autoCloseOpenMonths(context, group, month)],
    ['expire-credit', () => expireCreditOfGroup(context, group)],
    ['report-alerts', () => reportCreditAlerts(context, group)],
    ['budgets', () => checkBudgets(context, group, month)],
  ];
  const failures: TestClockRunError[] = [];
  for (const [task, run] of tasks) {
    try {
      await run();
    } catch (error) {
      const message = describeFailure(error, `test clock ${group.testClockId}`);
      failures.push({ billingGroupId: group.id, task, at, message });
    }
  }
  return failures;
}

async function autoCloseOpenMonths(
  context: StatementContext,
  group: BillingGroupRecord,
  current: string,
): Promise<void> {
  if (!group.autoClose) return;
  const months = await context.storage.monthActivity(group.tenantId, group.id);
  for (const month of openMonthsBefore(current, months)) {
    try {
      await closeMonthOfGroup(context, group, month);
    } catch (error) {
      // Closed meanwhile (a request, or this run taken again after a crash): nothing closes twice.
      if (!(error instanceof ConflictError && error.code === 'statement-closed')) throw error;
    }
  }
}

/**
 * Runs an advance's steps one after the other in this process (the Node host, the in-process lane,
 * the mock); on Workers a Durable Object's alarms run them. A step that throws leaves the clock
 * ADVANCING: it goes stale, and the scheduled sweep resumes it under a new lease.
 */
export async function runTestClockAdvance(context: StatementContext, clock: TestClockRecord): Promise<void> {
  try {
    while ((await runTestClockStep(context, clock.tenantId, clock.id)) === 'more') {
      await yieldToOtherRequests();
    }
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', testClockId: clock.id, error: String(error) }));
  }
}

/** Takes an advance over when its last step is older than `staleAfterMs` (its runner died). */
export async function resumeStaleAdvance(
  context: StatementContext,
  clock: TestClockRecord,
  staleAfterMs: number,
): Promise<TestClockRecord | null> {
  const now = context.deps.clock();
  if (now.getTime() - Date.parse(clock.updatedAt) < staleAfterMs) return null;
  return context.storage.takeOverTestClockAdvance({
    tenantId: clock.tenantId,
    testClockId: clock.id,
    seenUpdatedAt: clock.updatedAt,
    newLeaseId: context.deps.newId('lease'),
    updatedAt: now.toISOString(),
  });
}
