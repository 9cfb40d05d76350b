import { expect, test } from '../support/api-test';

/**
 * Statements (DOMAIN §4, §6, §8) through the API. Usage is `compute.c2.c8m8` at 397 KRW an hour, VAT
 * 10%: 100 hours are 39700 + 3970 VAT = 43670; 10 hours are 3970 + 397 = 4367.
 */

const MARCH = '2026-03';
const APRIL = '2026-04';
const MAY = '2026-05';
const DAY_MS = 24 * 60 * 60 * 1000;

interface Problem {
  type: string;
  detail: string;
  errors?: { field: string; rule: string }[];
  [extension: string]: unknown;
}

test.describe('statement drafts', () => {
  test('a billing group without usage has a zero draft', async ({ billingGroups, statements }) => {
    const group = await billingGroups.create();

    const draft = await statements.read(group.id, MARCH);

    expect(draft).toMatchObject({
      statementId: null,
      state: 'DRAFT',
      dueAt: null,
      contentHash: null,
      carriedForwardBy: null,
    });
    expect(draft.total).toEqualMoney('0');
    expect(draft.outstanding).toEqualMoney('0');
    expect(draft.result.lines).toEqual([]);
  });

  test('a draft prices the month’s usage from the default price book and adds VAT', {
    tag: ['@smoke'],
  }, async ({ billingGroups, monthActivity, statements }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });

    const draft = await statements.read(group.id, MARCH);

    expect(draft.result.lines).toHaveLength(1);
    expect(draft.result.lines[0]).toMatchObject({ counterName: 'compute.c2.c8m8', projectId: 'p-web' });
    expect(draft.result.lines[0]?.amount).toEqualMoney('39700');
    expect(draft.result.subtotal).toEqualMoney('39700');
    expect(draft.result.vat).toEqualMoney('3970');
    expect(draft.total).toEqualMoney('43670');
    expect(draft.outstanding).toEqualMoney('43670');
  });

  test('a draft is recomputed on every read: more usage changes it', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    expect((await statements.read(group.id, MARCH)).total).toEqualMoney('43670');

    await monthActivity.ingestUsage(group.id, MARCH, { hours: '10', day: 20 });

    const draft = await statements.read(group.id, MARCH);
    expect(draft.result.lines[0]?.quantity).toEqualMoney('110');
    expect(draft.total).toEqualMoney('48037');
  });

  test('usage of other months stays out of the month’s draft', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });

    expect((await statements.read(group.id, MARCH)).total).toEqualMoney('43670');
    expect((await statements.read(group.id, APRIL)).total).toEqualMoney('4367');
  });

  test('a draft applies the month’s adjustments', async ({ billingGroups, monthActivity, statements }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.adjust(group.id, {
      month: MARCH,
      type: 'DISCOUNT',
      method: 'RATE',
      value: '10',
      level: 'BILLING_GROUP',
    });

    const draft = await statements.read(group.id, MARCH);

    expect(draft.result.adjustmentTotal).toEqualMoney('-3970');
    expect(draft.result.charge).toEqualMoney('35730');
    expect(draft.total).toEqualMoney('39303');
  });

  test('a draft applies credits without consuming them', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const grant = await monthActivity.grantCredit(group.id, {
      type: 'PROMOTIONAL',
      amount: '10000',
      grantedAt: `${MARCH}-01T00:00:00Z`,
    });

    const first = await statements.read(group.id, MARCH);
    const second = await statements.read(group.id, MARCH);

    expect(first.result.creditTotal).toEqualMoney('10000');
    expect(second.result.creditTotal).toEqualMoney('10000');
    expect(second.total).toEqualMoney('32670');
    const balance = await api.read<{ balance: string }>(`/v1/billing-groups/${group.id}/credits/${grant.id}`);
    expect(balance.balance).toEqualMoney('10000');
  });

  test('a non-KRW billing group without a price book answers 409 naming what to do', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create({ currency: 'USD' });

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}`);

    expect(response.status()).toBe(409);
    const problem: Problem = await response.json();
    expect(problem.type).toBe('/problems/price-book-required');
    expect(problem.detail).toContain('USD');
  });

  test('a month that is not YYYY-MM is a 422 naming the month', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/2026-13`);

    expect(response.status()).toBe(422);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe('param.month');
  });
});

