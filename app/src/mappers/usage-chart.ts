import Decimal from 'decimal.js';
import type { MonthlyUsage, StatementCalculation } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { counterLabel } from '@/lib/usage-labels';

export interface ChartBar {
  /** The bar's name as the page shows it: a counter's readable name, a project's name (else its id). */
  label: string;
  /** The id behind the label when they differ (a counter's, a named project's), for the label's title. */
  id?: string;
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
  return [...groups].map(([id, amount]) => ({ id, amount: amount.toFixed() }));
}

/** This month's charges by counter and by project (each by its readable name), from the statement's line items. */
export function chargesBy(
  result: StatementCalculation,
  locale: Locale,
  projectNames: ReadonlyMap<string, string> = new Map(),
): { byCounter: ChartBar[]; byProject: ChartBar[] } {
  return {
    byCounter: groupAmounts(result.lines, (line) => line.counterName).map(({ id, amount }) => ({
      label: counterLabel(id, locale),
      id,
      amount,
    })),
    byProject: groupAmounts(result.lines, (line) => line.projectId).map(({ id, amount }) => ({
      label: projectNames.get(id) ?? id,
      ...(projectNames.has(id) ? { id } : {}),
      amount,
    })),
  };
}

/** The ends of a chart's axis: 1, 2, 2.5 or 5 times a power of ten, the first not below `max`. */
export function axisMaximum(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((multiple) => multiple * magnitude >= max) ?? 10;
  return step * magnitude;
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
