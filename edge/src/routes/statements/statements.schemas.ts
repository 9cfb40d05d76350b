import { z } from '@hono/zod-openapi';
import { Currency, DecimalString, Instant, Month, pageOf } from '../../openapi/schemas';
import { ExplainTraceStep, StatementCalculation } from '../../openapi/statement-result.schemas';

export const StatementState = z
  .enum(['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CARRIED_FORWARD', 'VOID'])
  .openapi('StatementState', {
    description: 'Derived from close, void, carry-forward and payments (DOMAIN §6)',
  });

const StandingFields = {
  statementId: z.string().nullable().openapi({ description: 'Null for a draft' }),
  number: z.string().nullable().openapi({
    description: 'Gapless per tenant and year of the month, given at close; null for a draft',
    example: 'ST-2026-000123',
  }),
  billingGroupId: z.string(),
  month: Month,
  currency: Currency,
  state: StatementState,
  total: DecimalString,
  paid: DecimalString.openapi({ description: 'What succeeded payments paid' }),
  credited: DecimalString.openapi({
    description: 'What credit notes took off the outstanding amount (not what they refunded as credit)',
  }),
  outstanding: DecimalString.openapi({ description: 'total − credited − paid' }),
  closedAt: Instant.nullable(),
  dueAt: Instant.nullable().openapi({ description: 'Null for a draft' }),
  voidedAt: Instant.nullable(),
  carriedForwardBy: z
    .string()
    .nullable()
    .openapi({ description: 'The later statement that took over its outstanding amount' }),
  contentHash: z.string().nullable().openapi({
    description: 'SHA-256 of the canonical JSON of the frozen inputs and result; null for a draft',
  }),
};

export const Statement = z.object({ ...StandingFields, result: StatementCalculation }).openapi('Statement', {
  description: 'A draft (recomputed on every read) or a closed statement (frozen)',
});

export const StatementSummary = z
  .object({ ...StandingFields, statementId: z.string(), number: z.string() })
  .openapi('StatementSummary');

export const StatementPage = pageOf(StatementSummary, 'StatementPage');

export const StatementExplanation = z
  .object({
    statementId: z.string().nullable(),
    billingGroupId: z.string(),
    month: Month,
    state: StatementState,
    total: DecimalString,
    steps: z.array(ExplainTraceStep),
    text: z.string().openapi({ description: 'The trace as plain text, one line per step' }),
  })
  .openapi('StatementExplanation');

export const StatementReplay = z
  .object({
    statementId: z.string(),
    identical: z.boolean(),
    expectedHash: z.string(),
    actualHash: z.string(),
    differences: z.array(
      z.object({
        path: z.string().openapi({ example: 'result.total' }),
        expected: z.unknown(),
        actual: z.unknown(),
      }),
    ),
  })
  .openapi('StatementReplay');
