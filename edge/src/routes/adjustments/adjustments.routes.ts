import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  DecimalString,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { GroupParams } from '../billing-groups/billing-groups.routes';

const AdjustmentType = z.enum(['DISCOUNT', 'SURCHARGE']);
const AdjustmentMethod = z.enum(['FIXED', 'RATE']);
const AdjustmentLevel = z.enum(['PROJECT', 'BILLING_GROUP']);

export const Adjustment = z
  .object({
    id: z.string(),
    billingGroupId: z.string(),
    month: Month,
    type: AdjustmentType,
    method: AdjustmentMethod,
    value: DecimalString.openapi({ description: 'An amount for FIXED, a percent for RATE', example: '10' }),
    level: AdjustmentLevel,
    targetProjectId: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Adjustment');

const NewAdjustment = z
  .strictObject({
    month: Month.openapi({ description: 'The statement month it adjusts' }),
    type: AdjustmentType,
    method: AdjustmentMethod,
    value: DecimalString.openapi({
      description: 'FIXED: an amount ≥ 0; RATE: a percent ≥ 0, at most 100 for a discount',
      example: '10',
    }),
    level: AdjustmentLevel,
    targetProjectId: z.string().min(1).max(100).nullable().optional().openapi({
      description:
        'Required for PROJECT (any project id with usage; none applies 0), absent for BILLING_GROUP',
    }),
    description: z.string().max(500).nullable().optional(),
  })
  .openapi('NewAdjustment');

const AdjustmentParams = GroupParams.extend({ adjustmentId: z.string().min(1).max(100) });

export const createAdjustment = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/adjustments',
  operationId: 'createAdjustment',
  tags: ['Adjustments'],
  summary: 'Add a discount or surcharge to a month of a billing group (DOMAIN §4 steps 3–4)',
  description:
    'Checked by the engine’s adjustment rules: each 422 error names the field and the rule (e.g. `value` ' +
    '`max-100`, `targetProjectId` `required`/`not-allowed`). A month whose statement is closed takes no new ' +
    'adjustment: 409 `/problems/period-closed`.',
  security,
  request: { params: GroupParams, body: jsonBody(NewAdjustment) },
  responses: { 201: json(Adjustment, 'The adjustment'), ...problems(...BODY_PROBLEMS, 404, 409) },
});

export const listAdjustments = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/adjustments',
  operationId: 'listAdjustments',
  tags: ['Adjustments'],
  summary: 'A billing group’s adjustments, optionally of one month',
  security,
  request: {
    params: GroupParams,
    query: PaginationQuery.extend({ month: Month.optional().openapi({ description: 'Only this month’s' }) }),
  },
  responses: {
    200: json(pageOf(Adjustment, 'AdjustmentPage'), 'A page of adjustments'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const deleteAdjustment = createRoute({
  method: 'delete',
  path: '/v1/billing-groups/{billingGroupId}/adjustments/{adjustmentId}',
  operationId: 'deleteAdjustment',
  tags: ['Adjustments'],
  summary: 'Remove an adjustment from a month that is still open',
  description: 'A closed month’s adjustments are frozen with its statement: 409 `/problems/period-closed`.',
  security,
  request: { params: AdjustmentParams },
  responses: { 204: { description: 'Removed' }, ...problems(401, 404, 409, 429) },
});
