import type { BillingGroupRecord } from './billing-groups';
import type { Page, PageRequest } from './tenants';

export const TEST_CLOCK_STATUSES = ['READY', 'ADVANCING'] as const;
export type TestClockStatus = (typeof TEST_CLOCK_STATUSES)[number];

/**
 * A tenant's simulated "now" (DOMAIN §8a) for the billing groups attached to it. While it advances,
 * `frozenTime` moves from one scheduled run to the next until it reaches `advancingTo`.
 */
export interface TestClockRecord {
  id: string;
  tenantId: string;
  name: string;
  frozenTime: string;
  /** The instant whose scheduled tasks have run; before `frozenTime` while a run's tasks are due. */
  ranThrough: string;
  status: TestClockStatus;
  /** Where the advance under way ends; null when READY. */
  advancingTo: string | null;
  /** Scheduled runs the advance under way (or the last one) passes, and how many it has passed. */
  runsTotal: number;
  runsDone: number;
  /** A task of the last run failed: the next run is not passed over. */
  runFailed: boolean;
  /** What failed at the last run, per group; empty when it all ran. */
  runErrors: TestClockRunError[];
  /** Which runner may move the clock; a resumed advance gets a new lease. */
  leaseId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What one step of an advance writes, under its runner's lease. */
export interface TestClockStep {
  tenantId: string;
  testClockId: string;
  leaseId: string;
  frozenTime: string;
  ranThrough: string;
  runsDone: number;
  runFailed: boolean;
  runErrors: TestClockRunError[];
  /** READY ends the advance (and its lease). */
  status: TestClockStatus;
  updatedAt: string;
}

/** The daily run's tasks for a group on a clock (services/test-clocks.ts). */
export type TestClockTask = 'auto-close' | 'expire-credit' | 'report-alerts' | 'budgets';

/** A scheduled task that failed for a group at a run of an advance (tried again at the next run). */
export interface TestClockRunError {
  billingGroupId: string;
  task: TestClockTask;
  at: string;
  message: string;
}

export type TestClockDeletion = 'deleted' | 'missing' | 'in-use';

/** Test clocks (owner: the test-clock routes; their advance: services/test-clock-advance.ts). */
export interface TestClockStore {
  createTestClock(clock: TestClockRecord): Promise<void>;
  getTestClock(tenantId: string, testClockId: string): Promise<TestClockRecord | null>;
  listTestClocks(tenantId: string, page: PageRequest): Promise<Page<TestClockRecord>>;
  /**
   * READY → ADVANCING to `to` under a new lease, when the clock is READY and before `to` (compare and
   * set: of two advances at once, one wins). Null when it is not.
   */
  startTestClockAdvance(start: {
    tenantId: string;
    testClockId: string;
    to: string;
    runsTotal: number;
    leaseId: string;
    updatedAt: string;
  }): Promise<TestClockRecord | null>;
  /** Writes one step of an advance; false when another runner took the advance over. */
  saveTestClockStep(step: TestClockStep): Promise<boolean>;
  /**
   * Takes an ADVANCING clock over for a new runner when its last step was written at
   * `seenUpdatedAt` (its runner died); null when another resumer won or it moved meanwhile.
   */
  takeOverTestClockAdvance(take: {
    tenantId: string;
    testClockId: string;
    seenUpdatedAt: string;
    newLeaseId: string;
    updatedAt: string;
  }): Promise<TestClockRecord | null>;
  /** Refused (`in-use`) while a billing group is attached, even one attached a moment ago. */
  deleteTestClock(tenantId: string, testClockId: string): Promise<TestClockDeletion>;
  /** The live grants with an expiry of the clock's groups: when each expires, and whether it has a balance. */
  creditExpiriesOnTestClock(
    tenantId: string,
    testClockId: string,
  ): Promise<{ expiresAt: string; hasBalance: boolean }[]>;
  /** The latest time of the tenant's clocks; null when it has none. */
  latestTestClockTime(tenantId: string): Promise<string | null>;
  /** The billing groups attached to the clock, in id order. */
  groupsOnTestClock(tenantId: string, testClockId: string): Promise<BillingGroupRecord[]>;
}
