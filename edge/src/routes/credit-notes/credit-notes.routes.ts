import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  Currency,
  DecimalString,
  json,
  jsonBody,
  problems,
  security,
} from '../../openapi/schemas';

const tags = ['Credit notes'];

export const CreditNote = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'CN-2026-000045' }),
    statementId: z.string(),
    billingGroupId: z.string(),
    currency: Currency,
    net: DecimalString,
    vat: DecimalString.openapi({ description: 'At the statement’s VAT rate, rounded at its rounding point' }),
    total: DecimalString.openapi({ description: 'net + VAT' }),
    applied: DecimalString.openapi({ description: 'What it took off the statement’s outstanding amount' }),
    refunded: DecimalString.openapi({
      description: 'What exceeded the outstanding amount, granted back as REFUND credit',
    }),
    refundGrantId: z
      .string()
      .nullable()
      .openapi({ description: 'The REFUND credit grant, when something was refunded' }),
    reason: z.string(),
    lineId: z.string().nullable().openapi({ description: 'The usage line it corrects, if tied to one' }),
    createdAt: z.string(),
  })
  .openapi('CreditNote');

const NewCreditNote = z
  .strictObject({
    net: DecimalString.openapi({
      description: 'Greater than 0, in whole minor units, before VAT',
      example: '1000',
    }),
    reason: z.string().min(1).max(500),
    lineId: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .optional()
      .openapi({ description: 'A `lineId` of the statement' }),
  })
  .openapi('NewCreditNote');

const StatementParams = z.object({ statementId: z.string().min(1).max(100) });

export const createCreditNote = createRoute({
  method: 'post',
  path: '/v1/statements/{statementId}/credit-notes',
  operationId: 'createCreditNote',
  tags,
  summary: 'Credit a closed statement: lowers its outstanding amount; any excess becomes REFUND credit',
  description:
    'The sum of a statement’s credit notes never exceeds its total: 422 on `net` (`exceeds-total`). A void or ' +
    'carried-forward statement takes none (409 `not-creditable`), nor one with a pending payment (409 ' +
    '`payment-pending`). Emits `credit_note.created`.',
  security,
  request: { params: StatementParams, body: jsonBody(NewCreditNote) },
  responses: { 201: json(CreditNote, 'The credit note'), ...problems(...BODY_PROBLEMS, 404, 409) },
});

export const listCreditNotes = createRoute({
  method: 'get',
  path: '/v1/statements/{statementId}/credit-notes',
  operationId: 'listCreditNotes',
  tags,
  summary: 'A statement’s credit notes, oldest first',
  security,
  request: { params: StatementParams },
  responses: {
    200: json(
      z.object({ items: z.array(CreditNote) }).openapi('CreditNoteList'),
      'Every credit note of the statement',
    ),
    ...problems(401, 404, 429),
  },
});
