import { createRoute, z } from '@hono/zod-openapi';
import {
  AUTHENTICATED_PROBLEMS,
  BODY_PROBLEMS,
  Currency,
  DecimalString,
  Instant,
  json,
  jsonBody,
  Month,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { BurnedCredit, ExplainTraceStep, UnusedCredit } from '../../openapi/statement-result.schemas';
import { GroupParams } from '../billing-groups/billing-groups.routes';

const tags = ['Credits'];

const CreditType = z
  .enum(['PROMOTIONAL', 'FREE', 'PAID', 'REFUND'])
  .openapi({ description: 'Default priority by type: PROMOTIONAL 10, FREE 20, REFUND 30, PAID 40' });

export const CreditGrant = z
  .object({
    id: z.string(),
    billingGroupId: z.string(),
    type: CreditType,
    amount: DecimalString.openapi({ description: 'Granted, in the billing group’s currency' }),
    balance: DecimalString.openapi({ description: 'What is left: the sum of the grant’s ledger entries' }),
    priority: z.number().int().openapi({ description: 'Lower burns first' }),
    priorityIsDefault: z.boolean().openapi({ description: 'True when the priority is the type’s default' }),
    expiresAt: z.string().nullable(),
    grantedAt: z.string(),
    campaignId: z.string().nullable(),
    name: z.string().nullable(),
    voidedAt: z.string().nullable(),
    createdAt: z.string(),
    lowBalanceThreshold: DecimalString.nullable().openapi({
      description: '`credit.low` is reported once when the balance falls below this; null: never',
    }),
  })
  .openapi('CreditGrant');

export const NewCreditGrant = z
  .strictObject({
    type: CreditType,
    amount: DecimalString.openapi({
      description: 'Greater than 0, with no digits below the currency’s minor unit',
      example: '10000',
    }),
    priority: z.number().int().nullable().optional().openapi({ description: 'Default: by type' }),
    expiresAt: Instant.nullable()
      .optional()
      .openapi({ description: 'Exclusive; must be after grantedAt. Absent: never expires' }),
    grantedAt: Instant.optional().openapi({ description: 'Default: now' }),
    campaignId: z.string().min(1).max(100).nullable().optional(),
    name: z.string().min(1).max(200).nullable().optional(),
    lowBalanceThreshold: DecimalString.nullable().optional().openapi({
      description: 'Report `credit.low` (once) when the balance falls below this; ≥ 0, in whole minor units',
      example: '1000',
    }),
  })
  .openapi('NewCreditGrant');

export const CreditLedgerEntry = z
  .object({
    seq: z.number().int().openapi({ description: 'Orders the whole ledger' }),
    grantId: z.string(),
    kind: z.enum(['GRANT', 'CONSUME', 'EXPIRE', 'VOID', 'RELEASE']),
    amount: DecimalString.openapi({ description: 'Signed: GRANT and RELEASE add, the others take' }),
    at: z.string(),
    statementId: z.string().nullable().openapi({ description: 'The statement that consumed or released it' }),
  })
  .openapi('CreditLedgerEntry');

const BalancesByType = z.object({
  PROMOTIONAL: DecimalString,
  FREE: DecimalString,
  REFUND: DecimalString,
  PAID: DecimalString,
});

export const CreditBalances = z
  .object({
    billingGroupId: z.string(),
    currency: Currency,
    asOf: z.string().openapi({ description: 'When `expired` was judged' }),
    total: DecimalString.openapi({ description: 'The sum of every listed grant’s balance' }),
    byType: BalancesByType,
    expiredBalance: DecimalString.openapi({
      description: 'Part of the total held by grants already past their expiry (see expireCreditGrants)',
    }),
    grants: z.array(
      z.object({
        grantId: z.string(),
        type: CreditType,
        priority: z.number().int(),
        expiresAt: z.string().nullable(),
        expired: z.boolean(),
        balance: DecimalString,
      }),
    ),
  })
  .openapi('CreditBalances');

export const CreditBurnPreviewRequest = z
  .strictObject({
    month: Month,
    amount: DecimalString.openapi({
      description: 'The charge to pay with credits, at least 0',
      example: '50000',
    }),
  })
  .openapi('CreditBurnPreviewRequest');

export const CreditBurnPreview = z
  .object({
    billingGroupId: z.string(),
    month: Month,
    currency: Currency,
    amount: DecimalString,
    creditTotal: DecimalString.openapi({ description: 'What the credits would pay' }),
    remaining: DecimalString.openapi({
      description: 'amount − creditTotal: what the customer would still owe',
    }),
    credits: z.array(
      BurnedCredit.extend({
        why: z.string().openapi({ description: 'Which burn-order rule put the grant in its place' }),
      }),
    ),
    skipped: z.array(UnusedCredit.extend({ why: z.string() })),
    trace: z.array(ExplainTraceStep),
  })
  .openapi('CreditBurnPreview');

const CreditExpiry = z
  .object({
    asOf: z.string(),
    expired: z.array(z.object({ grantId: z.string(), amount: DecimalString, at: z.string() })),
  })
  .openapi('CreditExpiry');

const GrantParams = GroupParams.extend({ grantId: z.string().min(1).max(100) });

const LedgerQuery = PaginationQuery.extend({
  grantId: z.string().min(1).max(100).optional().openapi({ description: 'Only this grant’s entries' }),
});

export const grantCredit = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/credits',
  operationId: 'grantCredit',
  tags,
  summary: 'Grant credit to a billing group (the grant and its GRANT ledger entry, atomically)',
  security,
  request: { params: GroupParams, body: jsonBody(NewCreditGrant) },
  responses: {
    201: json(CreditGrant, 'The grant, its balance the full amount'),
    ...problems(...BODY_PROBLEMS, 404),
  },
});