test.describe('the explain trace', () => {
  test('a draft explains each amount in pipeline order', async ({ api, billingGroups, monthActivity }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });

    const explanation = await api.read<{
      statementId: string | null;
      steps: { step: number; rule: string; result: string }[];
      text: string;
    }>(`/v1/billing-groups/${group.id}/statements/${MARCH}/explain`);

    const rules = explanation.steps.map((step) => step.rule);
    expect(explanation.statementId).toBeNull();
    expect(explanation.steps.map((step) => step.step)).toEqual(rules.map((_, index) => index + 1));
    for (const [earlier, later] of [
      ['usage-line', 'subtotal'],
      ['subtotal', 'charge'],
      ['charge', 'vat'],
      ['vat', 'total'],
    ] as const) {
      expect(rules.indexOf(earlier)).toBeGreaterThanOrEqual(0);
      expect(rules.indexOf(earlier)).toBeLessThan(rules.indexOf(later));
    }
    expect(explanation.steps.find((step) => step.rule === 'total')?.result).toEqualMoney('43670');
    expect(explanation.text.split('\n')).toHaveLength(explanation.steps.length);
    expect(explanation.text).toContain('[usage-line]');
  });

  test('a credit burn is explained as a step of its own', async ({ api, billingGroups, monthActivity }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.grantCredit(group.id, {
      type: 'FREE',
      amount: '5000',
      grantedAt: `${MARCH}-01T00:00:00Z`,
    });

    const explanation = await api.read<{ steps: { rule: string; result: string }[] }>(
      `/v1/billing-groups/${group.id}/statements/${MARCH}/explain`,
    );

    const burns = explanation.steps.filter((step) => step.rule === 'credit-burn');
    expect(burns).toHaveLength(1);
  });

  test('a closed statement explains its frozen trace', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const closed = await statements.close(group.id, MARCH);

    const explanation = await api.read<{ statementId: string; state: string; steps: unknown[] }>(
      `/v1/billing-groups/${group.id}/statements/${MARCH}/explain`,
    );

    expect(explanation.statementId).toBe(closed.statementId);
    expect(explanation.state).toBe('ISSUED');
    expect(explanation.steps).toEqual(closed.result.trace);
  });
});

