import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyKeyHeaders, ReplayHeaders } from '../../http/idempotency';
import {
  AUTHENTICATED_PROBLEMS,
  BODY_PROBLEMS,
  DecimalString,
  json,
  jsonBody,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';
import { describeSandboxSources } from '../../payment-provider/sandbox';

export const PaymentState = z.enum(['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED']);

export const Payment = z
  .object({
    id: z.string().openapi({ example: 'pay_6f1c0e2a9b7d4c3e8f5a1b2c3d4e5f60' }),
    statementId: z.string(),
    billingGroupId: z.string(),
    amount: DecimalString,
    currency: z.string().openapi({ example: 'KRW' }),
    state: PaymentState,
    method: z.enum(['CARD', 'TOKEN']),
    source: z.string().openapi({
      description: 'The source as kept: a token as sent, a card number masked to `card_<last 4 digits>`',
      example: 'tok_success',
    }),
    failureReason: z.string().nullable().openapi({ example: 'card_declined' }),
    providerReference: z
      .string()
      .nullable()
      .openapi({ description: 'The payment provider’s id of the charge; null until it answered' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Payment');

const NewPayment = z
  .strictObject({
    amount: DecimalString.max(40).openapi({
      description:
        'Greater than 0, in the statement’s currency with at most its minor digits; at most the statement’s ' +
        'outstanding amount less its PENDING payments',
      example: '39700',
    }),
    source: z.string().min(1).max(200).openapi({
      description: 'A payment token or card number (see the sandbox values above)',
      example: 'tok_success',
    }),
  })
  .openapi('NewPayment');

const Settlement = z
  .strictObject({
    outcome: z.enum(['SUCCEEDED', 'FAILED']),
    failureReason: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'With FAILED only; default `settlement_failed`', example: 'card_declined' }),
  })
  .openapi('PaymentSettlement');

const StatementParams = z.object({ statementId: z.string().min(1).max(100) });
const PaymentParams = z.object({ paymentId: z.string().min(1).max(100) });

/** A problem response whose description lists the problem types an operation answers with. */
function problem(status: 409 | 404, description: string) {
  return { [status]: { ...problems(status)[status], description } };
}

const replayed = (description: string) => ({ ...json(Payment, description), headers: ReplayHeaders });

const IDEMPOTENCY_DESCRIPTION =
  'Requires an `Idempotency-Key` header (missing: 422 naming `header.idempotency-key`). The same key with ' +
  'the same body answers the first response again, with `Idempotent-Replayed: true`, and changes nothing; ' +
  'the same key with a different body is a 409 `/problems/idempotency-key-reuse`. A copy sent while the ' +
  'first is still running waits for it and answers its response (or 409 `/problems/idempotency-in-progress` ' +
  'with `Retry-After` after 8 s). A request answered with a problem stores nothing: its key may be retried.';

export const createPayment = createRoute({
  method: 'post',
  path: '/v1/statements/{statementId}/payments',
  operationId: 'createPayment',
  tags: ['Payments'],
  summary: 'Pay a closed statement',
  description:
    'Pays the billing group’s latest closed statement through the payment provider. The payment is ' +
    'recorded PENDING first (the database refuses it if pending and succeeded payments would exceed the ' +
    'statement’s total, however many requests race), then takes the provider’s outcome: SUCCEEDED, FAILED ' +
    '(with `failureReason`; the amount is free again) or PENDING.\n\n' +
    `${IDEMPOTENCY_DESCRIPTION}\n\nThe built-in sandbox provider answers by source:\n${describeSandboxSources()}`,
  security,
  request: { params: StatementParams, headers: IdempotencyKeyHeaders, body: jsonBody(NewPayment) },
  responses: {
    201: replayed('The payment, in the state the provider left it'),
    ...problems(...BODY_PROBLEMS, 404),
    ...problem(
      409,
      'The statement takes no such payment: `/problems/carried-forward` (names the statement that carries ' +
        'it, `carriedForwardBy`), `/problems/not-payable` (void), `/problems/payment-exceeds-outstanding` ' +
        '(`payable` says how much it takes), `/problems/idempotency-key-reuse`, `/problems/idempotency-in-progress`',
    ),
  },
});

export const listStatementPayments = createRoute({
  method: 'get',
  path: '/v1/statements/{statementId}/payments',
  operationId: 'listStatementPayments',
  tags: ['Payments'],
  summary: 'A statement’s payments, oldest first',
  security,
  request: { params: StatementParams, query: PaginationQuery },
  responses: {
    200: json(pageOf(Payment, 'PaymentPage'), 'A page of payments'),
    ...problems(400, 401, 404, 422, 429),
  },
});

export const getPayment = createRoute({
  method: 'get',
  path: '/v1/payments/{paymentId}',
  operationId: 'getPayment',
  tags: ['Payments'],
  summary: 'One payment',
  security,
  request: { params: PaymentParams },
  responses: { 200: json(Payment, 'The payment'), ...problems(...AUTHENTICATED_PROBLEMS, 404) },
});

export const refundPayment = createRoute({
  method: 'post',
  path: '/v1/payments/{paymentId}/refund',
  operationId: 'refundPayment',
  tags: ['Payments'],
  summary: 'Refund a succeeded payment in full',
  description:
    'SUCCEEDED → REFUNDED through the payment provider; the amount is outstanding on the statement again. ' +
    `Any other state answers 409 \`/problems/invalid-transition\`. No body.\n\n${IDEMPOTENCY_DESCRIPTION}`,
  security,
  request: { params: PaymentParams, headers: IdempotencyKeyHeaders },
  responses: {
    200: replayed('The refunded payment'),
    ...problems(...AUTHENTICATED_PROBLEMS, 404, 413, 415, 422),
    ...problem(
      409,
      '`/problems/invalid-transition` (only a SUCCEEDED payment is refunded), ' +
        '`/problems/idempotency-key-reuse`, `/problems/idempotency-in-progress`',
    ),
  },
});

export const settlePayment = createRoute({
  method: 'post',
  path: '/v1/payments/{paymentId}/settle',
  operationId: 'settlePayment',
  tags: ['Payments'],
  summary: 'Sandbox only: decide how a PENDING payment ends',
  description:
    'Stands in for the provider’s notification that a pending charge (source `tok_pending` or ' +
    '`tok_provider_error`) has settled: PENDING → SUCCEEDED, or → FAILED with `failureReason` (default ' +
    '`settlement_failed`), which frees the amount. Any other state answers 409 `/problems/invalid-transition`. ' +
    'With a real payment provider this operation answers 404 `/problems/sandbox-only`.',
  security,
  request: { params: PaymentParams, body: jsonBody(Settlement) },
  responses: {
    200: json(Payment, 'The settled payment'),
    ...problems(...BODY_PROBLEMS, 404),
    ...problem(409, '`/problems/invalid-transition`: only a PENDING payment settles'),
  },
});
