import { budgetStandings, computeStatement, type Month, monthOfMillis } from '@billing/engine';
import { budgetCrossingKey } from '../storage/d1/budgets';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';
import type { BudgetRecord } from '../storage/ports/budgets';
import { newEvent } from './events';
import { clockOf } from './group-clock';
import type { StatementContext } from './statement-close';
import { assembleStatementInput } from './statement-input';

/** A budget as the API shows it for a month: its value so far and whether (and when) it was crossed. */
export interface BudgetStatus extends BudgetRecord {
  month: Month;
  value: string;
  crossed: boolean;
  /** When its crossing was reported (`budget.threshold_crossed`); null while it was not. */
  crossedAt: string | null;
}

export const budgetToWire = (status: BudgetStatus) => ({
  id: status.id,
  billingGroupId: status.billingGroupId,
  name: status.name,
  kind: status.kind,
  counterName: status.counterName,
  threshold: status.threshold,
  createdAt: status.createdAt,
  month: status.month,
  value: status.value,
  crossed: status.crossed,
  crossedAt: status.crossedAt,
});

/**
 * The group's budgets against the month: the month's statement (closed, else its draft as of now)
 * read once for all of them. With `report`, crossings of the current month not reported yet are
 * reported now, each once per budget and month (`budget.threshold_crossed`, deduplicated by key),
 * whichever check finds it first: after usage arrives, a budget's creation, or the daily run. Only
 * the current month is reported, and only by budgets that existed in it: a look at another month
 * (a list, say) writes nothing, and cannot use up a month's one report before the month comes.
 */
export async function checkBudgets(
  context: StatementContext,
  group: BillingGroupRecord,
  month: Month,
  budgets?: BudgetRecord[],
  { report = true }: { report?: boolean } = {},
): Promise<BudgetStatus[]> {
  const { storage } = context;
  const deps = clockOf(context.deps, group);
  const all = budgets ?? (await storage.budgetsOfGroup(group.tenantId, group.id));
  if (all.length === 0) return [];
  const closed = await storage.liveStatementForMonth(group.tenantId, group.id, month);
  const statement =
    closed?.closed.result ??
    computeStatement((await assembleStatementInput(storage, group, month, deps.clock().toISOString())).input);
  const standings = budgetStandings(all, statement);
  const statuses = all.map((budget, index): BudgetStatus => {
    const standing = standings[index] as (typeof standings)[number];
    return { ...budget, month, value: standing.value, crossed: standing.crossed, crossedAt: null };
  });
  const reported = await storage.crossedBudgets(group.tenantId, group.id, month);
  const current = monthOfMillis(deps.clock().getTime());
  const crossings = statuses
    .filter((status) => report && month === current && status.createdAt.slice(0, 7) <= month)
    .filter((status) => status.crossed && !reported.has(status.id))
    .map((status) =>
      newEvent(
        deps,
        group.tenantId,
        'budget.threshold_crossed',
        budgetToWire({ ...status, crossedAt: deps.clock().toISOString() }),
        budgetCrossingKey(status.id, month),
      ),
    );
  const written = await storage.recordEvents(crossings);
  for (const event of written) reported.set(event.objectId, event.createdAt);
  if (written.length > 0) await context.outbox?.wrote(group.tenantId);
  return statuses.map((status) => ({ ...status, crossedAt: reported.get(status.id) ?? null }));
}

/**
 * After usage arrived: the group's budgets against each month it touched. A failure (a month that
 * cannot be computed yet, say) is logged and left to the daily run, never thrown at the ingestion.
 */
export async function checkBudgetsOfMonths(
  context: StatementContext,
  group: BillingGroupRecord,
  months: Month[],
): Promise<void> {
  // Only the current month's crossings are reported; the others would be computed for nothing.
  const current = monthOfMillis(clockOf(context.deps, group).clock().getTime());
  if (!months.includes(current)) return;
  const budgets = await context.storage.budgetsOfGroup(group.tenantId, group.id);
  if (budgets.length === 0) return;
  try {
    await checkBudgets(context, group, current, budgets);
  } catch (error) {
    const failure = {
      level: 'warn',
      message: 'budget check failed',
      billingGroupId: group.id,
      error: String(error),
    };
    console.warn(JSON.stringify(failure));
  }
}
