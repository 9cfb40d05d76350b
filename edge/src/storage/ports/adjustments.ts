import type { Adjustment, Month } from '@billing/engine';
import type { Page, PageRequest } from './tenants';

export interface AdjustmentRecord extends Adjustment {
  tenantId: string;
  billingGroupId: string;
  month: Month;
  targetProjectId: string | null;
  description: string | null;
  createdAt: string;
}

/** Adjustments, each scoped to one month of one billing group (owner: the adjustment routes). */
export interface AdjustmentStore {
  adjustmentsForMonth(tenantId: string, billingGroupId: string, month: Month): Promise<Adjustment[]>;

  /**
   * Stores the adjustment unless its month's statement is closed (checked in the same statement,
   * so a concurrent close cannot slip between); false when it was closed.
   */
  createAdjustment(adjustment: AdjustmentRecord): Promise<boolean>;
  listAdjustments(
    tenantId: string,
    billingGroupId: string,
    month: Month | null,
    page: PageRequest,
  ): Promise<Page<AdjustmentRecord>>;
  /** Deletes the adjustment unless its month is closed; says which happened. */
  deleteAdjustment(
    tenantId: string,
    billingGroupId: string,
    adjustmentId: string,
  ): Promise<{ outcome: 'deleted' | 'not-found' } | { outcome: 'period-closed'; month: Month }>;
}
