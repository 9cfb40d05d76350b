import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  DecimalString,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  PercentString,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { GroupParams } from '../billing-groups/billing-groups.routes';
import { Pricing, PricingInput } from '../price-books/price-books.routes';

const PriceOverride = z
  .object({
    counterName: z.string().min(1).max(200).openapi({ example: 'storage.volume.ssd' }),
    pricing: Pricing,
  })
  .openapi('ContractPriceOverride');

const ContractTerms = z.object({
  priceOverrides: z
    .array(PriceOverride)
    .max(500)
    .openapi({ description: 'Prices or tiers that replace the price book’s for these counters' }),
  discountRate: PercentString.nullable().openapi({
    description: 'Percent 0–100 off the usage subtotal, as its own rounded line',
  }),
  minimumCharge: DecimalString.nullable().openapi({
    description: 'The least the discounted usage may come to; a MINIMUM_COMMITMENT line makes up the rest',
    example: '100000',
  }),
});

export const Contract = ContractTerms.extend({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
}).openapi('Contract');

/** The request's form of an override: strict, like the whole request body. */
const PriceOverrideInput = z
  .strictObject({ counterName: PriceOverride.shape.counterName, pricing: PricingInput })
  .openapi('ContractPriceOverrideInput');

const NewContract = z
  .strictObject({
    priceOverrides: z
      .array(PriceOverrideInput)
      .max(500)
      .optional()
      .openapi({ description: 'Prices or tiers that replace the price book’s for these counters' }),
    discountRate: ContractTerms.shape.discountRate.optional(),
    minimumCharge: ContractTerms.shape.minimumCharge.optional(),
    name: z.string().min(1).max(200),
  })
  .openapi('NewContract');

export const ContractAssignment = z
  .object({
    id: z.string(),
    billingGroupId: z.string(),
    contractId: z.string(),
    startMonth: Month,
    endMonth: Month.nullable().openapi({ description: 'Inclusive; null: open-ended' }),
    createdAt: z.string(),
  })
  .openapi('ContractAssignment');

const NewContractAssignment = z
  .strictObject({
    contractId: z.string().min(1).max(100),
    startMonth: Month.openapi({ description: 'The first month the contract applies to' }),
    endMonth: Month.nullable()
      .optional()
      .openapi({ description: 'The last month it applies to (inclusive); null or absent: open-ended' }),
  })
  .openapi('NewContractAssignment');

const ContractParams = z.object({ contractId: z.string().min(1).max(100) });

export const createContract = createRoute({
  method: 'post',
  path: '/v1/contracts',
  operationId: 'createContract',
  tags: ['Pricing'],
  summary: 'Create a contract: price overrides, a discount rate and a minimum charge',
  description:
    'The terms are checked by the engine’s contract rules (each 422 error names the field and the rule, e.g. ' +
    '`discountRate` `max-100`, `priceOverrides[0].pricing.tiers[1].from` `tiers-contiguous`). A contract holds no ' +
    'months: it applies to a billing group through a contract assignment.',
  security,
  request: { body: jsonBody(NewContract) },
  responses: { 201: json(Contract, 'The contract'), ...problems(...BODY_PROBLEMS) },
});

export const listContracts = createRoute({
  method: 'get',
  path: '/v1/contracts',
  operationId: 'listContracts',
  tags: ['Pricing'],
  summary: 'The tenant’s contracts',
  security,
  request: { query: PaginationQuery },
  responses: {
    200: json(pageOf(Contract, 'ContractPage'), 'A page of contracts'),
    ...problems(400, 401, 422, 429),
  },
});

export const getContract = createRoute({
  method: 'get',
  path: '/v1/contracts/{contractId}',
  operationId: 'getContract',
  tags: ['Pricing'],
  summary: 'One contract',
  security,
  request: { params: ContractParams },
  responses: { 200: json(Contract, 'The contract'), ...problems(401, 404, 429) },
});

export const createContractAssignment = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/contract-assignments',
  operationId: 'createContractAssignment',
  tags: ['Pricing'],
  summary: 'Apply a contract to a billing group for a range of months',
  description:
    'At most one contract applies to a group in any month: a range that overlaps another assignment of the ' +
    'group is a 409 `/problems/contract-overlap` naming it. An unknown `contractId` is a 422 (`exists`); ' +
    '`endMonth` before `startMonth` is a 422 (`month-range`).',
  security,
  request: { params: GroupParams, body: jsonBody(NewContractAssignment) },
  responses: {
    201: json(ContractAssignment, 'The assignment'),
    ...problems(...BODY_PROBLEMS, 404, 409),
  },
});

export const listContractAssignments = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/contract-assignments',
  operationId: 'listContractAssignments',
  tags: ['Pricing'],
  summary: 'The contracts applied to a billing group, with their month ranges',
  security,
  request: { params: GroupParams, query: PaginationQuery },
  responses: {
    200: json(pageOf(ContractAssignment, 'ContractAssignmentPage'), 'A page of assignments'),
    ...problems(400, 401, 404, 422, 429),
  },
});
