import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  Currency,
  DecimalString,
  Instant,
  json,
  jsonBody,
  Month,
  PercentString,
  problems,
  RoundingMode,
  security,
} from '../../openapi/schemas';
import { StatementCalculation } from '../../openapi/statement-result.schemas';

/**
 * The request names fields the way the engine's issues name them (`usage[0].quantity`,
 * `billingGroup.vatRate`, …), so a 422 points at the request's own fields. Value rules (ranges,
 * minor units, known counters, tier shapes) are the engine's; the schema checks types and formats.
 */

const MAX_ITEMS = 1000;
const OVERDUE_DESCRIPTION = 'Default false. True: that statement is past due at asOf, so a late fee applies';
const Id = z.string().min(1).max(100);

const Pricing = z
  .strictObject({
    model: z.enum(['PER_UNIT', 'GRADUATED', 'VOLUME']),
    unitPrice: DecimalString.optional().openapi({ description: 'PER_UNIT only' }),
    tiers: z
      .array(z.strictObject({ from: DecimalString, to: DecimalString.nullable(), unitPrice: DecimalString }))
      .max(100)
      .optional()
      .openapi({ description: 'GRADUATED and VOLUME: half-open [from, to), contiguous from 0, last open' }),
  })
  .openapi('CalculatorPricing');

/**
 * Unknown fields are refused (422 `unknown-field`) at every level rather than dropped: a client that
 * sends a credit `balance` must learn that the calculator burns `amount`, not be over-credited.
 */
export const CalculatorRequest = z
  .strictObject({
    month: Month,
    billingGroup: z
      .strictObject({
        currency: Currency.optional().openapi({ description: 'Default: the price book’s, else KRW' }),
        vatRate: PercentString.optional().openapi({ description: 'Percent, default 10' }),
        roundingMode: RoundingMode.optional().openapi({ description: 'Default HALF_UP' }),
        paymentTermsDays: z.number().int().optional().openapi({ description: 'Default 14' }),
        lateFeeRate: PercentString.optional().openapi({ description: 'Percent, default 5', example: '5' }),
      })
      .optional()
      .openapi({ description: 'The billing group’s settings; every one has a default' }),
    priceBook: z
      .strictObject({
        id: Id.optional(),
        name: z.string().min(1).max(200).optional(),
        currency: Currency.optional().openapi({ description: 'Default: the billing group’s currency' }),
        entries: z
          .array(z.strictObject({ counterName: Id, unit: z.string().min(1).max(50), pricing: Pricing }))
          .max(MAX_ITEMS),
      })
      .optional()
      .openapi({ description: 'Default: the built-in KRW price book (DOMAIN §3)' }),
    usage: z
      .array(
        z.strictObject({
          projectId: Id,
          counterName: Id,
          counterType: z
            .enum(['DELTA', 'GAUGE', 'CUMULATIVE'])
            .optional()
            .openapi({ description: 'Default DELTA' }),
          unit: z
            .string()
            .min(1)
            .max(50)
            .optional()
            .openapi({ description: 'Default: the price book’s unit' }),
          resourceId: Id.nullable().optional(),
          resourceName: z.string().min(1).max(200).nullable().optional(),
          quantity: DecimalString.openapi({ description: 'The month’s aggregated quantity', example: '10' }),
        }),
      )
      .max(MAX_ITEMS),
    contract: z
      .strictObject({
        id: Id.optional(),
        name: z.string().max(200).optional(),
        startMonth: Month.optional().openapi({ description: 'Default: the month calculated' }),
        endMonth: Month.nullable().optional(),
        priceOverrides: z
          .array(z.strictObject({ counterName: Id, pricing: Pricing }))
          .max(MAX_ITEMS)
          .optional(),
        discountRate: PercentString.nullable().optional().openapi({ description: 'Percent 0–100' }),
        minimumCharge: DecimalString.nullable().optional(),
      })
      .nullable()
      .optional(),
    adjustments: z
      .array(
        z.strictObject({
          id: Id.optional().openapi({ description: 'Default adjustment-<n>' }),
          type: z.enum(['DISCOUNT', 'SURCHARGE']),
          method: z.enum(['FIXED', 'RATE']),
          value: DecimalString.openapi({
            description: 'An amount (FIXED) or a percent (RATE)',
            example: '10',
          }),
          level: z
            .enum(['PROJECT', 'BILLING_GROUP'])
            .optional()
            .openapi({ description: 'Default: PROJECT when targetProjectId is given, else BILLING_GROUP' }),
          targetProjectId: Id.nullable().optional(),
          description: z.string().max(500).nullable().optional(),
        }),
      )
      .max(MAX_ITEMS)
      .optional(),
    credits: z
      .array(
        z.strictObject({
          id: Id.optional().openapi({ description: 'Default credit-<n>' }),
          type: z.enum(['PROMOTIONAL', 'FREE', 'PAID', 'REFUND']),
          amount: DecimalString.openapi({ description: 'Available to burn: the balance is the amount' }),
          priority: z.number().int().nullable().optional(),
          expiresAt: Instant.nullable().optional(),
          grantedAt: Instant.optional().openapi({ description: 'Default: the start of the month' }),
          campaignId: Id.nullable().optional(),
          name: z.string().max(200).nullable().optional(),
        }),
      )
      .max(MAX_ITEMS)
      .optional(),
    unpaid: z
      .strictObject({
        amount: DecimalString.openapi({ description: 'Outstanding on the previous statement' }),
        isOverdue: z.boolean().optional().openapi({ description: OVERDUE_DESCRIPTION }),
      })
      .optional()
      .openapi({
        description:
          'A balance forward. It becomes a synthetic previous statement of the month before, due one day ' +
          'before asOf when isOverdue, else one day after it.',
      }),
    asOf: Instant.optional().openapi({ description: 'When the statement is computed; default now' }),
  })
  .openapi('CalculatorRequest');

export type CalculatorRequestBody = z.infer<typeof CalculatorRequest>;

export const calculateStatement = createRoute({
  method: 'post',
  path: '/v1/calculate',
  operationId: 'calculateStatement',
  tags: ['Calculator'],
  summary: 'Compute a statement from the request alone, with its explain trace (nothing is stored)',
  security,
  request: { body: jsonBody(CalculatorRequest) },
  responses: {
    200: json(StatementCalculation, 'The statement, as the engine computes it'),
    ...problems(...BODY_PROBLEMS),
  },
});
