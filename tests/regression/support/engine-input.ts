import { DEFAULT_PRICE_BOOK, type StatementInput } from '@billing/engine';
import type { BillingMonth } from '../billing-month';

const DAY_MS = 86_400_000;

/**
 * The engine's input for a billing month. The unpaid balance becomes the previous month's closed
 * statement: overdue means due a day before `asOf`; not yet overdue means due exactly at `asOf`,
 * which is not yet past due (the late fee needs `asOf` strictly after the due date).
 */
export function engineInput(month: BillingMonth): StatementInput {
  return {
    billingGroup: { id: 'bg-regression', ...month.billingGroup },
    month: month.month,
    priceBook: month.priceBook ?? DEFAULT_PRICE_BOOK,
    contract: month.contract ?? null,
    usage: month.usage.map((usage) => ({
      projectId: usage.projectId,
      counterName: usage.counterName,
      counterType: 'DELTA',
      unit: usage.unit,
      resourceId: usage.resourceId ?? null,
      resourceName: null,
      quantity: usage.quantity,
    })),
    adjustments: month.adjustments.map((adjustment) => ({
      ...adjustment,
      targetProjectId: adjustment.targetProjectId ?? null,
    })),
    credits: month.credits,
    previousStatement: month.unpaid
      ? {
          statementId: 'stmt-previous-month',
          month: previousMonth(month.month),
          outstanding: month.unpaid.amount,
          dueAt: month.unpaid.isOverdue
            ? new Date(Date.parse(month.asOf) - DAY_MS).toISOString()
            : new Date(Date.parse(month.asOf)).toISOString(),
        }
      : null,
    asOf: month.asOf,
  };
}

function previousMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
}