test.describe('closing a month', () => {
  test('ingest, adjust, grant credit, close and replay: the statement is frozen and replays identically', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    let grantId = '';

    await test.step('ingest March usage and read the draft', async () => {
      await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
      expect((await statements.read(group.id, MARCH)).total).toEqualMoney('43670');
    });
    await test.step('discount March by 10%', async () => {
      await monthActivity.adjust(group.id, {
        month: MARCH,
        type: 'DISCOUNT',
        method: 'RATE',
        value: '10',
        level: 'BILLING_GROUP',
      });
      expect((await statements.read(group.id, MARCH)).total).toEqualMoney('39303');
    });
    await test.step('grant a 10000 KRW promotional credit', async () => {
      grantId = (
        await monthActivity.grantCredit(group.id, {
          type: 'PROMOTIONAL',
          amount: '10000',
          grantedAt: `${MARCH}-01T00:00:00Z`,
        })
      ).id;
      expect((await statements.read(group.id, MARCH)).total).toEqualMoney('28303');
    });
    const closed = await test.step('close March', () => statements.close(group.id, MARCH));
    await test.step('the closed statement is issued, due in 14 days, hashed, and consumed the credit', async () => {
      expect(closed.statementId).toMatch(/^st_/);
      expect(closed.state).toBe('ISSUED');
      expect(closed.total).toEqualMoney('28303');
      expect(closed.result.creditTotal).toEqualMoney('10000');
      expect(closed.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(closed.dueAt ?? '') - Date.parse(closed.closedAt ?? '')).toBe(14 * DAY_MS);
      const grant = await api.read<{ balance: string }>(`/v1/billing-groups/${group.id}/credits/${grantId}`);
      expect(grant.balance).toEqualMoney('0');
    });
    await test.step('replaying it gives the identical result and hash', async () => {
      const replay = await api.create<{
        identical: boolean;
        expectedHash: string;
        actualHash: string;
        differences: unknown[];
      }>(`/v1/statements/${closed.statementId}/replay`, undefined, 200);
      expect(replay).toEqual({
        statementId: closed.statementId,
        identical: true,
        expectedHash: closed.contentHash,
        actualHash: closed.contentHash,
        differences: [],
      });
    });
  });

  test('a closed statement is frozen: later usage for its month is refused and it does not change', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const closed = await statements.close(group.id, MARCH);

    const late = await api.post(`/v1/billing-groups/${group.id}/usage-events`, {
      events: [
        {
          eventId: 'late-usage',
          projectId: 'p-web',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '50',
          timestamp: `${MARCH}-28T00:00:00Z`,
        },
      ],
    });

    expect(late.status()).toBe(409);
    expect(((await late.json()) as Problem).type).toBe('/problems/period-closed');
    const again = await statements.read(group.id, MARCH);
    expect(again.statementId).toBe(closed.statementId);
    expect(again.contentHash).toBe(closed.contentHash);
    expect(again.total).toEqualMoney('43670');
  });

  test('a closed statement is read back by id with its standing', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const closed = await statements.close(group.id, MARCH);

    const statement = await statements.get(closed.statementId as string);

    expect(statement).toMatchObject({
      statementId: closed.statementId,
      billingGroupId: group.id,
      month: MARCH,
      state: 'ISSUED',
      contentHash: closed.contentHash,
      dueAt: closed.dueAt,
      voidedAt: null,
    });
    expect(statement.paid).toEqualMoney('0');
    expect(statement.outstanding).toEqualMoney('43670');
    expect(statement.result).toEqual(closed.result);
  });

  test('a month closes once: a second close is 409 statement-closed', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await statements.close(group.id, MARCH);

    const second = await statements.requestClose(group.id, MARCH);

    expect(second.status()).toBe(409);
    expect(((await second.json()) as Problem).type).toBe('/problems/statement-closed');
  });

  test('two concurrent closes of one month close it exactly once', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await monthActivity.grantCredit(group.id, {
      type: 'PAID',
      amount: '5000',
      grantedAt: `${MARCH}-01T00:00:00Z`,
    });

    const responses = await Promise.all([
      statements.requestClose(group.id, MARCH),
      statements.requestClose(group.id, MARCH),
    ]);

    expect(responses.map((response) => response.status()).sort()).toEqual([201, 409]);
    const page = await api.read<{ items: { statementId: string }[] }>(
      `/v1/billing-groups/${group.id}/statements`,
    );
    expect(page.items).toHaveLength(1);
    const ledger = await api.read<{ items: { kind: string }[] }>(
      `/v1/billing-groups/${group.id}/credit-ledger`,
    );
    expect(ledger.items.filter((entry) => entry.kind === 'CONSUME')).toHaveLength(1);
  });

  test('months close in order: April cannot close while March, with usage, is open', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await monthActivity.ingestUsage(group.id, APRIL);

    const response = await statements.requestClose(group.id, APRIL);

    expect(response.status()).toBe(409);
    const problem: Problem = await response.json();
    expect(problem.type).toBe('/problems/month-order');
    expect(problem.blockingMonth).toBe(MARCH);
  });

  test('an open month with only an adjustment also blocks later months', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.adjust(group.id, {
      month: MARCH,
      type: 'SURCHARGE',
      method: 'FIXED',
      value: '1000',
      level: 'BILLING_GROUP',
    });
    await monthActivity.ingestUsage(group.id, APRIL);

    const response = await statements.requestClose(group.id, APRIL);

    expect(response.status()).toBe(409);
    expect(((await response.json()) as Problem).blockingMonth).toBe(MARCH);
  });

  test('a month without activity does not block a later one', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, APRIL);

    const closed = await statements.close(group.id, APRIL);

    expect(closed.state).toBe('ISSUED');
  });

  test('an earlier month cannot close after a later one was closed', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, APRIL);
    await statements.close(group.id, APRIL);

    const response = await statements.requestClose(group.id, MARCH);

    expect(response.status()).toBe(409);
    const problem: Problem = await response.json();
    expect(problem.type).toBe('/problems/month-order');
    expect(problem.laterMonth).toBe(APRIL);
  });

  test('a month that has not begun cannot close', async ({ billingGroups, statements }) => {
    const group = await billingGroups.create();

    const response = await statements.requestClose(group.id, '2099-01');

    expect(response.status()).toBe(409);
    expect(((await response.json()) as Problem).type).toBe('/problems/month-not-started');
  });
});

