import type { APIResponse } from '@playwright/test';
import {
  api,
  close,
  closedStatement,
  computeEvent,
  FEBRUARY,
  freshTenant,
  grant,
  group,
  ingest,
  LEGACY_CALCULATION,
  MARCH,
  pay,
  payment,
  type Script,
  USD_PRICE_BOOK,
  unique,
} from './scripts';
import { WEBHOOK_PARITY_CASES } from './webhook-cases';

/**
 * For every operation of edge/openapi.json, one valid and one invalid request, each a script run
 * against the edge and against the mock alike. `same` names what a deterministic answer must agree
 * on beyond its status and schema (ids and times differ between the two by nature).
 */
export interface ParityCase {
  valid: (script: Script) => Promise<APIResponse>;
  invalid: (script: Script) => Promise<APIResponse>;
  same?: (body: Record<string, unknown>) => unknown;
}

const LEGACY_PAYMENT = { paymentGroupId: 'PG-parity', amount: 1000 };
const NOT_JSON = { rawBody: '{"broken":', headers: { 'Content-Type': 'application/json' } };
const legacyRefusal = { rawBody: 'not json', headers: { 'Content-Type': 'text/plain' } };
const withoutStatementId = ({ data, ...rest }: Record<string, unknown>) => {
  const { statementId: _statementId, ...statement } = data as Record<string, unknown>;
  return { ...rest, data: statement };
};

