import type { Currency, RoundingMode } from '@billing/engine';
import type { Page, PageRequest } from './tenants';

export interface BillingGroupRecord {
  id: string;
  tenantId: string;
  name: string;
  currency: Currency;
  vatRate: string;
  roundingMode: RoundingMode;
  paymentTermsDays: number;
  lateFeeRate: string;
  /** Null: the built-in default price book of the group's currency. */
  priceBookId: string | null;
  /** The scheduled run closes the group's previous month by itself (DOMAIN §7). */
  autoClose: boolean;
  /** The test clock the group lives on (DOMAIN §8a), set at creation; null: real time. */
  testClockId: string | null;
  /** That clock's time when the group was read; null: real time. Read it through `clockOf`. */
  clockTime: string | null;
  createdAt: string;
}

export interface ProjectRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  name: string;
  createdAt: string;
}

export type BillingGroupChanges = Partial<
  Pick<
    BillingGroupRecord,
    'name' | 'vatRate' | 'roundingMode' | 'paymentTermsDays' | 'lateFeeRate' | 'priceBookId' | 'autoClose'
  >
>;

export interface BillingGroupStore {
  /**
   * Inserts a group. On a test clock, only while the clock holds fewer than `maxOnClock` groups,
   * judged in the insert itself (false when full); its foreign key refuses a clock that is gone.
   */
  createBillingGroup(group: Omit<BillingGroupRecord, 'clockTime'>, maxOnClock?: number): Promise<boolean>;
  getBillingGroup(tenantId: string, billingGroupId: string): Promise<BillingGroupRecord | null>;
  listBillingGroups(tenantId: string, page: PageRequest): Promise<Page<BillingGroupRecord>>;
  updateBillingGroup(
    tenantId: string,
    billingGroupId: string,
    changes: BillingGroupChanges,
  ): Promise<BillingGroupRecord | null>;
  createProject(project: ProjectRecord): Promise<void>;
  getProject(tenantId: string, projectId: string): Promise<ProjectRecord | null>;
  listProjects(tenantId: string, billingGroupId: string, page: PageRequest): Promise<Page<ProjectRecord>>;
}
