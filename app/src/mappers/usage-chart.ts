import Decimal from 'decimal.js';
import type { MonthlyUsage, StatementCalculation } from '@/api/types';

export interface ChartBar {
  label: string;
  /** Exact decimal string, formatted for display. */
  amount: string;
}

function groupAmounts(
  lines: StatementCalculation['lines'],
  key: (line: StatementCalculation['lines'][number]) => string,
) {
  const groups = new Map<string, Decimal>();
  for (const line of lines)
    groups.set(key(line), (groups.get(key(line)) ?? new Decimal(0)).plus(line.amount));
  return [...groups].map(([label, amount]) => ({ label, amount: amount.toFixed() }));
}

/** This month's charges by counter and by project, from the statement's line items. */
export function chargesBy(result: StatementCalculation): { byCounter: ChartBar[]; byProject: ChartBar[] } {
  return {
    byCounter: groupAmounts(result.lines, (line) => line.counterName),
    byProject: groupAmounts(result.lines, (line) => line.projectId),
  };
}

export interface UsageRow {
  projectId: string;
  counterName: string;
  quantity: string;
  unit: string;
}

export function usageRows(usage: MonthlyUsage): UsageRow[] {
  return usage.items.map(({ projectId, counterName, quantity, unit }) => ({
    projectId,
    counterName,
    quantity,
    unit,
  }));
}
