import {
  assertPaymentAcceptable,
  ConflictError,
  type Currency,
  type Decimal,
  formatMoney,
  IssueCollector,
  type PaymentState,
  type StatementStanding,
  toMinorUnits,
  transitionPayment,
} from '@billing/engine';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { idempotent } from '../../http/idempotency';
import { pageRequest, pageResponse } from '../../http/pagination';
import { ApiError } from '../../http/problem';
import { paymentProviderOf } from '../../payment-provider';
import { type ChargeResult, maskSource, paymentMethodOf } from '../../payment-provider/port';
import { parseChargeAmount } from '../../services/credit-parsing';
import { newEvent } from '../../services/events';
import {
  enginePayment,
  paymentToWire,
  requirePayment,
  requireStatement,
} from '../../services/payment-lookup';
import { standingOf as recordedStanding } from '../../services/wire-objects';
import type { EventType } from '../../storage/ports/events';
import type { PaymentRecord, PaymentStateChange } from '../../storage/ports/payments';
import type { StatementRecord } from '../../storage/ports/statements';
import type {
  createPayment,
  getPayment,
  listStatementPayments,
  refundPayment,
  settlePayment,
} from './payments.routes';

type Vars = AppEnv['Variables'];

export const handleCreatePayment: RouteHandler<typeof createPayment, AppEnv> = async (c) => {
  const { statementId } = c.req.valid('param');
  const body = c.req.valid('json');
  const key = c.req.valid('header')['idempotency-key'];
  return idempotent(c, { key, operation: 'createPayment', body }, async () => {
    const payment = await payStatement(c.var, statementId, body, key);
    return { status: 201 as const, body: paymentToWire(payment) };
  });
};

export const handleListStatementPayments: RouteHandler<typeof listStatementPayments, AppEnv> = async (c) => {
  const request = await pageRequest(c, c.req.valid('query'));
  const statement = await requireStatement(c.var, c.req.valid('param').statementId);
  const page = await c.get('storage').listPayments(statement.tenantId, statement.id, request);
  return c.json(await pageResponse(c, page, paymentToWire), 200);
};

export const handleGetPayment: RouteHandler<typeof getPayment, AppEnv> = async (c) => {
  const payment = await requirePayment(c.var, c.req.valid('param').paymentId);
  return c.json(paymentToWire(payment), 200);
};

export const handleRefundPayment: RouteHandler<typeof refundPayment, AppEnv> = async (c) => {
  const { paymentId } = c.req.valid('param');
  const key = c.req.valid('header')['idempotency-key'];
  return idempotent(c, { key, operation: 'refundPayment', body: null }, async () => {
    const payment = await requirePayment(c.var, paymentId);
    transitionPayment(enginePayment(payment), 'REFUNDED');
    const statement = await requireStatement(c.var, payment.statementId);
    if (statement.carriedForwardBy) throw refundOfCarriedStatement(statement.id, statement.carriedForwardBy);
    // The record moves first, where the database refuses it if a close carried the statement forward
    // meanwhile; only then does the provider give the money back, and a refusal there moves it back.
    const refunded = await moveState(c.var, payment, 'REFUNDED', {});
    try {
      await paymentProviderOf(c.get('deps')).refund({
        reference: payment.providerReference ?? payment.id,
        amount: payment.amount,
        currency: payment.currency,
        // One refund per payment: a concurrent second refund is the same one at the provider.
        idempotencyKey: `${payment.id}-refund`,
      });
    } catch (error) {
      await changeState(c.var, refunded, 'REFUNDED', {
        state: payment.state,
        updatedAt: c.get('deps').clock().toISOString(),
      });
      throw error;
    }
    return { status: 200 as const, body: paymentToWire(refunded) };
  });
};

export const handleSettlePayment: RouteHandler<typeof settlePayment, AppEnv> = async (c) => {
  const { paymentId } = c.req.valid('param');
  const { outcome, failureReason } = c.req.valid('json');
  if (failureReason !== undefined && outcome !== 'FAILED') {
    const issues = new IssueCollector();
    issues.add('failureReason', 'only-when-failed', 'is only given with the outcome FAILED');
    issues.throwIfAny();
  }
  const provider = paymentProviderOf(c.get('deps'));
  if (!provider.settle) {
    throw new ApiError(
      404,
      'sandbox-only',
      'Not available',
      `payments settle by API only with the sandbox payment provider, not with ${provider.name}`,
    );
  }
  const payment = await requirePayment(c.var, paymentId);
  transitionPayment(enginePayment(payment), outcome);
  await provider.settle(payment.providerReference ?? payment.id, outcome);
  const settled = await moveState(c.var, payment, outcome, {
    failureReason: outcome === 'FAILED' ? (failureReason ?? 'settlement_failed') : null,
  });
  return c.json(paymentToWire(settled), 200);
};

/**
 * A later statement carries this one's outstanding amount as it was at its close: refunding now would
 * leave the refunded amount billed nowhere. The month of the carrying statement must reopen first.
 */
function refundOfCarriedStatement(statementId: string, carriedForwardBy: string): ConflictError {
  return new ConflictError(
    'carried-forward',
    `statement ${statementId} was carried forward into ${carriedForwardBy}, which bills its outstanding amount as it was; ` +
      `void ${carriedForwardBy} before refunding a payment of ${statementId}`,
    { statementId, carriedForwardBy },
  );
}

/**
 * DOMAIN §6: a payment pays the latest closed statement, at most what is outstanding once PENDING
 * payments are counted. It is recorded PENDING first, where the database's trigger refuses any
 * overpayment a race would let through, and only then charged; the provider's outcome follows.
 */
