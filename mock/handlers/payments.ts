import {
  assertPaymentAcceptable,
  type Currency,
  Decimal,
  formatMoney,
  IssueCollector,
  isWholeMinorUnits,
  minorUnit,
  type PaymentState,
  type StatementStanding,
  toMinorUnits,
  transitionPayment,
} from '@billing/engine';
import { pageRequest, pageResponse } from '../../edge/src/lib/pagination';
import { notFound } from '../../edge/src/lib/problem';
import { type ChargeResult, maskSource, paymentMethodOf } from '../../edge/src/payments/provider';
import { sandboxPaymentProvider } from '../../edge/src/payments/sandbox';
import {
  createPayment,
  getPayment,
  listStatementPayments,
  refundPayment,
  settlePayment,
} from '../../edge/src/routes/payments/payments.routes';
import { idempotent } from '../src/billing/idempotency';
import { enginePayments } from '../src/billing/statements';
import type { Call } from '../src/operation';
import { compareText, type PaymentRecord, type StatementRecord } from '../src/store';
import type { Kit } from './kit';
import { requireStatement } from './statements';

/** The mock moves no money: the edge's deterministic sandbox decides each outcome by source. */
const provider = sandboxPaymentProvider;

const REPLAYED = { 'Idempotent-Replayed': 'true' };

const paymentToWire = (payment: PaymentRecord) => ({ ...payment });

function requirePayment(call: Call<unknown>, paymentId: string): PaymentRecord {
  const payment = call.data.payments.get(paymentId);
  if (!payment) throw notFound('payment', paymentId);
  return payment;
}

const enginePayment = (payment: PaymentRecord) =>
  enginePayments([payment])[0] as ReturnType<typeof enginePayments>[0];

/** A payment amount: more than 0, in whole minor units of the currency, small enough to store. */
function paymentAmount(text: string, currency: Currency): Decimal {
  const amount = new Decimal(text);
  const issues = new IssueCollector();
  if (!amount.greaterThan(0)) issues.add('amount', 'positive', 'must be greater than 0');
  else if (!isWholeMinorUnits(amount, currency)) {
    issues.add(
      'amount',
      'minor-unit',
      `must have at most ${minorUnit(currency)} decimal places in ${currency}`,
    );
  }
  issues.throwIfAny();
  if (toMinorUnits(amount, currency, 'HALF_UP') > BigInt(Number.MAX_SAFE_INTEGER)) {
    issues.add('amount', 'decimal-range', 'is larger than any statement can be');
    issues.throwIfAny();
  }
  return amount;
}

/** The statement as the lifecycle rules see it: superseded by a later closed one, it is carried forward. */
function standingOf(statement: StatementRecord, latest: StatementRecord | null): StatementStanding {
  const supersededBy =
    latest !== null && latest.id !== statement.id && latest.month > statement.month ? latest.id : null;
  return {
    statementId: statement.id,
    total: statement.total,
    closedAt: statement.closedAt,
    dueAt: statement.dueAt,
    voidedAt: statement.voidedAt,
    carriedForwardBy: statement.carriedForwardBy ?? supersededBy,
  };
}

function moveState(
  call: Call<unknown>,
  payment: PaymentRecord,
  to: PaymentState,
  details: { failureReason?: string | null; providerReference?: string | null },
): PaymentRecord {
  if (to !== payment.state) transitionPayment(enginePayment(payment), to);
  payment.state = to;
  payment.failureReason = details.failureReason ?? payment.failureReason;
  payment.providerReference = details.providerReference ?? payment.providerReference;
  payment.updatedAt = call.now();
  return payment;
}