test.describe('balance forward and late fees', () => {
  test('closing April carries March’s outstanding as unpaid, and March becomes CARRIED_FORWARD', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);

    const april = await statements.close(group.id, APRIL);

    expect(april.result.previousStatementId).toBe(march.statementId);
    expect(april.result.unpaid).toEqualMoney('43670');
    expect(april.result.vat).toEqualMoney('397');
    expect(april.result.lateFee).toEqualMoney('0');
    expect(april.total).toEqualMoney('48037');
    const marchNow = await statements.get(march.statementId as string);
    expect(marchNow.state).toBe('CARRIED_FORWARD');
    expect(marchNow.carriedForwardBy).toBe(april.statementId);
  });

  test('the unpaid balance carries only the latest statement, so nothing is counted twice', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    await monthActivity.ingestUsage(group.id, MAY, { hours: '10' });
    await statements.close(group.id, MARCH);
    const april = await statements.close(group.id, APRIL);

    const may = await statements.read(group.id, MAY);

    expect(may.result.previousStatementId).toBe(april.statementId);
    expect(may.result.unpaid).toEqualMoney('48037');
    expect(may.total).toEqualMoney('52404');
  });

  test('a late fee is charged when the previous statement is past due, without VAT on it', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create({ paymentTermsDays: 0 });
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);

    const april = await statements.read(group.id, APRIL);

    expect(march.dueAt).toBe(march.closedAt);
    expect((await statements.get(march.statementId as string)).state).toBe('OVERDUE');
    expect(april.result.isOverdue).toBe(true);
    expect(april.result.unpaid).toEqualMoney('43670');
    expect(april.result.lateFee).toEqualMoney('2184');
    expect(april.result.vat).toEqualMoney('397');
    expect(april.total).toEqualMoney('50221');
  });

  test('no late fee while the previous statement is within its payment terms', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await statements.close(group.id, MARCH);

    const april = await statements.read(group.id, APRIL);

    expect(april.result.isOverdue).toBe(false);
    expect(april.result.lateFee).toEqualMoney('0');
    expect(april.total).toEqualMoney('43670');
  });

  test('a paid statement is not carried forward and stays PAID', async ({
    billingGroups,
    monthActivity,
    payments,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);
    await payments.paid(march.statementId as string, { amount: '43670', source: 'tok_success' });

    const april = await statements.close(group.id, APRIL);

    expect(april.result.unpaid).toEqualMoney('0');
    expect(april.total).toEqualMoney('4367');
    const marchNow = await statements.get(march.statementId as string);
    expect(marchNow.state).toBe('PAID');
    expect(marchNow.carriedForwardBy).toBeNull();
  });

  test('a partly paid statement carries only what is still owed', async ({
    billingGroups,
    monthActivity,
    payments,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const march = await statements.close(group.id, MARCH);
    await payments.paid(march.statementId as string, { amount: '40000', source: 'tok_success' });
    expect((await statements.get(march.statementId as string)).state).toBe('PARTIALLY_PAID');

    const april = await statements.read(group.id, APRIL);

    expect(april.result.unpaid).toEqualMoney('3670');
  });

  test('a month waits for the previous statement’s pending payment to settle before it closes', async ({
    billingGroups,
    monthActivity,
    payments,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);
    const pending = await payments.paid(march.statementId as string, {
      amount: '3670',
      source: 'tok_pending',
    });

    const refused = await statements.requestClose(group.id, APRIL);

    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as Problem).type).toBe('/problems/payment-pending');
    await payments.settle(pending.id, { outcome: 'SUCCEEDED' });
    const april = await statements.close(group.id, APRIL);
    expect(april.result.unpaid).toEqualMoney('40000');
  });
});

