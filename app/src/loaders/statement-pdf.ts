import 'server-only';
import { call, type EdgeClient, type EdgeResult, edge } from '@/api/client';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import type { StatementPdfInput } from '@/pdf/statement-pdf';
import { loadBillingGroup } from './billing-groups';
import { eachPage, loadProjectNames } from './projects';
import { loadStatement, loadStatementCreditNotes } from './statements';

/**
 * What the statement's PDF prints, besides the statement: the issuer (the tenant), the customer
 * (the billing group), and its credit grants and projects (for their names), asked in parallel. Only
 * the statement itself must answer; without the others the PDF falls back to ids and types.
 */
export async function loadStatementPdf(
  statementId: string,
  locale: Locale,
): Promise<EdgeResult<StatementPdfInput>> {
  const statement = await loadStatement(statementId);
  if (!statement.ok) return statement;
  const client = await edge();
  const { billingGroupId } = statement.data;
  const [group, tenant, creditGrants, projectNames, creditNotes] = await Promise.all([
    loadBillingGroup(billingGroupId),
    call(() => client.GET('/v1/tenant')),
    loadCreditGrants(client, billingGroupId),
    loadProjectNames(billingGroupId),
    loadStatementCreditNotes(statementId),
  ]);
  return {
    ok: true,
    data: {
      statement: statement.data,
      group: group.ok ? group.data : null,
      issuerName: tenant.ok ? tenant.data.name : messages[locale].common.appName,
      creditGrants,
      projectNames,
      creditNotes: creditNotes.ok ? creditNotes.data.items : [],
      locale,
    },
  };
}

async function loadCreditGrants(client: EdgeClient, billingGroupId: string) {
  const grants = await eachPage((cursor) =>
    call(() =>
      client.GET('/v1/billing-groups/{billingGroupId}/credits', {
        params: { path: { billingGroupId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return new Map(grants.map((grant) => [grant.id, grant]));
}
