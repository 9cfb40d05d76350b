import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  Currency,
  json,
  jsonBody,
  PaginationQuery,
  PercentString,
  pageOf,
  problems,
  RoundingMode,
  security,
} from '../../openapi/schemas';

export const BillingGroup = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: Currency,
    vatRate: PercentString.openapi({ description: 'Percent' }),
    roundingMode: RoundingMode,
    paymentTermsDays: z.number().int(),
    lateFeeRate: PercentString.openapi({ description: 'Percent', example: '5' }),
    priceBookId: z
      .string()
      .nullable()
      .openapi({ description: 'Null: the default price book of the currency' }),
    autoClose: z.boolean().openapi({
      description:
        "The daily scheduled run (02:00 UTC) closes the group's open months before the current one, oldest first",
    }),
    testClockId: z
      .string()
      .nullable()
      .openapi({ description: 'The test clock the group lives on (set at creation); null: real time' }),
    testClockTime: z.string().nullable().openapi({
      description: "The group's simulated now: its test clock's time when read; null: real time",
    }),
    createdAt: z.string(),
  })
  .openapi('BillingGroup');

const Percent = PercentString.refine(
  (value) => Number(value) >= 0 && Number(value) <= 100,
  'must be a percent from 0 to 100',
);

const BillingGroupSettings = z.object({
  name: z.string().min(1).max(200),
  vatRate: Percent.optional().openapi({ description: 'Percent, default 10' }),
  roundingMode: RoundingMode.optional().openapi({ description: 'Default HALF_UP' }),
  paymentTermsDays: z.number().int().min(0).max(365).optional().openapi({ description: 'Default 14' }),
  lateFeeRate: Percent.optional().openapi({ description: 'Percent, default 5', example: '5' }),
  priceBookId: z.string().min(1).max(100).nullable().optional(),
  autoClose: z.boolean().optional().openapi({ description: 'Default false' }),
});

// Strict: a misspelled `testClockId` would otherwise make a real-time group for good.
export const NewBillingGroup = BillingGroupSettings.extend({
  currency: Currency.optional().openapi({ description: 'Default KRW' }),
  testClockId: z.string().min(1).max(100).optional().openapi({
    description:
      'A test clock of the tenant: the group lives in its time from creation on (DOMAIN §8a); it cannot be changed later',
  }),
})
  .strict()
  .openapi('NewBillingGroup');

// Strict: `testClockId` (set at creation only) and `currency` are refused, not silently ignored.
export const BillingGroupChanges = BillingGroupSettings.partial().strict().openapi('BillingGroupChanges');

export const Project = z
  .object({ id: z.string(), billingGroupId: z.string(), name: z.string(), createdAt: z.string() })
  .openapi('Project');

export const GroupParams = z.object({ billingGroupId: z.string().min(1).max(100) });

export const createBillingGroup = createRoute({
  method: 'post',
  path: '/v1/billing-groups',
  operationId: 'createBillingGroup',
  tags: ['Billing groups'],
  summary: 'Create a billing group (a customer account)',
  security,
  request: { body: jsonBody(NewBillingGroup) },
  responses: { 201: json(BillingGroup, 'The billing group'), ...problems(...BODY_PROBLEMS, 404) },
});

export const listBillingGroups = createRoute({
  method: 'get',
  path: '/v1/billing-groups',
  operationId: 'listBillingGroups',
  tags: ['Billing groups'],
  summary: 'The tenant’s billing groups',
  security,
  request: { query: PaginationQuery },
  responses: {
    200: json(pageOf(BillingGroup, 'BillingGroupPage'), 'A page of billing groups'),
    ...problems(400, 401, 422, 429),
  },
});

export const getBillingGroup = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}',
  operationId: 'getBillingGroup',
  tags: ['Billing groups'],
  summary: 'One billing group',
  security,
  request: { params: GroupParams },
  responses: { 200: json(BillingGroup, 'The billing group'), ...problems(401, 404, 429) },
});

export const updateBillingGroup = createRoute({
  method: 'patch',
  path: '/v1/billing-groups/{billingGroupId}',
  operationId: 'updateBillingGroup',
  tags: ['Billing groups'],
  summary: 'Change a billing group’s settings (closed statements keep the settings they froze)',
  security,
  request: { params: GroupParams, body: jsonBody(BillingGroupChanges) },
  responses: { 200: json(BillingGroup, 'The billing group'), ...problems(...BODY_PROBLEMS, 404) },
});

export const createProject = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/projects',
  operationId: 'createProject',
  tags: ['Billing groups'],
  summary: 'Create a project in a billing group',
  security,
  request: {
    params: GroupParams,
    body: jsonBody(z.strictObject({ name: z.string().min(1).max(200) }).openapi('NewProject')),
  },
  responses: { 201: json(Project, 'The project'), ...problems(...BODY_PROBLEMS, 404) },
});

export const listProjects = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/projects',
  operationId: 'listProjects',
  tags: ['Billing groups'],
  summary: 'A billing group’s projects',
  security,
  request: { params: GroupParams, query: PaginationQuery },
  responses: {
    200: json(pageOf(Project, 'ProjectPage'), 'A page of projects'),
    ...problems(400, 401, 404, 422, 429),
  },
});
