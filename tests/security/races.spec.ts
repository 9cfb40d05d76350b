import { Decimal } from '@billing/engine';
import type { BillingApi } from '../support/api/billing-api';
import { type APIResponse, expect, test } from '../support/api-test';
import { creditInvariantViolations, type Reader, readCreditFacts, statementsOfMonth } from './support/ledger';

/**
 * Retries, double clicks and concurrent workers: fired all at once, the same request never charges
 * twice, payments never exceed a statement, a month closes once, and no interleaving of closes,
 * voids and grant voids drives a credit balance below 0 or lets the ledger disagree with the
 * balances. Each race fires every request before reading any answer.
 */

const MONTH = '2026-03';
const NEXT_MONTH = '2026-04';

async function statusesOf(responses: APIResponse[]): Promise<number[]> {
  return responses.map((response) => response.status());
}

function reader(api: BillingApi): Reader {
  return (path) => api.read(path);
}

function count(statuses: number[], status: number): number {
  return statuses.filter((candidate) => candidate === status).length;
}

test.describe('idempotency and races', () => {
  test('the same payment sent 50 times at once with one Idempotency-Key makes exactly one payment', async ({
    payableStatements,
    payments,
    securitySummary,
  }) => {
    const statement = await payableStatements.create();
    const key = payments.newKey('same');

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        payments.pay(statement.statementId, { amount: '1000', source: 'tok_success' }, { key }),
      ),
    );

    const statuses = await statusesOf(responses);
    // A copy still waiting after 8 s answers 409 idempotency-in-progress; every other copy replays the one payment.
    expect(
      statuses.every((status) => status === 201 || status === 409),
      String(statuses),
    ).toBe(true);
    const ids = new Set(
      await Promise.all(
        responses
          .filter((response) => response.status() === 201)
          .map(async (response) => (await response.json()).id),
      ),
    );
    expect(ids.size).toBe(1);
    const stored = await payments.list(statement.statementId);
    expect(stored.map((payment) => payment.id)).toEqual([...ids]);
    expect(stored[0]?.state).toBe('SUCCEEDED');
    securitySummary.count('races', 'tried', 1);
    securitySummary.count('races', 'requests', 50);
  });

  test('50 payments with different keys at once never pay more than the statement’s total', async ({
    payableStatements,
    payments,
    api,
    securitySummary,
  }) => {
    const statement = await payableStatements.create();
    const share = '5000';
    const fits = new Decimal(statement.total).dividedToIntegerBy(share).toNumber();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        payments.pay(statement.statementId, {
          amount: share,
          source: index % 5 === 0 ? 'tok_pending' : 'tok_success',
        }),
      ),
    );

    const statuses = await statusesOf(responses);
    expect(count(statuses, 201) + count(statuses, 409)).toBe(50);
    expect(count(statuses, 201)).toBe(fits);
    const stored = await payments.list(statement.statementId);
    const committed = stored
      .filter((payment) => payment.state === 'SUCCEEDED' || payment.state === 'PENDING')
      .reduce((total, payment) => total.plus(payment.amount), new Decimal(0));
    expect(committed.lessThanOrEqualTo(statement.total)).toBe(true);
    expect(committed.toNumber()).toBe(fits * Number(share));
    const read = await api.read<{ paid: string; outstanding: string }>(
      `/v1/statements/${statement.statementId}`,
    );
    expect(new Decimal(read.outstanding).isNegative()).toBe(false);
    securitySummary.count('races', 'tried', 1);
    securitySummary.count('races', 'requests', 50);
  });

  test('20 closes of one month at once close it exactly once and consume its credit once', async ({
    billingGroups,
    monthActivity,
    statements,
    api,
    securitySummary,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.grantCredit(group.id, {
      type: 'PROMOTIONAL',
      amount: '10000',
      grantedAt: '2026-01-01T00:00:00Z',
    });
    await monthActivity.ingestUsage(group.id, MONTH);

    const statuses = await statusesOf(
      await Promise.all(Array.from({ length: 20 }, () => statements.requestClose(group.id, MONTH))),
    );

    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(19);
    expect(await statementsOfMonth(reader(api), group.id, MONTH)).toHaveLength(1);
    const facts = await readCreditFacts(reader(api), group.id);
    expect(facts.ledger.filter((entry) => entry.kind === 'CONSUME')).toHaveLength(1);
    expect(creditInvariantViolations(facts)).toEqual([]);
    securitySummary.count('races', 'tried', 1);
    securitySummary.count('races', 'requests', 20);
  });

  test('voids and closes of one month racing, round after round, never overdraw a credit or lose the ledger', async ({
    billingGroups,
    monthActivity,
    statements,
    api,
    securitySummary,
  }) => {
    test.setTimeout(60_000);
    const group = await billingGroups.create();
    for (const amount of ['3000', '5000']) {
      await monthActivity.grantCredit(group.id, { type: 'FREE', amount, grantedAt: '2026-01-01T00:00:00Z' });
    }
    await monthActivity.ingestUsage(group.id, MONTH);
    let current = await statements.close(group.id, MONTH);

    for (let round = 0; round < 5; round += 1) {
      const statementId = current.statementId as string;
      const responses = await Promise.all([
        ...Array.from({ length: 5 }, () => api.post(`/v1/statements/${statementId}/void`)),
        ...Array.from({ length: 5 }, () => statements.requestClose(group.id, MONTH)),
      ]);
      const statuses = await statusesOf(responses);
      expect(
        statuses.every((status) => status < 500),
        String(statuses),
      ).toBe(true);
      expect(count(statuses.slice(0, 5), 200)).toBeLessThanOrEqual(1);
      const live = (await statementsOfMonth(reader(api), group.id, MONTH)).filter(
        (statement) => statement.voidedAt === null,
      );
      expect(live.length).toBeLessThanOrEqual(1);
      current = live[0] ? await statements.get(live[0].statementId) : await statements.close(group.id, MONTH);
      expect(creditInvariantViolations(await readCreditFacts(reader(api), group.id))).toEqual([]);
    }
    securitySummary.count('races', 'tried', 5);
    securitySummary.count('races', 'requests', 50);
  });

  test('voiding credit grants while the month closes never takes a balance below 0', async ({
    billingGroups,
    monthActivity,
    statements,
    api,
    securitySummary,
  }) => {
    const group = await billingGroups.create();
    const grants = await Promise.all(
      ['2000', '4000', '8000'].map((amount) =>
        monthActivity.grantCredit(group.id, { type: 'PAID', amount, grantedAt: '2026-01-01T00:00:00Z' }),
      ),
    );
    await monthActivity.ingestUsage(group.id, MONTH);

    const responses = await Promise.all([
      ...grants.flatMap((grant) =>
        Array.from({ length: 3 }, () => api.post(`/v1/billing-groups/${group.id}/credits/${grant.id}/void`)),
      ),
      ...Array.from({ length: 5 }, () => statements.requestClose(group.id, MONTH)),
      api.post(`/v1/billing-groups/${group.id}/credits/expire`),
    ]);

    const statuses = await statusesOf(responses);
    expect(
      statuses.every((status) => status < 500),
      String(statuses),
    ).toBe(true);
    // Each grant is voided at most once; a void or a close that read a balance another one took
    // meanwhile is refused whole (409 insufficient-credit) instead of overdrawing it.
    expect(count(statuses.slice(0, 9), 200)).toBeLessThanOrEqual(3);
    const closed = await statementsOfMonth(reader(api), group.id, MONTH);
    expect(closed.length).toBeLessThanOrEqual(1);
    if (closed.length === 0) expect((await statements.requestClose(group.id, MONTH)).status()).toBe(201);
    expect(creditInvariantViolations(await readCreditFacts(reader(api), group.id))).toEqual([]);
    securitySummary.count('races', 'tried', 1);
    securitySummary.count('races', 'requests', responses.length);
  });

  test('20 refunds of one payment at once refund it once; 20 settlements of a pending one settle it once', async ({
    payableStatements,
    payments,
    securitySummary,
  }) => {
    const statement = await payableStatements.create();
    const paid = await payments.paid(statement.statementId, { amount: '1000', source: 'tok_success' });
    const pending = await payments.paid(statement.statementId, { amount: '1000', source: 'tok_pending' });

    const [refunds, settlements] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => payments.refund(paid.id))),
      Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          payments.settle(pending.id, index % 2 === 0 ? { outcome: 'SUCCEEDED' } : { outcome: 'FAILED' }),
        ),
      ),
    ]);

    const refundStatuses = await statusesOf(refunds);
    const settleStatuses = await statusesOf(settlements);
    expect(count(refundStatuses, 200)).toBe(1);
    expect(count(refundStatuses, 409)).toBe(19);
    expect(count(settleStatuses, 200)).toBe(1);
    expect(count(settleStatuses, 409)).toBe(19);
    const winner = (await settlements.find((response) => response.status() === 200)?.json()) as {
      state: string;
    };
    const stored = await payments.list(statement.statementId);
    expect(stored.find((payment) => payment.id === paid.id)?.state).toBe('REFUNDED');
    expect(stored.find((payment) => payment.id === pending.id)?.state).toBe(winner.state);
    securitySummary.count('races', 'tried', 2);
    securitySummary.count('races', 'requests', 40);
  });

  test('a payment racing the next month’s close is never billed twice', async ({
    payableStatements,
    payments,
    statements,
    api,
    dataName,
    securitySummary,
  }) => {
    const march = await payableStatements.create({ month: MONTH });
    const ingested = await api.post(`/v1/billing-groups/${march.billingGroupId}/usage-events`, {
      events: [
        {
          eventId: `${dataName}-april`,
          projectId: 'p',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '10',
          timestamp: `${NEXT_MONTH}-10T00:00:00Z`,
        },
      ],
    });
    expect(ingested.status()).toBe(200);

    const [payment, ...closes] = await Promise.all([
      payments.pay(march.statementId, { amount: march.total, source: 'tok_success' }),
      ...Array.from({ length: 5 }, () => statements.requestClose(march.billingGroupId, NEXT_MONTH)),
    ]);

    const closeStatuses = await statusesOf(closes);
    expect([201, 409]).toContain(payment?.status());
    expect(
      closeStatuses.every((status) => status === 201 || status === 409),
      String(closeStatuses),
    ).toBe(true);
    const marchNow = await statements.get(march.statementId);
    const aprilLive = (await statementsOfMonth(reader(api), march.billingGroupId, NEXT_MONTH)).filter(
      (s) => !s.voidedAt,
    );
    expect(aprilLive.length).toBeLessThanOrEqual(1);
    if (aprilLive[0]) {
      const april = await statements.get(aprilLive[0].statementId);
      // What March still owed is carried exactly once: paid, or carried into April, never both.
      expect(new Decimal(april.result.unpaid).plus(marchNow.paid).toFixed()).toBe(
        new Decimal(march.total).toFixed(),
      );
    }
    securitySummary.count('races', 'tried', 1);
    securitySummary.count('races', 'requests', 6);
  });

  test('the same usage event sent 20 times at once is stored once; 20 month-end POSTs close the month once', async ({
    createTenant,
    closeMonthJobs,
    securitySummary,
  }) => {
    const tenant = await createTenant();
    const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: 'races' });
    const event = {
      eventId: 'the-one-event',
      projectId: 'p',
      counterName: 'compute.c2.c8m8',
      counterType: 'DELTA',
      unit: 'HOURS',
      volume: '7',
      timestamp: `${MONTH}-10T00:00:00Z`,
    };

    const ingests = await Promise.all(
      Array.from({ length: 20 }, () =>
        tenant.api.post(`/v1/billing-groups/${group.id}/usage-events`, { events: [event] }),
      ),
    );
    const verdicts = await Promise.all(
      ingests.map(
        async (response) =>
          ((await response.json()) as { verdicts: { verdict: string }[] }).verdicts[0]?.verdict,
      ),
    );
    expect(verdicts.filter((verdict) => verdict === 'accepted')).toHaveLength(1);
    expect(verdicts.filter((verdict) => verdict === 'duplicate')).toHaveLength(19);
    const stored = await tenant.api.read<{ items: unknown[] }>(`/v1/billing-groups/${group.id}/usage-events`);
    expect(stored.items).toHaveLength(1);

    const starts = await Promise.all(
      Array.from({ length: 20 }, () => tenant.api.post('/v1/jobs/close-month', { month: MONTH })),
    );
    const statuses = await statusesOf(starts);
    expect(
      statuses.every((status) => status === 200 || status === 202),
      String(statuses),
    ).toBe(true);
    // One job runs at a time; a POST after it finished may start another, which finds the month closed.
    const jobIds = new Set<string>(
      await Promise.all(starts.map(async (response) => (await response.json()).id)),
    );
    for (const jobId of jobIds) {
      const job = await closeMonthJobs.waitUntilFinished(jobId, tenant.api);
      expect([job.status, job.done, job.total]).toEqual(['SUCCEEDED', 1, 1]);
    }
    expect(await statementsOfMonth(reader(tenant.api), group.id, MONTH)).toHaveLength(1);
    securitySummary.count('races', 'tried', 2);
    securitySummary.count('races', 'requests', 40);
  });
});
