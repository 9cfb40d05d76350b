'use server';

import { revalidatePath } from 'next/cache';
import { call, type EdgeResult, edge } from '@/api/client';
import type { Payment } from '@/api/types';

export interface PaymentRequest {
  amount: string;
  source: string;
  /** Chosen by the form once per submission: a retried submission is answered, never charged again. */
  idempotencyKey: string;
}

export async function payStatement(
  statementId: string,
  request: PaymentRequest,
): Promise<EdgeResult<Payment>> {
  const client = await edge();
  const paid = await call(() =>
    client.POST('/v1/statements/{statementId}/payments', {
      params: { path: { statementId }, header: { 'idempotency-key': request.idempotencyKey } },
      body: { amount: request.amount, source: request.source },
    }),
  );
  revalidatePath(`/statements/${statementId}`);
  return paid;
}
