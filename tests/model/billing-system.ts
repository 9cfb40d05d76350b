import type { APIResponse } from '@playwright/test';
import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import type { StatementBody } from '../support/fixtures/statements';
import type { StatementFigures, WireEvent } from './billing-model';

/** An RFC 9457 problem's type, or null when the answer is not one. */
export async function problemType(response: APIResponse): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { type?: string } | null;
  return body?.type ?? null;
}

export interface Verdict {
  eventId: string;
  verdict: 'accepted' | 'duplicate' | 'rejected';
  reason?: 'invalid' | 'conflict' | 'period-closed';
}

export type CreditNoteBody = Schemas['CreditNote'];

export type ModelStatementBody = StatementBody & { result: StatementBody['result'] & StatementFigures };

/**
 * The real system one sequence drives: the edge on workerd, as a tenant of its own (the month-end
 * job closes every group of a tenant, so sequences must not share one), through its HTTP API.
 */
export class BillingSystem {
  constructor(readonly api: BillingApi) {}

  private group(billingGroupId: string) {
    return `/v1/billing-groups/${billingGroupId}`;
  }

  ingest(billingGroupId: string, events: WireEvent[]): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/usage-events`, { events });
  }

  close(billingGroupId: string, month: string): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/statements/${month}/close`);
  }

  statementOfMonth(billingGroupId: string, month: string): Promise<ModelStatementBody> {
    return this.api.read(`${this.group(billingGroupId)}/statements/${month}`);
  }

  statement(statementId: string): Promise<ModelStatementBody> {
    return this.api.read(`/v1/statements/${statementId}`);
  }

  statements(billingGroupId: string): Promise<{ items: StatementBody[] }> {
    return this.api.read(`${this.group(billingGroupId)}/statements?limit=100`);
  }

  voidStatement(statementId: string): Promise<APIResponse> {
    return this.api.post(`/v1/statements/${statementId}/void`);
  }

  replay(statementId: string): Promise<{ identical: boolean; differences: unknown[] }> {
    return this.api.create(`/v1/statements/${statementId}/replay`, undefined, 200);
  }

  reconcile(statementId: string): Promise<APIResponse> {
    return this.api.post(`/v1/statements/${statementId}/reconcile`);
  }

  adjust(billingGroupId: string, body: Record<string, unknown>): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/adjustments`, body);
  }

  deleteAdjustment(billingGroupId: string, adjustmentId: string): Promise<APIResponse> {
    return this.api.delete(`${this.group(billingGroupId)}/adjustments/${adjustmentId}`);
  }

  grant(billingGroupId: string, body: Record<string, unknown>): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/credits`, body);
  }

  voidGrant(billingGroupId: string, grantId: string): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/credits/${grantId}/void`);
  }

  grants(billingGroupId: string): Promise<{
    items: { id: string; type: string; amount: string; balance: string; voidedAt: string | null }[];
  }> {
    return this.api.read(`${this.group(billingGroupId)}/credits?limit=100`);
  }

  async ledger(billingGroupId: string): Promise<{ grantId: string; kind: string; amount: string }[]> {
    const entries: { grantId: string; kind: string; amount: string }[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
      const page: { items: typeof entries; nextCursor: string | null } = await this.api.read(
        `${this.group(billingGroupId)}/credit-ledger?${query}`,
      );
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }

  balances(
    billingGroupId: string,
  ): Promise<{ total: string; grants: { grantId: string; balance: string }[] }> {
    return this.api.read(`${this.group(billingGroupId)}/credit-balances`);
  }

  usage(
    billingGroupId: string,
    month: string,
  ): Promise<{
    items: { quantity: string; projectId: string; counterName: string; resourceId: string | null }[];
  }> {
    return this.api.read(`${this.group(billingGroupId)}/usage?month=${month}`);
  }

  assignContract(billingGroupId: string, body: Record<string, unknown>): Promise<APIResponse> {
    return this.api.post(`${this.group(billingGroupId)}/contract-assignments`, body);
  }

  pay(statementId: string, amount: string, key: string): Promise<APIResponse> {
    return this.api.post(
      `/v1/statements/${statementId}/payments`,
      { amount, source: 'tok_success' },
      { headers: { 'Idempotency-Key': key } },
    );
  }

  refund(paymentId: string, key: string): Promise<APIResponse> {
    return this.api.post(`/v1/payments/${paymentId}/refund`, undefined, {
      headers: { 'Idempotency-Key': key },
    });
  }

  payments(statementId: string): Promise<{ items: { id: string; amount: string; state: string }[] }> {
    return this.api.read(`/v1/statements/${statementId}/payments?limit=100`);
  }

  creditNote(statementId: string, net: string, reason: string): Promise<APIResponse> {
    return this.api.post(`/v1/statements/${statementId}/credit-notes`, { net, reason });
  }

  creditNotes(statementId: string): Promise<{ items: CreditNoteBody[] }> {
    return this.api.read(`/v1/statements/${statementId}/credit-notes`);
  }

  grantOf(billingGroupId: string, grantId: string): Promise<{ id: string; type: string; amount: string }> {
    return this.api.read(`${this.group(billingGroupId)}/credits/${grantId}`);
  }

  startCloseMonthJob(month: string): Promise<APIResponse> {
    return this.api.post('/v1/jobs/close-month', { month });
  }

  job(jobId: string): Promise<{ status: string; total: number; done: number; failed: number }> {
    return this.api.read(`/v1/jobs/${jobId}`);
  }
}
