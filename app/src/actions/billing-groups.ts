'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { call, edge } from '@/api/client';
import type { Currency, NewAdjustment, NewBudget, NewCreditGrant, Problem } from '@/api/types';

export interface FormState {
  problem: Problem | null;
  /** Bumped on every success, so a form can reset itself and announce it. */
  saved: number;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (form: FormData, name: string) => text(form, name) || null;

export async function createBillingGroup(previous: FormState, form: FormData): Promise<FormState> {
  const client = await edge();
  const created = await call(() =>
    client.POST('/v1/billing-groups', {
      body: {
        name: text(form, 'name'),
        currency: text(form, 'currency') as Currency,
        autoClose: form.get('autoClose') === 'on',
        ...(text(form, 'testClockId') ? { testClockId: text(form, 'testClockId') } : {}),
      },
    }),
  );
  if (!created.ok) return { problem: created.problem, saved: previous.saved };
  revalidatePath('/billing-groups');
  redirect(`/billing-groups/${created.data.id}`);
}

export async function addAdjustment(
  billingGroupId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const client = await edge();
  const level = text(form, 'level') as NewAdjustment['level'];
  const body: NewAdjustment = {
    month: text(form, 'month'),
    type: text(form, 'type') as NewAdjustment['type'],
    method: text(form, 'method') as NewAdjustment['method'],
    value: text(form, 'value'),
    level,
    ...(level === 'PROJECT' ? { targetProjectId: optional(form, 'targetProjectId') } : {}),
    description: optional(form, 'description'),
  };
  const created = await call(() =>
    client.POST('/v1/billing-groups/{billingGroupId}/adjustments', {
      params: { path: { billingGroupId } },
      body,
    }),
  );
  if (!created.ok) return { problem: created.problem, saved: previous.saved };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return { problem: null, saved: previous.saved + 1 };
}

export async function grantCredit(
  billingGroupId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const client = await edge();
  const priority = text(form, 'priority');
  const expiresOn = text(form, 'expiresOn');
  const lowBalance = text(form, 'lowBalanceThreshold');
  const body: NewCreditGrant = {
    type: text(form, 'type') as NewCreditGrant['type'],
    amount: text(form, 'amount'),
    name: optional(form, 'name'),
    ...(priority ? { priority: Number(priority) } : {}),
    ...(expiresOn ? { expiresAt: `${expiresOn}T00:00:00Z` } : {}),
    ...(lowBalance ? { lowBalanceThreshold: lowBalance } : {}),
  };
  const created = await call(() =>
    client.POST('/v1/billing-groups/{billingGroupId}/credits', {
      params: { path: { billingGroupId } },
      body,
    }),
  );
  if (!created.ok) return { problem: created.problem, saved: previous.saved };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return { problem: null, saved: previous.saved + 1 };
}

/** What closing a month issued, for the dialog's confirmation. */
export interface IssuedStatement {
  statementId: string;
  /** `ST-<year>-<NNNNNN>`, what the customer's documents name it by. */
  number: string;
  total: string;
  currency: Currency;
  dueAt: string | null;
}

export type CloseMonthOutcome = { ok: true; issued: IssuedStatement } | { ok: false; problem: Problem };

/**
 * Closes the month and answers what it issued. The dashboard is revalidated in the same answer, so
 * the page behind the dialog shows the month as closed without navigating away.
 */
export async function closeMonth(billingGroupId: string, month: string): Promise<CloseMonthOutcome> {
  const client = await edge();
  const closed = await call(() =>
    client.POST('/v1/billing-groups/{billingGroupId}/statements/{month}/close', {
      params: { path: { billingGroupId, month } },
    }),
  );
  if (!closed.ok) return { ok: false, problem: closed.problem };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  const { statementId, number, total, currency, dueAt } = closed.data;
  return {
    ok: true,
    issued: { statementId: statementId ?? '', number: number ?? '', total, currency, dueAt },
  };
}

/** Sets the price book the group is billed from (none: the built-in book of its currency). */
export async function setPriceBook(
  billingGroupId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const client = await edge();
  const changed = await call(() =>
    client.PATCH('/v1/billing-groups/{billingGroupId}', {
      params: { path: { billingGroupId } },
      body: { priceBookId: optional(form, 'priceBookId') },
    }),
  );
  if (!changed.ok) return { problem: changed.problem, saved: previous.saved };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return { problem: null, saved: previous.saved + 1 };
}

/** Adds a budget on the month's total or one counter's quantity; a refused value is said by its field. */
export async function addBudget(
  billingGroupId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const client = await edge();
  const kind = text(form, 'kind') as NewBudget['kind'];
  const body: NewBudget = {
    name: text(form, 'name'),
    kind,
    threshold: text(form, 'threshold'),
    ...(kind === 'QUANTITY' ? { counterName: optional(form, 'counterName') } : {}),
  };
  const created = await call(() =>
    client.POST('/v1/billing-groups/{billingGroupId}/budgets', {
      params: { path: { billingGroupId } },
      body,
    }),
  );
  if (!created.ok) return { problem: created.problem, saved: previous.saved };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return { problem: null, saved: previous.saved + 1 };
}

export async function deleteBudget(
  billingGroupId: string,
  budgetId: string,
): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  const client = await edge();
  const deleted = await call(() =>
    client.DELETE('/v1/billing-groups/{billingGroupId}/budgets/{budgetId}', {
      params: { path: { billingGroupId, budgetId } },
    }),
  );
  if (!deleted.ok) return { ok: false, problem: deleted.problem };
  revalidatePath(`/billing-groups/${billingGroupId}`);
  return { ok: true };
}
