'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { call, edge } from '@/api/client';
import type { NewContract, NewPriceBook, Problem } from '@/api/types';

export interface SaveOutcome {
  problem: Problem | null;
}

/** Saves a new price book (books never change once made) and opens it. */
export async function savePriceBook(body: NewPriceBook): Promise<SaveOutcome> {
  const client = await edge();
  const created = await call(() => client.POST('/v1/price-books', { body }));
  if (!created.ok) return { problem: created.problem };
  revalidatePath('/price-books');
  redirect(`/price-books/${encodeURIComponent(created.data.id)}`);
}

/** Saves a new contract (contracts never change once made) and opens it. */
export async function saveContract(body: NewContract): Promise<SaveOutcome> {
  const client = await edge();
  const created = await call(() => client.POST('/v1/contracts', { body }));
  if (!created.ok) return { problem: created.problem };
  revalidatePath('/contracts');
  redirect(`/contracts/${encodeURIComponent(created.data.id)}`);
}
