import { IssueCollector, messages, monthOfMillis, toDecimalString } from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { notFound } from '../../http/problem';
import { serviceContext } from '../../http/service-context';
import { requireBillingGroup } from '../../services/billing-group-lookup';
import { budgetToWire, checkBudgets } from '../../services/budgets';
import { parseChargeAmount, parseDecimalInRange } from '../../services/credit-parsing';
import { clockOf } from '../../services/group-clock';
import type { BillingGroupRecord } from '../../storage/ports/billing-groups';
import type { BudgetRecord } from '../../storage/ports/budgets';
import type { createBudget, deleteBudget, listBudgets } from './budgets.routes';

type Vars = AppEnv['Variables'];

/** The group's current month: its test clock's, or the host's (DOMAIN §8a). */
const currentMonth = (vars: Vars, group: BillingGroupRecord) =>
  monthOfMillis(clockOf(vars.deps, group).clock().getTime());

export const handleCreateBudget: RouteHandler<typeof createBudget, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const body = c.req.valid('json');
  const issues = new IssueCollector();
  // An amount (TOTAL) in the group's currency's minor units; a quantity within the engine's decimals.
  const threshold =
    body.kind === 'TOTAL'
      ? parseChargeAmount('threshold', body.threshold, group.currency, { positive: true })
      : parseDecimalInRange('threshold', body.threshold);
  // A quantity's (a total's is refused above, with the same rule and sentence).
  if (!threshold.greaterThan(0)) issues.add('threshold', 'positive', messages.positive(body.threshold));
  const counterName = body.counterName ?? null;
  if (body.kind === 'QUANTITY' && counterName === null) {
    issues.add('counterName', 'required', 'is required for a QUANTITY budget');
  }
  if (body.kind === 'TOTAL' && counterName !== null) {
    issues.add('counterName', 'not-allowed', 'is only given for a QUANTITY budget');
  }
  issues.throwIfAny();
  const budget: BudgetRecord = {
    id: c.get('deps').newId('bud'),
    tenantId: group.tenantId,
    billingGroupId: group.id,
    name: body.name,
    kind: body.kind,
    counterName,
    threshold: toDecimalString(threshold),
    createdAt: clockOf(c.get('deps'), group).clock().toISOString(),
  };
  // Its value first: a month that cannot be computed refuses the budget before anything is written.
  const context = serviceContext(c.var);
  const month = currentMonth(c.var, group);
  const [status] = await checkBudgets(context, group, month, [budget], { report: false });
  if (!status) throw new Error('a new budget has a status');
  await c.get('storage').createBudget(budget);
  // A budget already crossed this month is reported at once; the budget stands whatever that finds.
  const reported = await checkBudgets(context, group, month, [budget]).catch((error: unknown) => {
    console.warn(
      JSON.stringify({
        level: 'warn',
        message: 'budget check failed',
        budgetId: budget.id,
        error: String(error),
      }),
    );
    return [status];
  });
  return c.json(budgetToWire(reported[0] ?? status), 201);
};

export const handleListBudgets: RouteHandler<typeof listBudgets, AppEnv> = async (c) => {
  const group = await requireBillingGroup(c.var, c.req.valid('param').billingGroupId);
  const month = c.req.valid('query').month ?? currentMonth(c.var, group);
  // A read: the values and what was reported, nothing written.
  const statuses = await checkBudgets(serviceContext(c.var), group, month, undefined, { report: false });
  return c.json({ items: statuses.map(budgetToWire) }, 200);
};

export const handleDeleteBudget: RouteHandler<typeof deleteBudget, AppEnv> = async (c) => {
  const { billingGroupId, budgetId } = c.req.valid('param');
  const group = await requireBillingGroup(c.var, billingGroupId);
  if (!(await c.get('storage').deleteBudget(group.tenantId, group.id, budgetId)))
    throw notFound('budget', budgetId);
  return c.body(null, 204);
};
