import { createRoute, z } from '@hono/zod-openapi';
import { Problem } from '../../openapi/schemas';

/**
 * The legacy calculator API of DOMAIN §9, documented for the contract tier. Its handlers are plain
 * Hono routes (compat.index.ts), not validated ones: the legacy API answers its own envelope, never
 * problem+json, so nothing may validate the body before the engine does. Money here is JSON numbers.
 */

const tags = ['Legacy'];

const LEGACY_DESCRIPTION =
  'Kept bit for bit for clients of the older system (DOMAIN §9). No API key (the older API had none); ' +
  'a limit per client (600 requests a minute, `LEGACY_RATE_LIMIT_PER_MINUTE`) answers 429 in the legacy ' +
  'envelope with `Retry-After`; nothing is stored. The body is parsed as JSON whatever its Content-Type, as the ' +
  'older system did; a body that is not JSON (an empty one included) answers 400 ' +
  '`Invalid JSON request body: <parser message>`. Only the 1 MiB body limit answers problem+json (413).';

const SuccessHeader = z
  .object({ isSuccessful: z.literal(true), resultCode: z.literal(0), resultMessage: z.literal('SUCCESS') })
  .strict();

export const LegacyError = z
  .object({
    header: z
      .object({
        isSuccessful: z.literal(false),
        resultCode: z.literal(-1),
        resultMessage: z
          .string()
          .openapi({ example: 'Invalid type: "X". Must be one of: DISCOUNT, SURCHARGE.' }),
      })
      .strict(),
  })
  .strict()
  .openapi('LegacyError', { description: 'A refusal: no `data` key at all' });

const LegacyLineItem = z
  .object({
    id: z.string().openapi({ example: 'line-0' }),
    counterName: z.string(),
    counterType: z.string(),
    unit: z.string().optional(),
    quantity: z.number(),
    unitPrice: z.number(),
    amount: z.number(),
    resourceId: z.string().optional(),
    resourceName: z.string().optional(),
    projectId: z.string().optional(),
    appKey: z.string().optional(),
  })
  .strict();

const LegacyAppliedCredit = z
  .object({
    creditId: z.string(),
    type: z.string().optional(),
    amountApplied: z.number(),
    remainingBalance: z.number(),
    campaignId: z.string().optional(),
    campaignName: z.string().optional(),
  })
  .strict();

const LegacyAppliedAdjustment = z
  .object({
    adjustmentId: z.string().openapi({ example: 'adj-0' }),
    type: z.enum(['DISCOUNT', 'SURCHARGE']),
    description: z.string(),
    amount: z.number(),
    level: z.enum(['BILLING_GROUP', 'PROJECT']),
    targetId: z.string().optional(),
  })
  .strict();

const LegacyStatement = z
  .object({
    statementId: z.string().openapi({ example: 'stmt-calc_…' }),
    uuid: z.string().optional(),
    billingGroupId: z.string().optional(),
    month: z.string(),
    currency: z.literal('KRW'),
    subtotal: z.number(),
    billingGroupDiscount: z.literal(0),
    adjustmentTotal: z.number(),
    creditApplied: z.number(),
    vat: z.number(),
    unpaidAmount: z.number(),
    lateFee: z.number(),
    charge: z.number(),
    amount: z.number(),
    totalAmount: z.number(),
    status: z.literal('PENDING'),
    lineItems: z.array(LegacyLineItem),
    appliedCredits: z.array(LegacyAppliedCredit),
    appliedAdjustments: z.array(LegacyAppliedAdjustment),
  })
  .strict()
  .openapi('LegacyStatement');

const envelope = <T extends z.ZodTypeAny>(data: T, name: string) =>
  z.object({ header: SuccessHeader, data }).strict().openapi(name);

const LegacyStatementEnvelope = envelope(LegacyStatement, 'LegacyStatementEnvelope');

const LegacyCalculateRequest = z
  .object({
    uuid: z.string().optional().openapi({ description: 'The `uuid` header wins when present' }),
    billingGroupId: z.string().optional(),
    targetDate: z
      .string()
      .optional()
      .openapi({ description: 'Any date the JavaScript Date parser reads; default now' }),
    unpaidAmount: z.number().optional(),
    isOverdue: z.boolean().optional().openapi({ description: 'Only the literal true charges a late fee' }),
    usage: z
      .array(
        z.object({
          counterName: z.string(),
          counterVolume: z.number().openapi({
            description:
              'May be negative, as the older system allowed: a negative line, floor(volume × hundredths / 100)',
          }),
          counterUnit: z.string().optional(),
          counterType: z.string().optional(),
          resourceId: z.string().optional(),
          resourceName: z.string().optional(),
          projectId: z.string().optional(),
          appKey: z.string().optional(),
        }),
      )
      .optional(),
    credits: z
      .array(
        z.object({
          amount: z.number(),
          type: z.string().optional(),
          campaignId: z.string().optional(),
          name: z.string().optional(),
          creditCode: z.string().optional(),
          uuid: z.string().optional(),
        }),
      )
      .optional()
      .openapi({ description: 'Burned in request order' }),
    adjustments: z
      .array(
        z.union([
          z.object({
            type: z.enum(['DISCOUNT', 'SURCHARGE']),
            method: z.enum(['FIXED', 'RATE']),
            value: z.number(),
            description: z.string().optional(),
            level: z.string().optional(),
            targetProjectId: z.string().optional(),
          }),
          z
            .object({
              adjustmentType: z.enum(['DISCOUNT', 'SURCHARGE']),
              method: z.enum(['FIXED', 'RATE']),
              adjustmentValue: z.number(),
              description: z.string().optional(),
              level: z.string().optional(),
              targetProjectId: z.string().optional(),
            })
            .openapi({ description: 'The older adjustment shape' }),
        ]),
      )
      .optional(),
  })
  .openapi('LegacyCalculateRequest');

