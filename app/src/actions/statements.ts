'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { NewCreditNote, Payment, Statement, StatementReconciliation } from '@/api/types';
import type { FormState } from './billing-groups';

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

/** Credits a closed statement (a net amount before VAT, and why); its page shows the note and the new outstanding amount. */
export async function addCreditNote(
  statementId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const client = await edge();
  const body: NewCreditNote = {
    net: String(form.get('net') ?? '').trim(),
    reason: String(form.get('reason') ?? '').trim(),
  };
  const created = await call(() =>
    client.POST('/v1/statements/{statementId}/credit-notes', { params: { path: { statementId } }, body }),
  );
  if (!created.ok) return { problem: created.problem, saved: previous.saved };
  revalidatePath(`/statements/${statementId}`);
  return { problem: null, saved: previous.saved + 1 };
}
