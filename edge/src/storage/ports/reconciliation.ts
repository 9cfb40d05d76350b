import type { Month, ReconcileDifference } from '@billing/engine';
import type { Page, PageRequest } from './tenants';

/** One closed statement that did not reconcile with storage (owner: the reconciliation routes). */
export interface ReconciliationFinding {
  id: string;
  tenantId: string;
  sweepId: string;
  statementId: string;
  billingGroupId: string;
  month: Month;
  differences: ReconcileDifference[];
  foundAt: string;
}

export interface ReconciliationStore {
  /**
   * Keeps the findings of a sweep; one that a statement already has (the same differences) is not
   * kept twice, so the daily sweep adds a finding only when something new differs.
   */
  recordFindings(findings: readonly ReconciliationFinding[]): Promise<void>;
  /** Findings in id order, optionally of one month. */
  listFindings(
    tenantId: string,
    month: Month | null,
    page: PageRequest,
  ): Promise<Page<ReconciliationFinding>>;
}
