import type { Page, PageRequest } from './tenants';

export type BudgetKind = 'TOTAL' | 'QUANTITY';

/**
 * A threshold on a billing group's month (DOMAIN §8b): on its running total (`TOTAL`, in the group's
 * currency) or on one counter's quantity (`QUANTITY`). Crossing it reports `budget.threshold_crossed`
 * once per month.
 */
export interface BudgetRecord {
  id: string;
  tenantId: string;
  billingGroupId: string;
  name: string;
  kind: BudgetKind;
  /** The counter a QUANTITY budget watches; null for TOTAL. */
  counterName: string | null;
  /** A decimal string: an amount for TOTAL, a quantity for QUANTITY. */
  threshold: string;
  createdAt: string;
}

/** Budgets (owner: the budget routes). */
export interface BudgetStore {
  createBudget(budget: BudgetRecord): Promise<void>;
  listBudgets(tenantId: string, billingGroupId: string, page: PageRequest): Promise<Page<BudgetRecord>>;
  /** Every budget of the group, for checking them against a month. */
  budgetsOfGroup(tenantId: string, billingGroupId: string): Promise<BudgetRecord[]>;
  deleteBudget(tenantId: string, billingGroupId: string, budgetId: string): Promise<boolean>;
  /** The budgets of the group crossed in the month (their events exist), by budget id. */
  crossedBudgets(tenantId: string, billingGroupId: string, month: string): Promise<Map<string, string>>;
}