/** DOMAIN §6: the latest closed statement, at most what is left once PENDING payments are counted. */
async function payStatement(
  call: Call<unknown>,
  statementId: string,
  body: { amount: string; source: string },
): Promise<PaymentRecord> {
  const statement = requireStatement(call, statementId);
  const currency = statement.currency;
  const amount = paymentAmount(body.amount, currency);
  const now = call.now();
  const latest = call.data.latestLiveStatement(statement.billingGroupId);
  assertPaymentAcceptable(
    standingOf(statement, latest),
    enginePayments(call.data.paymentsOf(statement.id)),
    amount,
    now,
  );
  const payment: PaymentRecord = {
    id: call.newId('pay'),
    statementId: statement.id,
    billingGroupId: statement.billingGroupId,
    amount: formatMoney(amount, currency),
    currency,
    state: 'PENDING',
    method: paymentMethodOf(body.source),
    source: maskSource(body.source),
    failureReason: null,
    providerReference: null,
    createdAt: now,
    updatedAt: now,
  };
  call.data.payments.set(payment.id, payment);
  let charge: ChargeResult;
  try {
    charge = await provider.charge({
      amount: payment.amount,
      currency,
      source: body.source,
      idempotencyKey: payment.id,
    });
  } catch {
    // The provider did not answer: the payment stays PENDING, its amount reserved, until settled.
    return payment;
  }
  return moveState(call, payment, charge.outcome, {
    providerReference: charge.reference,
    failureReason: charge.failureReason ?? null,
  });
}

export function paymentHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/v1/statements/{statementId}/payments',
      operation('createPayment', createPayment, async (call, { response }) => {
        const body = call.input.body;
        const answer = await idempotent(
          call,
          { key: call.input.headers['idempotency-key'], body },
          async () => ({
            status: 201,
            body: paymentToWire(await payStatement(call, call.input.params.statementId, body)),
          }),
        );
        return response(201).json(answer.body, { headers: answer.replayed ? REPLAYED : {} });
      }),
    ),
    http.get(
      '/v1/statements/{statementId}/payments',
      operation('listStatementPayments', listStatementPayments, (call, { response }) => {
        const { limit, after } = pageRequest(call.input.query);
        const statement = requireStatement(call, call.input.params.statementId);
        const payments = call.data.paymentsOf(statement.id);
        const cursor = after === null ? null : call.data.payments.get(after);
        const rows =
          after === null
            ? payments
            : cursor
              ? payments.filter(
                  (payment) =>
                    compareText(payment.createdAt, cursor.createdAt) > 0 ||
                    (payment.createdAt === cursor.createdAt && payment.id > cursor.id),
                )
              : [];
        const items = rows.slice(0, limit);
        const page = { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
        return response(200).json(pageResponse(page, paymentToWire));
      }),
    ),
    http.get(
      '/v1/payments/{paymentId}',
      operation('getPayment', getPayment, (call, { response }) =>
        response(200).json(paymentToWire(requirePayment(call, call.input.params.paymentId))),
      ),
    ),
    http.post(
      '/v1/payments/{paymentId}/refund',
      operation('refundPayment', refundPayment, async (call, { response }) => {
        const { paymentId } = call.input.params;
        const answer = await idempotent(
          call,
          { key: call.input.headers['idempotency-key'], body: null },
          async () => {
            const payment = requirePayment(call, paymentId);
            transitionPayment(enginePayment(payment), 'REFUNDED');
            await provider.refund({
              reference: payment.providerReference ?? payment.id,
              amount: payment.amount,
              currency: payment.currency,
              idempotencyKey: `${payment.id}-refund`,
            });
            return { status: 200, body: paymentToWire(moveState(call, payment, 'REFUNDED', {})) };
          },
        );
        return response(200).json(answer.body, { headers: answer.replayed ? REPLAYED : {} });
      }),
    ),
    http.post(
      '/v1/payments/{paymentId}/settle',
      operation('settlePayment', settlePayment, async (call, { response }) => {
        const { outcome, failureReason } = call.input.body;
        if (failureReason !== undefined && outcome !== 'FAILED') {
          const issues = new IssueCollector();
          issues.add('failureReason', 'only-when-failed', 'is only given with the outcome FAILED');
          issues.throwIfAny();
        }
        const payment = requirePayment(call, call.input.params.paymentId);
        transitionPayment(enginePayment(payment), outcome);
        await provider.settle?.(payment.providerReference ?? payment.id, outcome);
        const settled = moveState(call, payment, outcome, {
          failureReason: outcome === 'FAILED' ? (failureReason ?? 'settlement_failed') : null,
        });
        return response(200).json(paymentToWire(settled));
      }),
    ),
  ];
}