test.describe('voiding and reissuing', () => {
  test('voiding releases the consumed credits and a reissue is a new statement', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const grant = await monthActivity.grantCredit(group.id, {
      type: 'PROMOTIONAL',
      amount: '10000',
      grantedAt: `${MARCH}-01T00:00:00Z`,
    });
    const closed = await statements.close(group.id, MARCH);
    const creditPath = `/v1/billing-groups/${group.id}/credits/${grant.id}`;
    expect((await api.read<{ balance: string }>(creditPath)).balance).toEqualMoney('0');

    const voided = await test.step('void March', () => statements.void(closed.statementId as string));

    await test.step('the statement is VOID and its credit is back', async () => {
      expect(voided.state).toBe('VOID');
      expect(voided.voidedAt).not.toBeNull();
      expect((await api.read<{ balance: string }>(creditPath)).balance).toEqualMoney('10000');
    });
    await test.step('March is open again: its draft applies the credit again', async () => {
      const draft = await statements.read(group.id, MARCH);
      expect(draft.state).toBe('DRAFT');
      expect(draft.result.creditTotal).toEqualMoney('10000');
    });
    await test.step('closing March again issues a new statement', async () => {
      const reissued = await statements.close(group.id, MARCH);
      expect(reissued.statementId).not.toBe(closed.statementId);
      expect(reissued.total).toEqualMoney(closed.total);
      expect((await api.read<{ balance: string }>(creditPath)).balance).toEqualMoney('0');
    });
  });

  test('a voided month takes usage again', async ({ api, billingGroups, monthActivity, statements }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    const closed = await statements.close(group.id, MARCH);
    await statements.void(closed.statementId as string);

    await monthActivity.ingestUsage(group.id, MARCH, { hours: '10', day: 20 });

    expect((await statements.read(group.id, MARCH)).total).toEqualMoney('48037');
    const page = await api.read<{ items: unknown[] }>(`/v1/billing-groups/${group.id}/usage-events`);
    expect(page.items).toHaveLength(2);
  });

  test('a statement is voided once', async ({ api, billingGroups, monthActivity, statements }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);
    await statements.void(closed.statementId as string);

    const again = await api.post(`/v1/statements/${closed.statementId}/void`);

    expect(again.status()).toBe(409);
    expect(((await again.json()) as Problem).type).toBe('/problems/statement-void');
  });

  test('statements void newest first: March cannot be voided while April carries it', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    await monthActivity.ingestUsage(group.id, APRIL);
    const march = await statements.close(group.id, MARCH);
    const april = await statements.close(group.id, APRIL);

    const response = await api.post(`/v1/statements/${march.statementId}/void`);

    expect(response.status()).toBe(409);
    const problem: Problem = await response.json();
    expect(problem.type).toBe('/problems/month-order');
    expect(problem.laterStatementId).toBe(april.statementId);
  });

  test('voiding April makes March payable on its own again, and reissuing April carries it again', async ({
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);
    const april = await statements.close(group.id, APRIL);

    await statements.void(april.statementId as string);

    const marchNow = await statements.get(march.statementId as string);
    expect(marchNow.state).toBe('ISSUED');
    expect(marchNow.carriedForwardBy).toBeNull();
    const reissued = await statements.close(group.id, APRIL);
    expect(reissued.result.unpaid).toEqualMoney('43670');
    expect((await statements.get(march.statementId as string)).carriedForwardBy).toBe(reissued.statementId);
  });

  test('a statement with a payment is refunded before it can be voided', async ({
    api,
    billingGroups,
    monthActivity,
    payments,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);
    await payments.paid(closed.statementId as string, { amount: '1000', source: 'tok_success' });

    const response = await api.post(`/v1/statements/${closed.statementId}/void`);

    expect(response.status()).toBe(409);
    expect(((await response.json()) as Problem).type).toBe('/problems/statement-has-payments');
  });
});