export const PARITY_CASES: Record<string, ParityCase> = {
  getHealth: {
    valid: (s) => s.target.anonymousApi.get('/health'),
    invalid: (s) => s.target.anonymousApi.get('/health?verbose=yes'),
    same: (body) => [body.status, body.checks],
  },

  // Tenants and API keys
  createTenant: {
    valid: (s) => s.target.adminApi.post('/v1/tenants', { name: unique(s, 'tenant') }),
    invalid: (s) => s.target.adminApi.post('/v1/tenants', { name: '' }),
  },
  getCurrentTenant: {
    valid: (s) => api(s).get('/v1/tenant'),
    invalid: (s) => s.target.anonymousApi.get('/v1/tenant'),
  },
  createApiKey: {
    valid: (s) => api(s).post('/v1/api-keys', { name: unique(s, 'key'), rateLimitPerMinute: 100_000 }),
    invalid: (s) => api(s).post('/v1/api-keys', { name: '', rateLimitPerMinute: 0 }),
  },
  listApiKeys: {
    valid: (s) => api(s).get('/v1/api-keys?limit=2'),
    invalid: (s) => api(s).get('/v1/api-keys?limit=0'),
  },
  revokeApiKey: {
    valid: async (s) => {
      const key = await api(s).create<{ id: string }>('/v1/api-keys', { name: unique(s, 'key') });
      return api(s).delete(`/v1/api-keys/${key.id}`);
    },
    invalid: (s) => api(s).delete('/v1/api-keys/key_missing'),
  },

  // Billing groups and projects
  createBillingGroup: {
    valid: (s) => api(s).post('/v1/billing-groups', { name: unique(s, 'bg'), vatRate: '7.5' }),
    invalid: (s) => api(s).post('/v1/billing-groups', { name: unique(s, 'bg'), priceBookId: 'pb_missing' }),
    same: (body) => [body.currency, body.vatRate, body.roundingMode, body.paymentTermsDays, body.priceBookId],
  },
  listBillingGroups: {
    valid: (s) => api(s).get('/v1/billing-groups?limit=3'),
    invalid: (s) => api(s).get('/v1/billing-groups?cursor=%25%25%25'),
  },
  getBillingGroup: {
    valid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}`),
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing'),
  },
  updateBillingGroup: {
    valid: async (s) =>
      api(s).patch(`/v1/billing-groups/${await group(s)}`, { vatRate: '5', priceBookId: null }),
    invalid: async (s) => api(s).patch(`/v1/billing-groups/${await group(s)}`, { vatRate: '101' }),
    same: (body) => [body.vatRate, body.priceBookId],
  },
  createProject: {
    valid: async (s) => api(s).post(`/v1/billing-groups/${await group(s)}/projects`, { name: 'web' }),
    invalid: (s) => api(s).post('/v1/billing-groups/bg_missing/projects', { name: 'web' }),
  },
  listProjects: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await api(s).create(`/v1/billing-groups/${billingGroupId}/projects`, { name: 'web' });
      return api(s).get(`/v1/billing-groups/${billingGroupId}/projects`);
    },
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing/projects'),
    same: (body) => (body.items as unknown[]).length,
  },

  // Price books and contracts
  createPriceBook: {
    valid: (s) => api(s).post('/v1/price-books', USD_PRICE_BOOK),
    invalid: (s) =>
      api(s).post('/v1/price-books', {
        ...USD_PRICE_BOOK,
        entries: [
          {
            counterName: 'compute.c2.c8m8',
            unit: 'HOURS',
            pricing: { model: 'GRADUATED', tiers: [{ from: '5', to: null, unitPrice: '1' }] },
          },
        ],
      }),
    same: (body) => [body.currency, body.entries, body.builtIn],
  },
  listPriceBooks: {
    valid: (s) => api(s).get('/v1/price-books?limit=100'),
    invalid: (s) => api(s).get('/v1/price-books?limit=101'),
  },
  getPriceBook: {
    valid: (s) => api(s).get('/v1/price-books/default-krw'),
    invalid: (s) => api(s).get('/v1/price-books/pb_missing'),
    same: (body) => body,
  },
  createContract: {
    valid: (s) => api(s).post('/v1/contracts', { name: unique(s, 'contract'), discountRate: '10' }),
    invalid: (s) => api(s).post('/v1/contracts', { name: unique(s, 'contract'), discountRate: '150' }),
    same: (body) => [body.discountRate, body.minimumCharge, body.priceOverrides],
  },
  listContracts: {
    valid: (s) => api(s).get('/v1/contracts'),
    invalid: (s) => api(s).get('/v1/contracts?limit=many'),
  },
  getContract: {
    valid: async (s) => {
      const contract = await api(s).create<{ id: string }>('/v1/contracts', { name: unique(s, 'contract') });
      return api(s).get(`/v1/contracts/${contract.id}`);
    },
    invalid: (s) => api(s).get('/v1/contracts/ctr_missing'),
  },
  createContractAssignment: {
    valid: async (s) => {
      const contract = await api(s).create<{ id: string }>('/v1/contracts', { name: unique(s, 'contract') });
      return api(s).post(`/v1/billing-groups/${await group(s)}/contract-assignments`, {
        contractId: contract.id,
        startMonth: '2026-01',
        endMonth: '2026-06',
      });
    },
    invalid: async (s) => {
      const contract = await api(s).create<{ id: string }>('/v1/contracts', { name: unique(s, 'contract') });
      const billingGroupId = await group(s);
      const path = `/v1/billing-groups/${billingGroupId}/contract-assignments`;
      await api(s).create(path, { contractId: contract.id, startMonth: '2026-01' });
      return api(s).post(path, { contractId: contract.id, startMonth: '2026-05', endMonth: '2026-07' });
    },
  },
  listContractAssignments: {
    valid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/contract-assignments`),
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing/contract-assignments'),
  },

  // Usage
  ingestUsageEvents: {
    valid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/usage-events`, {
        events: [computeEvent(s, MARCH), { ...computeEvent(s, MARCH), volume: '-1' }],
      }),
    invalid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/usage-events`, {
        events: [{ ...computeEvent(s, MARCH), timestamp: 'yesterday' }],
      }),
    same: (body) => [body.counts, (body.verdicts as { verdict: string; rule?: string }[]).map((v) => v.rule)],
  },
  listUsageEvents: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH);
      return api(s).get(`/v1/billing-groups/${billingGroupId}/usage-events?month=${MARCH}`);
    },
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/usage-events?month=2026-13`),
    same: (body) => (body.items as { volume: string }[]).map((event) => event.volume),
  },
  getMonthlyUsage: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH, '12.5');
      await ingest(s, billingGroupId, MARCH, '7.5');
      return api(s).get(`/v1/billing-groups/${billingGroupId}/usage?month=${MARCH}`);
    },
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/usage`),
    same: (body) => body.items,
  },

  // Adjustments
  createAdjustment: {
    valid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/adjustments`, {
        month: MARCH,
        type: 'DISCOUNT',
        method: 'RATE',
        value: '10',
        level: 'BILLING_GROUP',
      }),
    invalid: async (s) => {
      const { billingGroupId } = await closedStatement(s);
      return api(s).post(`/v1/billing-groups/${billingGroupId}/adjustments`, {
        month: MARCH,
        type: 'SURCHARGE',
        method: 'FIXED',
        value: '100',
        level: 'BILLING_GROUP',
      });
    },
  },
  listAdjustments: {
    valid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/adjustments?month=${MARCH}`),
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing/adjustments'),
  },
  deleteAdjustment: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      const adjustment = await api(s).create<{ id: string }>(
        `/v1/billing-groups/${billingGroupId}/adjustments`,
        {
          month: MARCH,
          type: 'DISCOUNT',
          method: 'FIXED',
          value: '100',
          level: 'BILLING_GROUP',
        },
      );
      return api(s).delete(`/v1/billing-groups/${billingGroupId}/adjustments/${adjustment.id}`);
    },
    invalid: async (s) => api(s).delete(`/v1/billing-groups/${await group(s)}/adjustments/adj_missing`),
  },

  // Payments
  createPayment: {
    valid: async (s) => pay(s, (await closedStatement(s)).statementId, '43670', '4242 4242 4242 4242'),
    invalid: async (s) => pay(s, (await closedStatement(s)).statementId, '43671', 'tok_success'),
    same: (body) => [body.amount, body.state, body.method, body.source],
  },
  listStatementPayments: {
    valid: async (s) => {
      const { statementId } = await payment(s, 'tok_declined');
      return api(s).get(`/v1/statements/${statementId}/payments`);
    },
    invalid: (s) => api(s).get('/v1/statements/st_missing/payments'),
    same: (body) =>
      (body.items as { state: string; failureReason: string }[]).map((p) => [p.state, p.failureReason]),
  },
  getPayment: {
    valid: async (s) => api(s).get(`/v1/payments/${(await payment(s, 'tok_pending')).payment.id}`),
    invalid: (s) => api(s).get('/v1/payments/pay_missing'),
    same: (body) => [body.state, body.failureReason],
  },
  refundPayment: {
    valid: async (s) =>
      api(s).post(`/v1/payments/${(await payment(s, 'tok_success')).payment.id}/refund`, undefined, {
        headers: { 'Idempotency-Key': unique(s, 'refund') },
      }),
    invalid: async (s) =>
      api(s).post(`/v1/payments/${(await payment(s, 'tok_declined')).payment.id}/refund`, undefined, {
        headers: { 'Idempotency-Key': unique(s, 'refund') },
      }),
    same: (body) => body.state,
  },
  settlePayment: {
    valid: async (s) =>
      api(s).post(`/v1/payments/${(await payment(s, 'tok_provider_error')).payment.id}/settle`, {
        outcome: 'FAILED',
      }),
    invalid: async (s) =>
      api(s).post(`/v1/payments/${(await payment(s, 'tok_pending')).payment.id}/settle`, {
        outcome: 'SUCCEEDED',
        failureReason: 'card_declined',
      }),
    same: (body) => [body.state, body.failureReason],
  },

  // Statements
  listStatements: {
    valid: async (s) =>
      api(s).get(`/v1/billing-groups/${(await closedStatement(s)).billingGroupId}/statements`),
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/statements?cursor=Zm9v`),
    same: (body) => (body.items as { state: string; total: string }[]).map((st) => [st.state, st.total]),
  },
  getStatementOfMonth: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH, '33.3');
      await grant(s, billingGroupId, { amount: '1000' });
      return api(s).get(`/v1/billing-groups/${billingGroupId}/statements/${MARCH}`);
    },
    invalid: async (s) =>
      api(s).get(`/v1/billing-groups/${await group(s, { currency: 'EUR' })}/statements/${MARCH}`),
    same: (body) => [body.state, body.total, body.outstanding],
  },
  explainStatementOfMonth: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH);
      return api(s).get(`/v1/billing-groups/${billingGroupId}/statements/${MARCH}/explain`);
    },
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/statements/March/explain`),
    same: (body) => [body.state, body.total, (body.steps as { rule: string }[]).map((step) => step.rule)],
  },
  closeStatementOfMonth: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, MARCH);
      return api(s).post(`/v1/billing-groups/${billingGroupId}/statements/${MARCH}/close`, {});
    },
    invalid: async (s) => {
      const billingGroupId = await group(s);
      await ingest(s, billingGroupId, FEBRUARY);
      await ingest(s, billingGroupId, MARCH);
      return api(s).post(`/v1/billing-groups/${billingGroupId}/statements/${MARCH}/close`, {});
    },
    same: (body) => [body.state, body.total],
  },
  getStatement: {
    valid: async (s) => api(s).get(`/v1/statements/${(await closedStatement(s)).statementId}`),
    invalid: (s) => api(s).get('/v1/statements/st_missing'),
    same: (body) => [body.state, body.total, body.paid, body.outstanding],
  },
  voidStatement: {
    valid: async (s) => api(s).post(`/v1/statements/${(await closedStatement(s)).statementId}/void`, {}),
    invalid: async (s) =>
      api(s).post(`/v1/statements/${(await payment(s, 'tok_success')).statementId}/void`, {}),
    same: (body) => [body.state, body.total],
  },
  replayStatement: {
    valid: async (s) => api(s).post(`/v1/statements/${(await closedStatement(s)).statementId}/replay`, {}),
    invalid: (s) => api(s).post('/v1/statements/st_missing/replay', {}),
    same: (body) => [body.identical, body.differences],
  },
  reconcileStatement: {
    valid: async (s) => api(s).post(`/v1/statements/${(await closedStatement(s)).statementId}/reconcile`, {}),
    invalid: (s) => api(s).post('/v1/statements/st_missing/reconcile', {}),
    same: (body) => [body.month, body.clean, body.differences],
  },

  // Reconciliation sweeps: each runs in a tenant of its own, so the count is the script's alone
  runReconciliation: {
    valid: async (s) => (await freshTenant(s)).post('/v1/reconciliations', { month: FEBRUARY }),
    invalid: async (s) => (await freshTenant(s)).post('/v1/reconciliations', { month: '2026-13' }),
    same: (body) => [body.month, body.checked, body.findings],
  },
  listReconciliationFindings: {
    valid: async (s) => (await freshTenant(s)).get('/v1/reconciliation-findings'),
    invalid: (s) => api(s).get('/v1/reconciliation-findings?limit=0'),
    same: (body) => [body.items, body.nextCursor],
  },

  // The month-end batch: each script runs it in a tenant of its own
  startCloseMonthJob: {
    valid: async (s) => {
      const tenant = await freshTenant(s);
      const billingGroupId = (await tenant.create<{ id: string }>('/v1/billing-groups', { name: 'job' })).id;
      await tenant.create(
        `/v1/billing-groups/${billingGroupId}/usage-events`,
        { events: [computeEvent(s, FEBRUARY)] },
        200,
      );
      return tenant.post('/v1/jobs/close-month', { month: FEBRUARY });
    },
    invalid: async (s) => (await freshTenant(s)).post('/v1/jobs/close-month', { month: '2099-12' }),
    same: (body) => [body.kind, body.month, body.total],
  },
  listJobs: {
    valid: async (s) => {
      const tenant = await freshTenant(s);
      await tenant.create('/v1/jobs/close-month', { month: FEBRUARY }, 202);
      return tenant.get(`/v1/jobs?month=${FEBRUARY}`);
    },
    invalid: (s) => api(s).get('/v1/jobs?kind=close-everything'),
    same: (body) => [(body.items as { kind: string; month: string }[]).map((job) => [job.kind, job.month])],
  },
  getJob: {
    valid: async (s) => {
      const tenant = await freshTenant(s);
      const job = await tenant.create<{ id: string }>('/v1/jobs/close-month', { month: FEBRUARY }, 202);
      return tenant.get(`/v1/jobs/${job.id}`);
    },
    invalid: (s) => api(s).get('/v1/jobs/job_missing'),
    same: (body) => [body.status, body.total, body.done],
  },

  // Credits
  grantCredit: {
    valid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/credits`, {
        type: 'FREE',
        amount: '2500',
        expiresAt: '2027-01-01T00:00:00+09:00',
      }),
    invalid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/credits`, { type: 'FREE', amount: '0' }),
    same: (body) => [body.amount, body.balance, body.priority, body.priorityIsDefault, body.expiresAt],
  },
  listCreditGrants: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await grant(s, billingGroupId);
      return api(s).get(`/v1/billing-groups/${billingGroupId}/credits`);
    },
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing/credits'),
    same: (body) => (body.items as { balance: string }[]).map((item) => item.balance),
  },
  previewCreditBurn: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await grant(s, billingGroupId, { amount: '3000' });
      await grant(s, billingGroupId, { type: 'PAID', amount: '4000' });
      return api(s).post(`/v1/billing-groups/${billingGroupId}/credits/preview`, {
        month: MARCH,
        amount: '5000',
      });
    },
    invalid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/credits/preview`, { month: MARCH, amount: '-5' }),
    same: (body) => [
      body.creditTotal,
      body.remaining,
      (body.credits as { type: string; order: number; amountApplied: string }[]).map((credit) => [
        credit.type,
        credit.order,
        credit.amountApplied,
      ]),
    ],
  },
  expireCreditGrants: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await grant(s, billingGroupId, { expiresAt: '2026-02-01T00:00:00Z' });
      return api(s).post(`/v1/billing-groups/${billingGroupId}/credits/expire`, {});
    },
    invalid: async (s) =>
      api(s).post(`/v1/billing-groups/${await group(s)}/credits/expire`, undefined, {
        rawBody: 'expire',
        headers: { 'Content-Type': 'text/plain' },
      }),
    same: (body) => (body.expired as { amount: string }[]).map((entry) => entry.amount),
  },
  getCreditGrant: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      return api(s).get(
        `/v1/billing-groups/${billingGroupId}/credits/${(await grant(s, billingGroupId)).id}`,
      );
    },
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/credits/cg_missing`),
  },
  voidCreditGrant: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      return api(s).post(
        `/v1/billing-groups/${billingGroupId}/credits/${(await grant(s, billingGroupId)).id}/void`,
        {},
      );
    },
    invalid: async (s) => {
      const billingGroupId = await group(s);
      const path = `/v1/billing-groups/${billingGroupId}/credits/${(await grant(s, billingGroupId)).id}/void`;
      await api(s).create(path, {}, 200);
      return api(s).post(path, {});
    },
    same: (body) => [body.balance, body.amount],
  },
  listCreditLedger: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await grant(s, billingGroupId, { amount: '1000' });
      await ingest(s, billingGroupId, MARCH);
      await close(s, billingGroupId, MARCH);
      return api(s).get(`/v1/billing-groups/${billingGroupId}/credit-ledger`);
    },
    invalid: async (s) => api(s).get(`/v1/billing-groups/${await group(s)}/credit-ledger?cursor=Zm9v`),
    same: (body) =>
      (body.items as { kind: string; amount: string }[]).map((entry) => [entry.kind, entry.amount]),
  },
  getCreditBalances: {
    valid: async (s) => {
      const billingGroupId = await group(s);
      await grant(s, billingGroupId, { amount: '1000', expiresAt: '2026-02-01T00:00:00Z' });
      await grant(s, billingGroupId, { type: 'REFUND', amount: '250' });
      return api(s).get(`/v1/billing-groups/${billingGroupId}/credit-balances`);
    },
    invalid: (s) => api(s).get('/v1/billing-groups/bg_missing/credit-balances'),
    same: (body) => [body.total, body.byType, body.expiredBalance],
  },

  // The calculator
  calculateStatement: {
    valid: (s) =>
      api(s).post('/v1/calculate', {
        month: MARCH,
        usage: [{ projectId: 'p1', counterName: 'compute.c2.c8m8', quantity: '100' }],
        adjustments: [{ type: 'DISCOUNT', method: 'RATE', value: '10' }],
        credits: [{ type: 'FREE', amount: '1000' }],
        unpaid: { amount: '5000', isOverdue: true },
        asOf: '2026-04-02T00:00:00Z',
      }),
    invalid: (s) =>
      api(s).post('/v1/calculate', {
        month: MARCH,
        usage: [{ projectId: 'p1', counterName: 'nope', quantity: '1' }],
      }),
    same: (body) => body,
  },

  // The legacy API (DOMAIN §9)
  legacyCalculate: {
    valid: (s) => s.target.anonymousApi.post('/api/billing/admin/calculate', LEGACY_CALCULATION),
    invalid: (s) => s.target.anonymousApi.post('/api/billing/admin/calculate', undefined, NOT_JSON),
    same: withoutStatementId,
  },
  legacyCalculateAlias: {
    valid: (s) => s.target.anonymousApi.post('/billing/admin/calculate', LEGACY_CALCULATION),
    invalid: (s) =>
      s.target.anonymousApi.post('/billing/admin/calculate', {
        adjustments: [{ type: 'X', method: 'RATE' }],
      }),
    same: withoutStatementId,
  },
  legacyPaymentStatements: {
    valid: (s) =>
      s.target.anonymousApi.get('/api/billing/payments/2025-03/statements', { headers: { uuid: 'abc' } }),
    invalid: (s) => s.target.anonymousApi.get('/api/billing/payments/2025-03/statements', legacyRefusal),
    same: (body) => body,
  },
  legacyPaymentStatementsAlias: {
    valid: (s) => s.target.anonymousApi.get('/billing/payments/2025-03/statements'),
    invalid: (s) => s.target.anonymousApi.get('/billing/payments/2025-03/statements', legacyRefusal),
    same: (body) => body,
  },
  legacyCreatePayment: {
    valid: (s) => s.target.anonymousApi.post('/api/billing/payments/2025-03', LEGACY_PAYMENT),
    invalid: (s) => s.target.anonymousApi.post('/api/billing/payments/2025-03', { amount: -1 }),
    same: (body) => [body.header, (body.data as Record<string, unknown>).amount],
  },
  legacyCreatePaymentAlias: {
    valid: (s) => s.target.anonymousApi.post('/billing/payments/2025-03', LEGACY_PAYMENT),
    invalid: (s) => s.target.anonymousApi.post('/billing/payments/2025-03', [1, 2]),
    same: (body) => [body.header, (body.data as Record<string, unknown>).amount],
  },

  ...WEBHOOK_PARITY_CASES,
};
