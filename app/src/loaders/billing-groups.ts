import 'server-only';
import { cache } from 'react';
import { call, edge } from '@/api/client';

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

/**
 * Everything the dashboard shows for a month, asked in parallel: usage, the month's statement (the
 * draft until it is closed), adjustments, the credit wallet (balances, grants, ledger), and the
 * closed statements.
 */
export async function loadDashboard(billingGroupId: string, month: string) {
  const client = await edge();
  const path = { billingGroupId };
  const [usage, statement, adjustments, balances, grants, ledger, statements] = await Promise.all([
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/usage', { params: { path, query: { month } } }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/statements/{month}', {
        params: { path: { billingGroupId, month } },
      }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/adjustments', {
        params: { path, query: { month, limit: 100 } },
      }),
    ),
    call(() => client.GET('/v1/billing-groups/{billingGroupId}/credit-balances', { params: { path } })),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credits', { params: { path, query: { limit: 100 } } }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credit-ledger', {
        params: { path, query: { limit: 100 } },
      }),
    ),
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/statements', {
        params: { path, query: { limit: 100 } },
      }),
    ),
  ]);
  return { usage, statement, adjustments, credits: { balances, grants, ledger }, statements };
}