export const listCreditGrants = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/credits',
  operationId: 'listCreditGrants',
  tags,
  summary: 'A billing group’s grants, voided ones included, each with its balance',
  security,
  request: { params: GroupParams, query: PaginationQuery },
  responses: {
    200: json(pageOf(CreditGrant, 'CreditGrantPage'), 'A page of grants'),
    ...problems(400, ...AUTHENTICATED_PROBLEMS, 404, 422),
  },
});

export const getCreditGrant = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/credits/{grantId}',
  operationId: 'getCreditGrant',
  tags,
  summary: 'One grant with its balance',
  security,
  request: { params: GrantParams },
  responses: { 200: json(CreditGrant, 'The grant'), ...problems(...AUTHENTICATED_PROBLEMS, 404) },
});

export const voidCreditGrant = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/credits/{grantId}/void',
  operationId: 'voidCreditGrant',
  tags,
  summary: 'Void a grant: a VOID entry of its remaining balance and voidedAt, atomically; once only',
  security,
  request: { params: GrantParams },
  responses: {
    200: json(CreditGrant, 'The voided grant, its balance 0'),
    ...problems(...AUTHENTICATED_PROBLEMS, 404, 409, 413, 415),
  },
});

export const expireCreditGrants = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/credits/expire',
  operationId: 'expireCreditGrants',
  tags,
  summary: 'Write EXPIRE entries for what is left of every grant whose expiry has passed',
  security,
  request: { params: GroupParams },
  responses: {
    200: json(CreditExpiry, 'The EXPIRE entries written (none when nothing had expired)'),
    ...problems(...AUTHENTICATED_PROBLEMS, 404, 409, 413, 415),
  },
});

export const previewCreditBurn = createRoute({
  method: 'post',
  path: '/v1/billing-groups/{billingGroupId}/credits/preview',
  operationId: 'previewCreditBurn',
  tags,
  summary: 'Dry run: which grants would pay how much of a charge in a month, and why in that order',
  description: 'Consumes nothing: balances and the ledger are unchanged.',
  security,
  request: { params: GroupParams, body: jsonBody(CreditBurnPreviewRequest) },
  responses: { 200: json(CreditBurnPreview, 'The burn plan'), ...problems(...BODY_PROBLEMS, 404) },
});

export const listCreditLedger = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/credit-ledger',
  operationId: 'listCreditLedger',
  tags,
  summary: 'The billing group’s credit ledger in order (append-only)',
  security,
  request: { params: GroupParams, query: LedgerQuery },
  responses: {
    200: json(pageOf(CreditLedgerEntry, 'CreditLedgerPage'), 'A page of ledger entries'),
    ...problems(400, ...AUTHENTICATED_PROBLEMS, 404, 422),
  },
});

export const getCreditBalances = createRoute({
  method: 'get',
  path: '/v1/billing-groups/{billingGroupId}/credit-balances',
  operationId: 'getCreditBalances',
  tags,
  summary: 'Balances of the grants that are not voided: per grant, per type and in total',
  security,
  request: { params: GroupParams },
  responses: { 200: json(CreditBalances, 'The balances'), ...problems(...AUTHENTICATED_PROBLEMS, 404) },
});
