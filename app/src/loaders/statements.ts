import 'server-only';
import { cache } from 'react';
import { call, edge } from '@/api/client';

/** One closed statement, with its frozen calculation; cached for the request. */
export const loadStatement = cache(async (statementId: string) => {
  const client = await edge();
  return call(() => client.GET('/v1/statements/{statementId}', { params: { path: { statementId } } }));
});

/** The statement's payments; cached for the request, so a page can start it before it is read. */
export const loadStatementPayments = cache(async (statementId: string) => {
  const client = await edge();
  return call(() =>
    client.GET('/v1/statements/{statementId}/payments', {
      params: { path: { statementId }, query: { limit: 100 } },
    }),
  );
});

/** A closed statement's credit notes, oldest first; cached for the request. */
export const loadStatementCreditNotes = cache(async (statementId: string) => {
  const client = await edge();
  return call(() =>
    client.GET('/v1/statements/{statementId}/credit-notes', { params: { path: { statementId } } }),
  );
});

/** The billing group's credit grants, to name the credits a statement burned; cached for the request. */
export const loadStatementCreditGrants = cache(async (billingGroupId: string) => {
  const client = await edge();
  return call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/credits', {
      params: { path: { billingGroupId }, query: { limit: 100 } },
    }),
  );
});

/** A group's statement of a month as it stands now: the live closed one, or the draft. */
export async function loadMonthStatement(billingGroupId: string, month: string) {
  const client = await edge();
  return call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}/statements/{month}', {
      params: { path: { billingGroupId, month } },
    }),
  );
}
