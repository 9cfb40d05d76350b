'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { Payment, Statement, StatementReconciliation } from '@/api/types';

/** Voids a closed statement: its credits are released and its month opens again (edge/STATEMENTS.md). */
export async function voidStatement(statementId: string): Promise<EdgeResult<Statement>> {
  const client = await edge();
  const voided = await call(() =>
    client.POST('/v1/statements/{statementId}/void', { params: { path: { statementId } } }),
  );
  if (voided.ok) {
    revalidatePath(`/statements/${statementId}`);
    revalidatePath(`/billing-groups/${voided.data.billingGroupId}`);
  }
  return voided;
}

/** Recomputes a closed statement from what storage holds now; changes nothing. */
export async function reconcileStatement(statementId: string): Promise<EdgeResult<StatementReconciliation>> {
  const client = await edge();
  return call(() =>
    client.POST('/v1/statements/{statementId}/reconcile', { params: { path: { statementId } } }),
  );
}

/** Refunds a succeeded payment in full; the key makes a retried click refund once. */
export async function refundPayment(
  paymentId: string,
  statementId: string,
  idempotencyKey: string,
): Promise<EdgeResult<Payment>> {
  const client = await edge();
  const refunded = await call(() =>
    client.POST('/v1/payments/{paymentId}/refund', {
      params: { path: { paymentId }, header: { 'idempotency-key': idempotencyKey } },
    }),
  );
  revalidatePath(`/statements/${statementId}`);
  return refunded;
}
