import { z } from '@hono/zod-openapi';
import { Currency, DecimalString, Month, PercentString, RoundingMode } from './schemas';

/**
 * The engine's StatementResult (engine/src/types.ts) on the wire, with its explain trace. The
 * component names are specific ("ExplainTraceStep", not "TraceStep") so that they cannot collide
 * with another resource's schemas in the one OpenAPI document; other resources may reuse them.
 */

const RESULT_DESCRIPTION = 'The step’s amount; a few steps state an outcome instead (contract: applies)';

const CreditType = z.enum(['PROMOTIONAL', 'FREE', 'PAID', 'REFUND']);

export const ExplainTraceStep = z
  .object({
    step: z.number().int().openapi({ description: '1-based position in the trace' }),
    rule: z.string().openapi({ example: 'credit-burn' }),
    description: z.string(),
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    exact: DecimalString.openapi({ description: 'The exact value before any rounding' }),
    rounding: z
      .object({
        mode: RoundingMode,
        currency: Currency,
        minorUnit: z.number().int(),
        before: DecimalString,
        after: DecimalString,
      })
      .nullable(),
    result: z.string().openapi({ description: RESULT_DESCRIPTION }),
    notes: z
      .array(z.string())
      .openapi({ description: 'Tier breakdowns, caps or clamps that bit, burn order' }),
  })
  .openapi('ExplainTraceStep');

export const BurnedCredit = z
  .object({
    grantId: z.string(),
    type: CreditType,
    priority: z.number().int(),
    expiresAt: z.string().nullable(),
    grantedAt: z.string(),
    order: z.number().int().openapi({ description: '1-based position in the burn order' }),
    balanceBefore: DecimalString,
    amountApplied: DecimalString,
    balanceAfter: DecimalString,
  })
  .openapi('BurnedCredit');

export const UnusedCredit = z
  .object({
    grantId: z.string(),
    reason: z.enum(['NOT_YET_GRANTED', 'EXPIRED', 'NO_BALANCE', 'CHARGE_COVERED']),
  })
  .openapi('UnusedCredit');

const UsageLine = z.object({
  lineId: z.string(),
  projectId: z.string(),
  counterName: z.string(),
  counterType: z.enum(['DELTA', 'GAUGE', 'CUMULATIVE']),
  unit: z.string(),
  resourceId: z.string().nullable(),
  resourceName: z.string().nullable(),
  quantity: DecimalString,
  pricingModel: z.enum(['PER_UNIT', 'GRADUATED', 'VOLUME']),
  unitPrice: DecimalString,
  priceSource: z.enum(['PRICE_BOOK', 'CONTRACT']),
  exactAmount: DecimalString,
  amount: DecimalString,
});

const AppliedAdjustment = z.object({
  adjustmentId: z.string(),
  type: z.enum(['DISCOUNT', 'SURCHARGE']),
  method: z.enum(['FIXED', 'RATE']),
  level: z.enum(['PROJECT', 'BILLING_GROUP']),
  targetProjectId: z.string().nullable(),
  description: z.string().nullable(),
  value: DecimalString,
  base: DecimalString,
  requested: DecimalString,
  amount: DecimalString,
  capped: z.boolean(),
});

export const StatementCalculation = z
  .object({
    billingGroupId: z.string(),
    month: Month,
    currency: Currency,
    roundingMode: RoundingMode,
    lines: z.array(UsageLine),
    subtotal: DecimalString,
    contractLines: z.array(
      z.object({
        kind: z.enum(['CONTRACT_DISCOUNT', 'MINIMUM_COMMITMENT']),
        contractId: z.string(),
        amount: DecimalString,
        exactAmount: DecimalString,
      }),
    ),
    contractTotal: DecimalString,
    projectAdjustments: z.array(AppliedAdjustment),
    billingGroupAdjustments: z.array(AppliedAdjustment),
    adjustmentTotal: DecimalString.openapi({ description: 'Signed: surcharges minus discounts' }),
    chargeBeforeCredits: DecimalString,
    credits: z.array(BurnedCredit),
    skippedCredits: z.array(UnusedCredit),
    creditTotal: DecimalString,
    charge: DecimalString,
    vatRate: PercentString,
    vat: DecimalString,
    previousStatementId: z.string().nullable(),
    unpaid: DecimalString,
    isOverdue: z.boolean(),
    lateFeeRate: PercentString.openapi({ example: '5' }),
    lateFee: DecimalString,
    total: DecimalString.openapi({ description: 'charge + vat + unpaid + lateFee, exactly' }),
    trace: z.array(ExplainTraceStep),
  })
  .openapi('StatementCalculation');
