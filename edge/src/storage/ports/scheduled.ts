import type { Month } from '@billing/engine';
import type { JobRecord } from './jobs';
import type { TestClockRecord } from './test-clocks';

/** A billing group, by tenant. */
export interface GroupRef {
  tenantId: string;
  billingGroupId: string;
}

/**
 * What the scheduled run (edge/src/services/scheduled-work.ts) looks for across every tenant; the
 * only reads that are not scoped to one tenant. Groups on a test clock live in its time, not the
 * scheduler's: every read of groups leaves them out (DOMAIN §8a), and the clock's advance runs
 * their tasks instead.
 */
export interface ScheduledWorkStore {
  /** RUNNING jobs whose progress was last written before `updatedBefore`: their runner died. */
  staleRunningJobs(updatedBefore: string): Promise<JobRecord[]>;
  /** Test clocks ADVANCING whose last step was written before `updatedBefore`: their runner died. */
  staleTestClockAdvances(updatedBefore: string): Promise<TestClockRecord[]>;
  /** Tenants with an `autoClose` group that has activity in the month and no live statement for it. */
  tenantsWithAutoCloseDue(month: Month): Promise<string[]>;
  /** Groups holding a live grant whose expiry has passed at `asOf` with a balance left. */
  groupsWithExpiredCredit(asOf: string): Promise<GroupRef[]>;
  /** Groups holding a live grant with a balance left that expires after `from` and by `until`. */
  groupsWithCreditExpiring(from: string, until: string): Promise<GroupRef[]>;
  /** Groups holding a live grant with a low-balance threshold (for `credit.low`). */
  groupsWithCreditThresholds(): Promise<GroupRef[]>;
  /** Groups with at least one budget. */
  groupsWithBudgets(): Promise<GroupRef[]>;
  /** Tenants with at least one live closed statement for the month. */
  tenantsWithStatementsIn(month: Month): Promise<string[]>;
}
