import { Decimal, toDecimalString, ZERO } from './decimal';
import type { DecimalString, StatementResult } from './types';

/**
 * Budgets (DOMAIN §8b): a threshold on a billing group's month, on its running total (`TOTAL`: the
 * draft statement's total without the unpaid balance and late fee it carries from earlier months:
 * what this month's own usage would bill if it closed now) or on one counter's quantity
 * (`QUANTITY`, summed over the month's lines of that counter). Reaching the threshold counts as
 * crossing it.
 */
export interface Budget {
  id: string;
  kind: 'TOTAL' | 'QUANTITY';
  /** The counter a QUANTITY budget watches; null for TOTAL. */
  counterName: string | null;
  threshold: DecimalString;
}

/** Where a budget stands in a month. */
export interface BudgetStanding {
  budgetId: string;
  /** The total or the counter's quantity so far. */
  value: DecimalString;
  crossed: boolean;
}

/** Each budget's value in the month the statement (a draft or a closed one) covers, and whether it is crossed. */
export function budgetStandings(budgets: readonly Budget[], statement: StatementResult): BudgetStanding[] {
  return budgets.map((budget) => {
    // The month's own total: what an earlier month left unpaid, and its late fee, are not this month's spend.
    const value =
      budget.kind === 'TOTAL'
        ? new Decimal(statement.total).minus(statement.unpaid).minus(statement.lateFee)
        : statement.lines
            .filter((line) => line.counterName === budget.counterName)
            .reduce((sum, line) => sum.plus(line.quantity), ZERO);
    return {
      budgetId: budget.id,
      value: toDecimalString(value),
      crossed: value.greaterThanOrEqualTo(budget.threshold),
    };
  });
}
