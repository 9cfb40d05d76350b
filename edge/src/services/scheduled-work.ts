import { type Month, monthOfMillis, previousMonth } from '@billing/engine';
import type { AppDeps } from '../deps';
import type { Storage } from '../storage/port';
import { AUTO_CLOSE, type JobRecord } from '../storage/ports/jobs';
import type { TestClockRecord } from '../storage/ports/test-clocks';
import { checkBudgets } from './budgets';
import { EXPIRING_WITHIN_MS, reportCreditAlerts } from './credit-alerts';
import { expireCreditOfGroup } from './credit-expiry';
import { resumeIfStale, startMonthCloseJob } from './month-close';
import { sweepMonth } from './statement-reconcile';
import { resumeStaleAdvance } from './test-clocks';

export interface ScheduledContext {
  storage: Storage;
  deps: AppDeps;
  /** How long a RUNNING job may go without progress before it counts as stopped. */
  staleAfterMs: number;
  /** Starts the runner of a job (a Durable Object on Workers, a loop in the process on Node). */
  startRunner(job: JobRecord): Promise<void>;
  /** Starts the runner of a test clock's advance, as `startRunner` does a job's. */
  startTestClockRunner(clock: TestClockRecord): Promise<void>;
  /** Wakes a tenant's webhook dispatcher (a Durable Object on Workers, the process's on Node). */
  wakeWebhooks(tenantId: string): Promise<void> | void;
}

/** What one scheduled task did, for the log line the scheduled run writes. */
export interface TaskReport {
  task: string;
  /** What the task started or wrote: jobs resumed or started, EXPIRE entries, findings. */
  count: number;
  /** Items (a tenant, a group, a job) the task could not handle; a job's own failures are in the job. */
  failures: string[];
}

/** How far back an auto-close looks for months its groups left open (a run that failed, an opt-in). */
const AUTO_CLOSE_MONTHS = 12;

/**
 * Every few minutes: takes over the RUNNING jobs and the ADVANCING test clocks whose progress
 * stopped moving (their runner died) and starts a runner for each. Two runs at once cannot both
 * take one: the takeover is a compare-and-set on its last write.
 */
export async function resumeStaleJobs(context: ScheduledContext): Promise<TaskReport> {
  const { storage, deps, staleAfterMs } = context;
  const before = new Date(deps.clock().getTime() - staleAfterMs).toISOString();
  const report: TaskReport = { task: 'resume-stale-jobs', count: 0, failures: [] };
  for (const stale of await storage.staleRunningJobs(before)) {
    await attempt(report, stale.id, async () => {
      const resumed = await resumeIfStale(context, stale, staleAfterMs);
      if (!resumed) return;
      await context.startRunner(resumed);
      report.count += 1;
    });
  }
  for (const stale of await storage.staleTestClockAdvances(before)) {
    await attempt(report, stale.id, async () => {
      const resumed = await resumeStaleAdvance(context, stale, staleAfterMs);
      if (!resumed) return;
      await context.startTestClockRunner(resumed);
      report.count += 1;
    });
  }
  return report;
}

/**
 * Daily at 02:00 UTC (DOMAIN §7): closes the months before the current one that billing groups with
 * `autoClose` left open, oldest first, one `auto-close` job per tenant and month (each group's job
 * closes its earlier open months first: months close in order). A job's per-group failures are in
 * the job (`GET /v1/jobs?kind=auto-close`), and the next day's run tries again. Firing twice is
 * harmless: a second run finds the first one's job running (and answers it) or nothing to close.
 */
export async function autoCloseGroups(context: ScheduledContext): Promise<TaskReport> {
  const { storage, deps } = context;
  const report: TaskReport = { task: 'auto-close', count: 0, failures: [] };
  const months = [previousMonth(monthOfMillis(deps.clock().getTime()))];
  while (months.length < AUTO_CLOSE_MONTHS) months.unshift(previousMonth(months[0] as Month));
  for (const due of months) {
    for (const tenantId of await storage.tenantsWithAutoCloseDue(due)) {
      await attempt(report, `${tenantId} ${due}`, async () => {
        const start = await startMonthCloseJob(context, tenantId, due, context.staleAfterMs, AUTO_CLOSE);
        if (start.run) await context.startRunner(start.job);
        if (start.created || start.run) report.count += 1;
      });
    }
  }
  return report;
}