async function payStatement(
  vars: Vars,
  statementId: string,
  body: { amount: string; source: string },
  idempotencyKey: string,
): Promise<PaymentRecord> {
  const statement = await requireStatement(vars, statementId);
  const currency = statement.currency as Currency;
  const { amount, amountMinor } = paymentAmount(body.amount, currency);
  const now = vars.deps.clock().toISOString();
  const [payments, latest] = await Promise.all([
    vars.storage.paymentsForStatement(statement.tenantId, statement.id),
    vars.storage.latestClosedStatement(statement.tenantId, statement.billingGroupId),
  ]);
  assertPaymentAcceptable(standingOf(statement, latest), payments, amount, now);

  const pending: PaymentRecord = {
    id: vars.deps.newId('pay'),
    tenantId: statement.tenantId,
    billingGroupId: statement.billingGroupId,
    statementId: statement.id,
    amount: formatMoney(amount, currency),
    amountMinor,
    currency,
    state: 'PENDING',
    method: paymentMethodOf(body.source),
    source: maskSource(body.source),
    failureReason: null,
    providerReference: null,
    idempotencyKey,
    createdAt: now,
    updatedAt: now,
  };
  await vars.storage.insertPayment(pending);
  const charge = await chargeOrStayPending(vars, pending, body.source);
  if (charge === null) return pending;
  if (charge.outcome !== 'PENDING') transitionPayment(enginePayment(pending), charge.outcome);
  const recorded = await changeState(vars, pending, 'PENDING', {
    state: charge.outcome,
    providerReference: charge.reference,
    failureReason: charge.failureReason ?? null,
    updatedAt: vars.deps.clock().toISOString(),
  });
  // Null only when a settlement overtook this request: the payment is as that left it.
  return recorded ?? requirePayment(vars, pending.id);
}

/**
 * The provider's answer, or null when it gave none (an outage, a timeout): the payment then stays
 * PENDING, its amount reserved, until the provider's outcome is known (`settle` in the sandbox).
 * Failing the request instead could free an amount the provider may yet have charged.
 */
async function chargeOrStayPending(
  vars: Vars,
  payment: PaymentRecord,
  source: string,
): Promise<ChargeResult | null> {
  try {
    return await paymentProviderOf(vars.deps).charge({
      amount: payment.amount,
      currency: payment.currency,
      source,
      idempotencyKey: payment.id,
    });
  } catch (error) {
    console.warn(
      JSON.stringify({ requestId: vars.requestId, paymentId: payment.id, providerError: String(error) }),
    );
    return null;
  }
}

/**
 * Applies a transition the engine allows, only if the payment is still in the state it was read in;
 * when a concurrent request moved it first, the engine judges the transition from the new state.
 */
async function moveState(
  vars: Vars,
  payment: PaymentRecord,
  to: PaymentState,
  details: { failureReason?: string | null; providerReference?: string | null },
): Promise<PaymentRecord> {
  if (to !== payment.state) transitionPayment(enginePayment(payment), to);
  const moved = await changeState(vars, payment, payment.state, {
    state: to,
    ...details,
    updatedAt: vars.deps.clock().toISOString(),
  });
  if (moved) return moved;
  const current = await requirePayment(vars, payment.id);
  transitionPayment(enginePayment(current), to);
  return current;
}

/** The event each state a payment enters is reported by (DOMAIN §8b); PENDING is none. */
const PAYMENT_EVENTS: Partial<Record<PaymentState, EventType>> = {
  SUCCEEDED: 'payment.succeeded',
  FAILED: 'payment.failed',
  REFUNDED: 'payment.refunded',
};

/**
 * Moves a payment from `from` (compare and set), with the event of the state it enters written in
 * the same batch and only if the move applies, then wakes the webhook dispatcher.
 */
async function changeState(
  vars: Vars,
  payment: PaymentRecord,
  from: PaymentState,
  change: PaymentStateChange,
): Promise<PaymentRecord | null> {
  const type = PAYMENT_EVENTS[change.state];
  const after: PaymentRecord = {
    ...payment,
    state: change.state,
    failureReason: change.failureReason ?? payment.failureReason,
    providerReference: change.providerReference ?? payment.providerReference,
    updatedAt: change.updatedAt,
  };
  const event = type ? newEvent(vars.deps, payment.tenantId, type, paymentToWire(after)) : null;
  const moved = await vars.storage.changePaymentState(payment.tenantId, payment.id, from, {
    ...change,
    event,
  });
  if (moved && event) await vars.outbox.wrote(payment.tenantId);
  return moved;
}

/**
 * The statement as the lifecycle rules see it. A statement that a later closed statement superseded
 * is carried forward even before its record says so, since only the latest closed one takes payments.
 */
function standingOf(statement: StatementRecord, latest: StatementRecord | null): StatementStanding {
  const supersededBy =
    latest !== null && latest.id !== statement.id && latest.month > statement.month ? latest.id : null;
  const standing = recordedStanding(statement);
  return { ...standing, carriedForwardBy: standing.carriedForwardBy ?? supersededBy };
}

/**
 * A payment amount: a charge amount above 0 (the rules and sentences of every money input), small
 * enough to store exactly.
 */
function paymentAmount(text: string, currency: Currency): { amount: Decimal; amountMinor: number } {
  const amount = parseChargeAmount('amount', text, currency, { positive: true });
  const minor = toMinorUnits(amount, currency, 'HALF_UP');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    const issues = new IssueCollector();
    issues.add('amount', 'decimal-range', 'is larger than any statement can be');
    issues.throwIfAny();
  }
  return { amount, amountMinor: Number(minor) };
}
