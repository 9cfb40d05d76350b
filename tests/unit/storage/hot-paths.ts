/**
 * The edge's request paths, driven once each through the app in process over node:sqlite: every
 * route a client calls (API keys, billing groups, price books, contracts, usage, adjustments, credits,
 * statements draft and closed, close, void, payments, reconciliation, the month-end job, the legacy
 * calculator) and the scheduled tasks (auto-close, credit expiry, the reconcile sweep, stale jobs),
 * so that every SQL text the storage adapters run on those paths gets prepared. Each call must
 * succeed: a path that failed half-way would leave its later queries out of the check.
 */
import { createApp, randomId, readConfig } from '@billing/edge/app';
import { runSchedule, SCHEDULES } from '@billing/edge/services/scheduled-work';
import { deliverDueWebhooks } from '@billing/edge/services/webhook-delivery';
import type { Storage } from '@billing/edge/storage/port';
import type { SqliteStorage } from '@billing/edge/storage/sqlite';
import { wranglerVars } from '@billing/edge/wrangler-vars';
import { standardCompatRequest } from '@billing/fixtures';
import {
  STANDARD,
  standardAdjustments,
  standardCalculateBody,
  standardCredits,
  standardEvents,
} from '../../../bench/lib/standard';

const ADMIN_KEY = 'query-plans-admin-key';
const CLOSED_MONTH = '2026-09';
const DRAFT_MONTH = '2026-10';