test.describe('statement lists', () => {
  test('a group’s statements list newest month first with their states and totals', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH, { hours: '100' });
    await monthActivity.ingestUsage(group.id, APRIL, { hours: '10' });
    const march = await statements.close(group.id, MARCH);
    const april = await statements.close(group.id, APRIL);

    const page = await api.read<{ items: { statementId: string; state: string; total: string }[] }>(
      `/v1/billing-groups/${group.id}/statements`,
    );

    expect(page.items.map((item) => [item.statementId, item.state])).toEqual([
      [april.statementId, 'ISSUED'],
      [march.statementId, 'CARRIED_FORWARD'],
    ]);
    expect(page.items[0]?.total).toEqualMoney('48037');
  });

  test('voided statements stay in the list as VOID beside their reissue', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const first = await statements.close(group.id, MARCH);
    await statements.void(first.statementId as string);
    const reissue = await statements.close(group.id, MARCH);

    const page = await api.read<{ items: { statementId: string; state: string }[] }>(
      `/v1/billing-groups/${group.id}/statements`,
    );

    expect(page.items).toHaveLength(2);
    expect(page.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ statementId: first.statementId, state: 'VOID' }),
        expect.objectContaining({ statementId: reissue.statementId, state: 'ISSUED' }),
      ]),
    );
  });

  test('lists page through every statement with a cursor', async ({
    api,
    billingGroups,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    const closed: string[] = [];
    for (const month of ['2026-01', '2026-02', MARCH]) {
      await monthActivity.ingestUsage(group.id, month, { hours: '1' });
      closed.push((await statements.close(group.id, month)).statementId as string);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: { items: { statementId: string }[]; nextCursor: string | null } = await api.read(
        `/v1/billing-groups/${group.id}/statements${query}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.statementId));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toEqual([...closed].reverse());
  });

  test('a cursor the API did not issue is a 400 naming the cursor', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.get(`/v1/billing-groups/${group.id}/statements?cursor=bm90LWEtY3Vyc29y`);

    expect(response.status()).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]).toMatchObject({
      field: 'query.cursor',
      rule: 'cursor',
    });
  });
});

test.describe('tenant isolation', () => {
  test('another tenant’s statement answers 404 on every statement operation', async ({
    billingGroups,
    createTenant,
    monthActivity,
    statements,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, MARCH);
    const closed = await statements.close(group.id, MARCH);
    const other = await createTenant();

    const responses = await Promise.all([
      other.api.get(`/v1/statements/${closed.statementId}`),
      other.api.post(`/v1/statements/${closed.statementId}/void`),
      other.api.post(`/v1/statements/${closed.statementId}/replay`),
      other.api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}`),
      other.api.get(`/v1/billing-groups/${group.id}/statements/${MARCH}/explain`),
      other.api.post(`/v1/billing-groups/${group.id}/statements/${APRIL}/close`),
      other.api.get(`/v1/billing-groups/${group.id}/statements`),
    ]);

    expect(responses.map((response) => response.status())).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await statements.get(closed.statementId as string)).state).toBe('ISSUED');
  });
});