/** Daily: writes EXPIRE entries for every grant whose expiry has passed with a balance left. */
export async function expireCredit(context: ScheduledContext): Promise<TaskReport> {
  const { storage, deps } = context;
  const report: TaskReport = { task: 'expire-credit', count: 0, failures: [] };
  for (const ref of await storage.groupsWithExpiredCredit(deps.clock().toISOString())) {
    await attempt(report, ref.billingGroupId, async () => {
      const group = await storage.getBillingGroup(ref.tenantId, ref.billingGroupId);
      if (group) report.count += (await expireCreditOfGroup(context, group)).entries.length;
    });
  }
  return report;
}

/**
 * Daily: reconciles every closed statement of the previous month against storage (DOMAIN §6), so a
 * finding shows up even when nobody asked.
 */
export async function sweepPreviousMonth(context: ScheduledContext): Promise<TaskReport> {
  const { storage, deps } = context;
  const month = previousMonth(monthOfMillis(deps.clock().getTime()));
  const report: TaskReport = { task: 'reconcile-sweep', count: 0, failures: [] };
  for (const tenantId of await storage.tenantsWithStatementsIn(month)) {
    await attempt(report, tenantId, async () => {
      report.count += (await sweepMonth(context, tenantId, month)).findings.length;
    });
  }
  return report;
}

/**
 * Daily (DOMAIN §8b): `credit.expiring` for grants that expire within seven days with a balance
 * left, `credit.low` for grants below their threshold, and `budget.threshold_crossed` for the current
 * month's budgets; each reported once, however many runs find it.
 */
export async function reportAlerts(context: ScheduledContext): Promise<TaskReport> {
  const { storage, deps } = context;
  const report: TaskReport = { task: 'report-alerts', count: 0, failures: [] };
  const now = deps.clock();
  const until = new Date(now.getTime() + EXPIRING_WITHIN_MS).toISOString();
  const creditGroups = [
    ...(await storage.groupsWithCreditExpiring(now.toISOString(), until)),
    ...(await storage.groupsWithCreditThresholds()),
  ];
  const seen = new Set<string>();
  const outbox = { wrote: (tenantId: string) => context.wakeWebhooks(tenantId) };
  for (const ref of creditGroups) {
    if (seen.has(ref.billingGroupId)) continue;
    seen.add(ref.billingGroupId);
    await attempt(report, ref.billingGroupId, async () => {
      const group = await storage.getBillingGroup(ref.tenantId, ref.billingGroupId);
      if (group) await reportCreditAlerts({ ...context, outbox }, group);
      report.count += 1;
    });
  }
  const month = monthOfMillis(now.getTime());
  for (const ref of await storage.groupsWithBudgets()) {
    await attempt(report, `${ref.billingGroupId} budgets`, async () => {
      const group = await storage.getBillingGroup(ref.tenantId, ref.billingGroupId);
      if (group) await checkBudgets({ ...context, outbox }, group, month);
      report.count += 1;
    });
  }
  return report;
}

/**
 * Every few minutes: wakes the dispatcher of every tenant with a webhook delivery due and not in
 * flight, so a delivery whose wake was lost (a crash right after its event's write) still goes out.
 */
export async function wakeDueWebhooks(context: ScheduledContext): Promise<TaskReport> {
  const report: TaskReport = { task: 'wake-due-webhooks', count: 0, failures: [] };
  for (const tenantId of await context.storage.tenantsWithDueDeliveries(context.deps.clock().toISOString())) {
    await attempt(report, tenantId, async () => {
      await context.wakeWebhooks(tenantId);
      report.count += 1;
    });
  }
  return report;
}

/** The crons of edge/wrangler.jsonc and what each runs, in order. */
export const SCHEDULES = {
  '*/10 * * * *': [resumeStaleJobs, wakeDueWebhooks],
  '0 2 * * *': [
    resumeStaleJobs,
    autoCloseGroups,
    expireCredit,
    sweepPreviousMonth,
    reportAlerts,
    wakeDueWebhooks,
  ],
} as const satisfies Record<string, readonly ((context: ScheduledContext) => Promise<TaskReport>)[]>;

export type Schedule = keyof typeof SCHEDULES;

/**
 * Runs the tasks of one cron, each to its end whatever the others did; one failing item (a tenant,
 * a group) is reported and skipped, never stops the rest.
 */
export async function runSchedule(context: ScheduledContext, cron: string): Promise<TaskReport[]> {
  const tasks = SCHEDULES[cron as Schedule];
  if (!tasks) throw new Error(`no scheduled work for cron "${cron}" (edge/src/services/scheduled-work.ts)`);
  const reports: TaskReport[] = [];
  for (const task of tasks) reports.push(await task(context));
  return reports;
}

async function attempt(report: TaskReport, item: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    report.failures.push(`${item}: ${String(error)}`);
  }
}