/** The fields of an answer the drive reads back (each call reads only those its route has). */
interface Answer {
  id: string;
  statementId: string;
  apiKey: { key: string };
  tenant: { id: string };
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

export interface DriveOptions {
  /** The storage the app runs on, instead of `sqlite.storage` (e.g. the adapters over a counting D1). */
  storage?: Storage;
  /** Told of each call just before it is made, and once it is answered (ids in the path as sent). */
  onCall?(method: string, path: string): void;
  onAnswer?(method: string, path: string): void;
}

export async function driveHotPaths(sqlite: SqliteStorage, options: DriveOptions = {}): Promise<void> {
  const config = readConfig({ ...wranglerVars(), ADMIN_API_KEY: ADMIN_KEY });
  const background = new Set<Promise<unknown>>();
  const storage = options.storage ?? sqlite.storage;
  const deps = {
    storage: () => storage,
    config: () => config,
    clock: () => new Date(),
    newId: randomId,
    clientAddress: () => '127.0.0.1',
    runInBackground: (work: Promise<unknown>) => {
      background.add(work);
    },
  };
  const app = createApp(deps);
  const settle = async () => {
    while (background.size > 0) {
      const pending = [...background];
      background.clear();
      await Promise.all(pending);
    }
  };
  const caller =
    (key: string): Call =>
    async (method, path, body, headers = {}) => {
      options.onCall?.(method, path);
      const response = await app.fetch(
        new Request(`http://edge.test${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${key}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      options.onAnswer?.(method, path);
      if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    };

  const tenant = await caller(ADMIN_KEY)('POST', '/v1/tenants', {
    name: 'query plans',
    apiKey: { name: 'first', rateLimitPerMinute: 100_000 },
  });
  const call = caller(tenant.apiKey.key);
  await call('GET', '/v1/tenant');
  const key = await call('POST', '/v1/api-keys', { name: 'second' });
  await call('GET', '/v1/api-keys');
  await call('DELETE', `/v1/api-keys/${key.id}`);
  // An endpoint for every event, so each change below also queues its delivery (the fan-out trigger).
  const endpoint = await call('POST', '/v1/webhook-endpoints', {
    url: 'http://127.0.0.1:9/hooks',
    eventTypes: ['*'],
  });

  const priceBook = await call('POST', '/v1/price-books', {
    name: 'USD list',
    currency: 'USD',
    entries: [
      { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '0.5' } },
    ],
  });
  await call('GET', '/v1/price-books');
  await call('GET', `/v1/price-books/${priceBook.id}`);

  const group = await call('POST', '/v1/billing-groups', { name: 'standard statement' });
  const other = await call('POST', '/v1/billing-groups', { name: 'second group' });
  await call('PATCH', `/v1/billing-groups/${other.id}`, { name: 'second group, renamed' });
  await call('GET', '/v1/billing-groups');
  await call('GET', `/v1/billing-groups/${group.id}`);
  await call('POST', `/v1/billing-groups/${group.id}/projects`, { name: 'web' });
  await call('GET', `/v1/billing-groups/${group.id}/projects`);

  const contract = STANDARD.contract;
  if (!contract) throw new Error('the standard statement has a contract');
  const created = await call('POST', '/v1/contracts', {
    name: contract.name,
    priceOverrides: contract.priceOverrides,
    discountRate: contract.discountRate,
    minimumCharge: contract.minimumCharge,
  });
  await call('GET', '/v1/contracts');
  await call('GET', `/v1/contracts/${created.id}`);
  await call('POST', `/v1/billing-groups/${group.id}/contract-assignments`, {
    contractId: created.id,
    startMonth: contract.startMonth,
    endMonth: contract.endMonth,
  });
  await call('GET', `/v1/billing-groups/${group.id}/contract-assignments`);

  const grants: Answer[] = [];
  for (const grant of standardCredits()) {
    grants.push(await call('POST', `/v1/billing-groups/${group.id}/credits`, grant));
  }
  await call('GET', `/v1/billing-groups/${group.id}/credits`);
  const [grant] = grants;
  if (!grant) throw new Error('the standard statement has credits');
  await call('GET', `/v1/billing-groups/${group.id}/credits/${grant.id}`);
  await call('POST', `/v1/billing-groups/${group.id}/credits/preview`, {
    month: DRAFT_MONTH,
    amount: '50000',
  });
  await call('GET', `/v1/billing-groups/${group.id}/credit-ledger`);
  await call('GET', `/v1/billing-groups/${group.id}/credit-balances`);

  for (const month of [CLOSED_MONTH, DRAFT_MONTH]) {
    await call('POST', `/v1/billing-groups/${group.id}/usage-events`, {
      events: standardEvents(month, `standard-${month}`),
    });
    for (const adjustment of standardAdjustments(month)) {
      await call('POST', `/v1/billing-groups/${group.id}/adjustments`, adjustment);
    }
  }
  const extra = await call(
    'POST',
    `/v1/billing-groups/${group.id}/adjustments`,
    standardAdjustments(DRAFT_MONTH)[0],
  );
  await call('DELETE', `/v1/billing-groups/${group.id}/adjustments/${extra.id}`);
  await call('GET', `/v1/billing-groups/${group.id}/adjustments?month=${DRAFT_MONTH}`);
  await call('GET', `/v1/billing-groups/${group.id}/usage-events?month=${DRAFT_MONTH}`);
  await call('GET', `/v1/billing-groups/${group.id}/usage?month=${DRAFT_MONTH}`);

  // Statements: a draft, a close, the closed one read, listed, explained, replayed, reconciled.
  await call('GET', `/v1/billing-groups/${group.id}/statements/${CLOSED_MONTH}`);
  const closed = await call('POST', `/v1/billing-groups/${group.id}/statements/${CLOSED_MONTH}/close`);
  await call('GET', `/v1/billing-groups/${group.id}/statements/${CLOSED_MONTH}`);
  await call('GET', `/v1/billing-groups/${group.id}/statements/${DRAFT_MONTH}`);
  await call('GET', `/v1/billing-groups/${group.id}/statements/${DRAFT_MONTH}/explain`);
  await call('GET', `/v1/billing-groups/${group.id}/statements`);
  await call('GET', `/v1/statements/${closed.statementId}`);
  await call('POST', `/v1/statements/${closed.statementId}/replay`);
  await call('POST', `/v1/statements/${closed.statementId}/reconcile`);

  // Payments: one that succeeds, one left pending and settled, a refund.
  const paid = await call(
    'POST',
    `/v1/statements/${closed.statementId}/payments`,
    { amount: '1000', source: 'tok_success' },
    { 'Idempotency-Key': 'query-plans-1' },
  );
  const pending = await call(
    'POST',
    `/v1/statements/${closed.statementId}/payments`,
    { amount: '1000', source: 'tok_pending' },
    { 'Idempotency-Key': 'query-plans-2' },
  );
  await call('POST', `/v1/payments/${pending.id}/settle`, { outcome: 'SUCCEEDED' });
  await call('POST', `/v1/payments/${paid.id}/refund`, undefined, { 'Idempotency-Key': 'query-plans-3' });
  await call('GET', `/v1/payments/${paid.id}`);
  await call('GET', `/v1/statements/${closed.statementId}/payments`);
  // A credit note (more than what is outstanding after the payments above: a REFUND grant too), then the list.
  const note = (await call('POST', `/v1/statements/${closed.statementId}/credit-notes`, {
    net: '788000',
    reason: 'plans',
  })) as unknown as { refunded: string };
  if (note.refunded === '0')
    throw new Error('the drive needs a credit note that refunds, to plan the grant it writes');
  await call('GET', `/v1/statements/${closed.statementId}/credit-notes`);

  // The month-end job over the tenant's groups, then its listing; the sweep; a void.
  const job = await call('POST', '/v1/jobs/close-month', { month: DRAFT_MONTH });
  await settle();
  await call('GET', `/v1/jobs/${job.id}`);
  await call('GET', '/v1/jobs');
  await call('POST', '/v1/reconciliations', { month: CLOSED_MONTH });
  await call('GET', '/v1/reconciliation-findings');
  const latest = await call('GET', `/v1/billing-groups/${group.id}/statements/${DRAFT_MONTH}`);
  await call('POST', `/v1/statements/${latest.statementId}/void`);
  await call('POST', `/v1/billing-groups/${group.id}/credits/${grant.id}/void`);
  await call('POST', `/v1/billing-groups/${group.id}/credits/expire`, {});

  // Stateless routes: the calculator and the legacy API.
  await call('POST', '/v1/calculate', standardCalculateBody());
  await call('POST', '/api/billing/admin/calculate', standardCompatRequest());
  await call('GET', `/api/billing/payments/${CLOSED_MONTH}/statements`, undefined, { uuid: 'uuid-standard' });

  // Webhooks: the dispatcher sends what the changes above queued (the receiver fails once, then
  // answers), and the endpoint's listings, a redelivery and the endpoint's own changes.
  let answers = 0;
  const receiver = async () => {
    answers += 1;
    return new Response('ok', { status: answers === 1 ? 500 : 200 });
  };
  const delivery = { storage, deps, settings: { ...config.webhooks, retryBaseMs: 0 } };
  await deliverDueWebhooks({ ...delivery, fetch: receiver }, null);
  await deliverDueWebhooks({ ...delivery, fetch: receiver }, tenant.tenant.id);
  if (answers < 2)
    throw new Error(`the dispatcher sent ${answers} webhook(s); the drive needs a retry and a success`);
  const events = (await call('GET', '/v1/events?type=statement.closed')) as unknown as { items: Answer[] };
  await call('GET', '/v1/events');
  await call('GET', `/v1/events/${events.items[0]?.id}`);
  await call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
  await call('GET', `/v1/webhook-endpoints/${endpoint.id}/attempts`);
  await call('POST', `/v1/webhook-endpoints/${endpoint.id}/redeliveries`, { eventId: events.items[0]?.id });
  await call('GET', '/v1/webhook-endpoints');
  await call('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { enabled: false });
  await call('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);

  // A test clock with an auto-closing group on it, advanced over a month end and a credit's expiry.
  const clock = await call('POST', '/v1/test-clocks', { frozenTime: '2026-01-15T00:00:00Z' });
  const onClock = await call('POST', '/v1/billing-groups', {
    name: 'on a test clock',
    autoClose: true,
    testClockId: clock.id,
  });
  await call('POST', `/v1/billing-groups/${onClock.id}/usage-events`, {
    events: standardEvents('2026-01', 'clock').slice(0, 2),
  });
  await call('POST', `/v1/billing-groups/${onClock.id}/credits`, {
    type: 'FREE',
    amount: '1000',
    expiresAt: '2026-01-20T00:00:00Z',
    lowBalanceThreshold: '500',
  });
  await call('POST', `/v1/test-clocks/${clock.id}/advance`, { to: '2026-02-02T00:00:00Z' });
  await settle();
  await call('GET', `/v1/test-clocks/${clock.id}`);
  await call('GET', '/v1/test-clocks');
  await call('GET', `/v1/billing-groups/${onClock.id}/statements/2026-01`);
  const spare = await call('POST', '/v1/test-clocks', { frozenTime: '2026-01-15T00:00:00Z' });
  await call('DELETE', `/v1/test-clocks/${spare.id}`);

  // The crons of wrangler.jsonc, as the Node host and the Workers entry run them.
  for (const cron of Object.keys(SCHEDULES)) {
    await runSchedule(
      {
        storage,
        deps,
        staleAfterMs: 0,
        startRunner: async () => undefined,
        startTestClockRunner: async () => undefined,
        wakeWebhooks: () => undefined,
      },
      cron,
    );
  }
  await settle();
  await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`);
}
