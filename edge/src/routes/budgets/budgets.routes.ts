import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  DecimalString,
  json,
  jsonBody,
  Month,
  problems,
  security,
} from '../../openapi/schemas';
import { GroupParams } from '../billing-groups/billing-groups.routes';

const tags = ['Budgets'];

const BudgetKind = z.enum(['TOTAL', 'QUANTITY']).openapi({
  description:
    'TOTAL: the month’s running total (its draft statement’s total); QUANTITY: one counter’s quantity',
});

export const Budget = z
  .object({
    id: z.string(),
    billingGroupId: z.string(),
    name: z.string(),
    kind: BudgetKind,
    counterName: z.string().nullable(),
    threshold: DecimalString,
    createdAt: z.string(),
    month: Month.openapi({ description: 'The month the value and crossing are of' }),
    value: DecimalString.openapi({
      description: 'The total, or the counter’s quantity, so far in the month',
    }),
    crossed: z.boolean().openapi({ description: 'The value has reached the threshold' }),
    crossedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When `budget.threshold_crossed` reported it for the month; null until then' }),
  })
  .openapi('Budget');

const NewBudget = z
  .strictObject({
    name: z.string().min(1).max(200),
    kind: BudgetKind,
    counterName: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .optional()
      .openapi({ description: 'Required for QUANTITY, absent for TOTAL' }),
    threshold: DecimalString.openapi({ description: 'Greater than 0', example: '100000' }),
  })
  .openapi('NewBudget');

const MonthQuery = z.object({
  month: Month.optional().openapi({
    description: 'The month to show the budgets against (default: the current one)',
  }),
});

export const createBudget = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/budgets',
  operationId: 'createBudget',
  tags,
  summary: 'Add a budget to a billing group; crossing it reports budget.threshold_crossed once a month',
  security,
  request: { params: GroupParams, body: jsonBody(NewBudget) },
  responses: {
    201: json(Budget, 'The budget, against the current month'),
    ...problems(...BODY_PROBLEMS, 404),
  },
});

export const listBudgets = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/budgets',
  operationId: 'listBudgets',
  tags,
  summary: 'A billing group’s budgets against a month: value so far, crossed or not',
  security,
  request: { params: GroupParams, query: MonthQuery },
  responses: {
    200: json(z.object({ items: z.array(Budget) }).openapi('BudgetList'), 'Every budget of the group'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const deleteBudget = createRoute({
  method: 'delete',
  path: '/v1/billing-groups/{billingGroupId}/budgets/{budgetId}',
  operationId: 'deleteBudget',
  tags,
  summary: 'Remove a budget (the crossings it reported stay in the events)',
  security,
  request: { params: GroupParams.extend({ budgetId: z.string().min(1).max(100) }) },
  responses: { 204: { description: 'Removed' }, ...problems(401, 404, 429) },
});