const LegacyPaymentRequest = z
  .object({
    paymentGroupId: z.string().optional().openapi({ description: 'Default PG-default' }),
    amount: z.number().optional().openapi({ description: 'Default 0' }),
  })
  .openapi('LegacyPaymentRequest');

const LegacyPayment = z
  .object({
    paymentId: z.string().openapi({ example: 'PAY-pay_…' }),
    paymentGroupId: z.string(),
    amount: z.number(),
    status: z.literal('SUCCESS'),
    method: z.literal('MOCK'),
    transactionDate: z.string(),
  })
  .strict();

const LegacyPaymentEnvelope = envelope(LegacyPayment, 'LegacyPaymentEnvelope');

const LegacyPaymentStatementsEnvelope = envelope(
  z
    .object({
      paymentGroupId: z.string(),
      paymentStatus: z.literal('PENDING'),
      statements: z.array(LegacyStatement),
    })
    .strict(),
  'LegacyPaymentStatementsEnvelope',
);

const UuidHeader = z.object({
  uuid: z.string().optional().openapi({ description: 'The caller’s id, echoed back' }),
});
const MonthParam = z.object({ month: z.string().openapi({ example: '2025-03' }) });

const legacyJson = (schema: z.ZodTypeAny) => ({ content: { 'application/json': { schema } } });
const refused = (description: string) => ({ description, ...legacyJson(LegacyError) });
const tooMany = {
  description: 'Over the client’s legacy rate limit; retry after `Retry-After` seconds',
  ...legacyJson(LegacyError),
};
const tooLarge = {
  description: 'The body exceeds the edge’s 1 MiB limit',
  content: { 'application/problem+json': { schema: Problem } },
};

function calculateRoute(path: string, operationId: string) {
  return createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    summary: 'Legacy stateless calculator: a statement in the older system’s arithmetic',
    description: LEGACY_DESCRIPTION,
    security: [],
    request: { headers: UuidHeader, body: { required: true, ...legacyJson(LegacyCalculateRequest) } },
    responses: {
      200: { description: 'The statement', ...legacyJson(LegacyStatementEnvelope) },
      400: refused('The first problem found, or a body that is not JSON'),
      413: tooLarge,
      429: tooMany,
    },
  });
}

function paymentStatementsRoute(path: string, operationId: string) {
  return createRoute({
    method: 'get',
    path,
    operationId,
    tags,
    summary: 'Legacy payment statements stub: one empty PENDING statement for the caller',
    description: `${LEGACY_DESCRIPTION} A GET with no body is the normal case.`,
    security: [],
    request: { headers: UuidHeader, params: MonthParam },
    responses: {
      200: { description: 'The stub', ...legacyJson(LegacyPaymentStatementsEnvelope) },
      400: refused('A body was sent and it is not JSON'),
      413: tooLarge,
      429: tooMany,
    },
  });
}

function createPaymentRoute(path: string, operationId: string) {
  return createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    summary: 'Legacy mock payment: always succeeds, moves no money, stores nothing',
    description: LEGACY_DESCRIPTION,
    security: [],
    request: { params: MonthParam, body: { required: true, ...legacyJson(LegacyPaymentRequest) } },
    responses: {
      200: { description: 'The mock payment', ...legacyJson(LegacyPaymentEnvelope) },
      400: refused('The body is not a JSON object, or a field has the wrong type'),
      413: tooLarge,
      429: tooMany,
    },
  });
}

export const legacyCalculate = calculateRoute('/api/billing/admin/calculate', 'legacyCalculate');
export const legacyCalculateAlias = calculateRoute('/billing/admin/calculate', 'legacyCalculateAlias');
export const legacyPaymentStatements = paymentStatementsRoute(
  '/api/billing/payments/{month}/statements',
  'legacyPaymentStatements',
);
export const legacyPaymentStatementsAlias = paymentStatementsRoute(
  '/billing/payments/{month}/statements',
  'legacyPaymentStatementsAlias',
);
export const legacyCreatePayment = createPaymentRoute('/api/billing/payments/{month}', 'legacyCreatePayment');
export const legacyCreatePaymentAlias = createPaymentRoute(
  '/billing/payments/{month}',
  'legacyCreatePaymentAlias',
);
