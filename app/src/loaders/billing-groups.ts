import 'server-only';
import { cache } from 'react';
import { call, edge } from '@/api/client';
import { previousMonth } from '@/mappers/month-close';
import { loadPriceBooks } from './pricing';
import { loadMonthStatement } from './statements';

/** One page of the tenant's billing groups, from `cursor` on. */
export async function loadBillingGroups(cursor: string | undefined) {
  const client = await edge();
  return call(() =>
    client.GET('/v1/billing-groups', {
      params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** One billing group; cached for the request, so the page and its sections read it once. */
export const loadBillingGroup = cache(async (billingGroupId: string) => {
  const client = await edge();
  return call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}', { params: { path: { billingGroupId } } }),
  );
});

type Client = Awaited<ReturnType<typeof edge>>;

const readUsage = (client: Client, billingGroupId: string, month: string) =>
  call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/usage', {
      params: { path: { billingGroupId }, query: { month } },
    }),
  );

const readBalances = (client: Client, billingGroupId: string) =>
  call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/credit-balances', {
      params: { path: { billingGroupId } },
    }),
  );

const readGrants = (client: Client, billingGroupId: string) =>
  call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/credits', {
      params: { path: { billingGroupId }, query: { limit: 100 } },
    }),
  );

/**
 * The overview: the month's statement (the draft until closed), the month before's (an open one
 * with activity must close first), the month's adjustments, the wallet the draft burns, the
 * price books the group may be billed from, and its budgets against the month.
 */
export async function loadOverview(billingGroupId: string, month: string) {
  const client = await edge();
  const [statement, previous, adjustments, balances, grants, priceBooks, budgets] = await Promise.all([
    loadMonthStatement(billingGroupId, month),
    loadMonthStatement(billingGroupId, previousMonth(month)),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/adjustments', {
        params: { path: { billingGroupId }, query: { month, limit: 100 } },
      }),
    ),
    readBalances(client, billingGroupId),
    readGrants(client, billingGroupId),
    loadPriceBooks(),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/budgets', {
        params: { path: { billingGroupId }, query: { month } },
      }),
    ),
  ]);
  return { statement, previous, adjustments, balances, grants, priceBooks, budgets };
}

/** The usage section: the month's usage, and its statement for the charges per counter and project. */
export async function loadUsage(billingGroupId: string, month: string) {
  const client = await edge();
  const [usage, statement] = await Promise.all([
    readUsage(client, billingGroupId, month),
    loadMonthStatement(billingGroupId, month),
  ]);
  return { usage, statement };
}

/** The credit wallet (balances, grants, ledger) and the month's statement, for the balances after it. */
export async function loadCredits(billingGroupId: string, month: string) {
  const client = await edge();
  const [balances, grants, ledger, statement] = await Promise.all([
    readBalances(client, billingGroupId),
    readGrants(client, billingGroupId),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credit-ledger', {
        params: { path: { billingGroupId }, query: { limit: 100 } },
      }),
    ),
    loadMonthStatement(billingGroupId, month),
  ]);
  return { balances, grants, ledger, statement };
}

/** The group's closed statements, newest first. */
export async function loadStatements(billingGroupId: string) {
  const client = await edge();
  return call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/statements', {
      params: { path: { billingGroupId }, query: { limit: 100 } },
    }),
  );
}
