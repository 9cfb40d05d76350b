import type { Payment } from '@billing/engine';
import type { AppEnv } from '../app-env';
import { notFound } from '../http/problem';
import type { PaymentRecord } from '../storage/ports/payments';
import type { StatementRecord } from '../storage/ports/statements';

/** The caller's statement, or 404: another tenant's id answers exactly like a missing one. */
export async function requireStatement(
  vars: AppEnv['Variables'],
  statementId: string,
): Promise<StatementRecord> {
  const statement = await vars.storage.getStatement(vars.principal.tenantId, statementId);
  if (!statement) throw notFound('statement', statementId);
  return statement;
}

/** The caller's payment, or 404 (another tenant's too). */
export async function requirePayment(vars: AppEnv['Variables'], paymentId: string): Promise<PaymentRecord> {
  const payment = await vars.storage.getPayment(vars.principal.tenantId, paymentId);
  if (!payment) throw notFound('payment', paymentId);
  return payment;
}

/** The engine's view of a payment, for its transition rules. */
export function enginePayment(payment: PaymentRecord): Payment {
  return {
    paymentId: payment.id,
    statementId: payment.statementId,
    amount: payment.amount,
    state: payment.state,
  };
}

/** A payment on the wire. */
export function paymentToWire(payment: PaymentRecord) {
  return {
    id: payment.id,
    statementId: payment.statementId,
    billingGroupId: payment.billingGroupId,
    amount: payment.amount,
    currency: payment.currency,
    state: payment.state,
    method: payment.method as 'CARD' | 'TOKEN',
    source: payment.source,
    failureReason: payment.failureReason,
    providerReference: payment.providerReference,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
}
