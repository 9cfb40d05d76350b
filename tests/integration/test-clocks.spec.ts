import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';

/**
 * Test clocks (DOMAIN §8a): a billing group on a clock lives in its time. Advancing the clock runs
 * every daily scheduled run (02:00 UTC) in between for its groups, in order: months auto-close,
 * due dates pass, late fees follow, credit expires, alerts are reported, all in simulated time,
 * in seconds. Each test has clocks and groups of its own.
 */

type TestClock = Schemas['TestClock'];
type Statement = Schemas['Statement'];
type Group = Schemas['BillingGroup'];

function hoursAt(timestamp: string, eventId: string, hours = '100') {
  return {
    events: [
      {
        eventId,
        projectId: 'p-clock',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        volume: hours,
        timestamp,
      },
    ],
  };
}

/** Advances the clock and waits until its advance has run every scheduled run to the end. */
async function advance(api: BillingApi, clockId: string, to: string): Promise<TestClock> {
  const started = await api.create<TestClock>(`/v1/test-clocks/${clockId}/advance`, { to }, 202);
  expect(started.status).toBe('ADVANCING');
  await expect
    .poll(async () => (await api.read<TestClock>(`/v1/test-clocks/${clockId}`)).status, { timeout: 30_000 })
    .toBe('READY');
  const ready = await api.read<TestClock>(`/v1/test-clocks/${clockId}`);
  expect(ready.frozenTime).toBe(new Date(to).toISOString());
  expect(ready.progress.runsDone).toBe(ready.progress.runsTotal);
  return ready;
}

async function clockAt(api: BillingApi, frozenTime: string): Promise<TestClock> {
  return api.create<TestClock>('/v1/test-clocks', { name: 'three months', frozenTime });
}

test.describe('test clocks', () => {
  test('a group on a clock lives three months in seconds: auto-close, overdue, late fee, credit expiry', async ({
    api,
  }) => {
    const clock = await clockAt(api, '2026-01-10T00:00:00Z');
    const group = await api.create<Group>('/v1/billing-groups', {
      name: 'on a clock',
      autoClose: true,
      testClockId: clock.id,
    });
    expect(group).toMatchObject({ testClockId: clock.id, testClockTime: '2026-01-10T00:00:00.000Z' });
    // Pays part of January: the rest of January's total stays unpaid.
    await api.create(`/v1/billing-groups/${group.id}/credits`, { type: 'FREE', amount: '1000' });

    await test.step('the future-timestamp check reads the clock: a day and more after it is refused', async () => {
      const ingested = await api.create<{ counts: Record<string, number> }>(
        `/v1/billing-groups/${group.id}/usage-events`,
        {
          events: [
            hoursAt('2026-01-10T12:00:00Z', 'jan-1').events[0],
            hoursAt('2026-01-11T00:00:01Z', 'jan-too-soon').events[0],
          ],
        },
        200,
      );
      expect(ingested).toMatchObject({ counts: { accepted: 1, rejected: 1 } });
      const alone = await api.post(
        `/v1/billing-groups/${group.id}/usage-events`,
        hoursAt('2026-01-12T00:00:00Z', 'jan-ahead'),
      );
      expect(alone.status()).toBe(422);
      expect((await alone.json()).errors).toEqual([
        expect.objectContaining({ field: 'events[0].timestamp', rule: 'timestamp-in-future' }),
      ]);
    });

    let january: Statement;
    await test.step('February 1st, 02:00: January closes by itself, due in 14 days', async () => {
      const clockNow = await advance(api, clock.id, '2026-02-10T00:00:00Z');
      expect(clockNow.progress.runsTotal).toBe(31);
      january = await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2026-01`);
      expect(january).toMatchObject({
        state: 'ISSUED',
        closedAt: '2026-02-01T02:00:00.000Z',
        dueAt: '2026-02-15T02:00:00.000Z',
      });
      expect(january.number).toMatch(/^ST-2026-\d{6}$/);
      expect(Number(january.result.creditTotal)).toBeGreaterThan(0);
    });

    await test.step('February 16th: January is past due and unpaid, so OVERDUE', async () => {
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        hoursAt('2026-02-10T00:00:00Z', 'feb-1'),
        200,
      );
      await advance(api, clock.id, '2026-02-16T00:00:00Z');
      const overdue = await api.read<Statement>(`/v1/statements/${january.statementId}`);
      expect(overdue.state).toBe('OVERDUE');
    });

    await test.step('February 20th, 02:00: a credit granted in February expires unspent', async () => {
      const credit = await api.create<{ id: string; grantedAt: string }>(
        `/v1/billing-groups/${group.id}/credits`,
        {
          type: 'PROMOTIONAL',
          amount: '1000000',
          expiresAt: '2026-02-20T00:00:00Z',
        },
      );
      expect(credit.grantedAt).toBe('2026-02-16T00:00:00.000Z');
      await advance(api, clock.id, '2026-02-25T00:00:00Z');
      const ledger = await api.read<{ items: { kind: string; at: string }[] }>(
        `/v1/billing-groups/${group.id}/credit-ledger?grantId=${credit.id}`,
      );
      expect(ledger.items.filter((entry) => entry.kind === 'EXPIRE')).toEqual([
        expect.objectContaining({ at: '2026-02-20T02:00:00.000Z' }),
      ]);
      const events = await api.read<{ items: { createdAt: string; data: { object: { id: string } } }[] }>(
        '/v1/events?type=credit.expiring',
      );
      // Within seven days of its expiry from the start: reported at the grant, in the clock's time.
      const ours = events.items.filter((event) => event.data.object.id === credit.id);
      expect(ours.map((event) => event.createdAt)).toEqual(['2026-02-16T00:00:00.000Z']);
    });

    await test.step('March 1st, 02:00: February closes with January unpaid and a late fee on it', async () => {
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        hoursAt('2026-02-26T00:00:00Z', 'feb-2'),
        200,
      );
      await advance(api, clock.id, '2026-03-05T00:00:00Z');
      const february = await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2026-02`);
      expect(february).toMatchObject({ state: 'ISSUED', closedAt: '2026-03-01T02:00:00.000Z' });
      expect(february.result.unpaid).toBe(january.total);
      expect(Number(february.result.lateFee)).toBeGreaterThan(0);
      expect(february.result.creditTotal).toBe('0');
      const carried = await api.read<Statement>(`/v1/statements/${january.statementId}`);
      expect(carried.state).toBe('CARRIED_FORWARD');
    });

    await test.step('April 1st, 02:00: March closes; three months, each in its own statement', async () => {
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        hoursAt('2026-03-05T00:00:00Z', 'mar-1'),
        200,
      );
      await advance(api, clock.id, '2026-04-02T00:00:00Z');
      const statements = await api.read<{ items: Statement[] }>(`/v1/billing-groups/${group.id}/statements`);
      const byMonth = statements.items.map((statement) => [statement.month, statement.closedAt]).sort();
      expect(byMonth).toEqual([
        ['2026-01', '2026-02-01T02:00:00.000Z'],
        ['2026-02', '2026-03-01T02:00:00.000Z'],
        ['2026-03', '2026-04-01T02:00:00.000Z'],
      ]);
      const closedEvents = await api.read<{
        items: { createdAt: string; data: { object: { billingGroupId: string } } }[];
      }>('/v1/events?type=statement.closed');
      const ours = closedEvents.items.filter((event) => event.data.object.billingGroupId === group.id);
      expect(ours.map((event) => event.createdAt).sort()).toEqual([
        '2026-02-01T02:00:00.000Z',
        '2026-03-01T02:00:00.000Z',
        '2026-04-01T02:00:00.000Z',
      ]);
    });
  });

  test('a group on a clock reads now from it: a draft’s asOf, a budget’s month, a grant’s time', async ({
    api,
  }) => {
    const clock = await clockAt(api, '2026-05-20T08:00:00Z');
    const group = await api.create<Group>('/v1/billing-groups', {
      name: 'reads the clock',
      testClockId: clock.id,
    });
    expect(group.createdAt).toBe('2026-05-20T08:00:00.000Z');
    const balances = await api.read<{ asOf: string }>(`/v1/billing-groups/${group.id}/credit-balances`);
    expect(balances.asOf).toBe('2026-05-20T08:00:00.000Z');
    const budget = await api.create<{ month: string }>(`/v1/billing-groups/${group.id}/budgets`, {
      name: 'month total',
      kind: 'TOTAL',
      threshold: '1000',
    });
    expect(budget.month).toBe('2026-05');
    const grant = await api.create<{ grantedAt: string }>(`/v1/billing-groups/${group.id}/credits`, {
      type: 'PAID',
      amount: '100',
    });
    expect(grant.grantedAt).toBe('2026-05-20T08:00:00.000Z');
  });

  test('a clock moves only forward, at most two years at once, one advance at a time', async ({ api }) => {
    const clock = await clockAt(api, '2026-01-10T00:00:00Z');
    const refusals = [
      ['2026-01-09T00:00:00Z', 'after-frozen-time'],
      ['2026-01-10T00:00:00Z', 'after-frozen-time'],
      ['2028-01-10T00:00:01Z', 'max-advance'],
    ] as const;
    for (const [to, rule] of refusals) {
      const refused = await api.post(`/v1/test-clocks/${clock.id}/advance`, { to });
      expect(refused.status(), to).toBe(422);
      expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: 'to', rule })]);
    }
    // Two advances at once: one starts, the other is told the clock is advancing.
    const [first, second] = await Promise.all([
      api.post(`/v1/test-clocks/${clock.id}/advance`, { to: '2026-06-01T00:00:00Z' }),
      api.post(`/v1/test-clocks/${clock.id}/advance`, { to: '2026-07-01T00:00:00Z' }),
    ]);
    expect([first.status(), second.status()].sort()).toEqual([202, 409]);
    const loser = first.status() === 409 ? first : second;
    expect((await loser.json()).type).toBe('/problems/test-clock-advancing');
    await expect
      .poll(async () => (await api.read<TestClock>(`/v1/test-clocks/${clock.id}`)).status)
      .toBe('READY');
    // Exactly two years on is allowed.
    const winner = (await api.read<TestClock>(`/v1/test-clocks/${clock.id}`)).frozenTime;
    const twoYears = new Date(winner);
    twoYears.setUTCFullYear(twoYears.getUTCFullYear() + 2);
    await advance(api, clock.id, twoYears.toISOString());
  });

  test('a clock with groups is not deleted; an unknown clock is no clock for a group', async ({ api }) => {
    const clock = await clockAt(api, '2026-01-10T00:00:00Z');
    await api.create('/v1/billing-groups', { name: 'keeps the clock', testClockId: clock.id });
    const refused = await api.delete(`/v1/test-clocks/${clock.id}`);
    expect(refused.status()).toBe(409);
    expect((await refused.json()).type).toBe('/problems/test-clock-in-use');
    expect((await api.read<TestClock>(`/v1/test-clocks/${clock.id}`)).id).toBe(clock.id);

    const unused = await clockAt(api, '2026-01-10T00:00:00Z');
    expect((await api.delete(`/v1/test-clocks/${unused.id}`)).status()).toBe(204);
    expect((await api.get(`/v1/test-clocks/${unused.id}`)).status()).toBe(404);
    const orphan = await api.post('/v1/billing-groups', { name: 'no clock', testClockId: unused.id });
    expect(orphan.status()).toBe(422);
    expect((await orphan.json()).errors).toEqual([
      expect.objectContaining({ field: 'testClockId', rule: 'exists' }),
    ]);
  });

  test('advancing in one step or in many small ones gives the same statements', async ({ api }) => {
    const start = '2026-01-20T00:00:00Z';
    const end = '2026-03-03T00:00:00Z';
    const setUp = async (name: string) => {
      const clock = await clockAt(api, start);
      const group = await api.create<Group>('/v1/billing-groups', {
        name,
        autoClose: true,
        testClockId: clock.id,
      });
      await api.create(`/v1/billing-groups/${group.id}/credits`, {
        // More than January spends: the rest expires on February 10th's run, in both paths alike.
        type: 'PROMOTIONAL',
        amount: '10000000',
        expiresAt: '2026-02-10T00:00:00Z',
      });
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        hoursAt('2026-01-20T06:00:00Z', `${name}-jan`),
        200,
      );
      return { clock, group };
    };
    const oneStep = await setUp('one step');
    const manySteps = await setUp('many steps');
    await advance(api, oneStep.clock.id, end);
    // Stops just before runs, on one, and just after a month's end and an expiry but before their run.
    const stops = [
      '2026-01-31T23:00:00Z',
      '2026-02-01T01:00:00Z',
      '2026-02-01T02:00:00Z',
      '2026-02-10T01:00:00Z',
    ];
    for (const to of [...stops, '2026-02-14T13:30:00Z', end]) {
      await advance(api, manySteps.clock.id, to);
    }
    const comparable = async (groupId: string) => {
      const { items: listed } = await api.read<{ items: Statement[] }>(
        `/v1/billing-groups/${groupId}/statements`,
      );
      const items = await Promise.all(
        listed.map((item) => api.read<Statement>(`/v1/statements/${item.statementId}`)),
      );
      return [...items]
        .sort((a, b) => a.month.localeCompare(b.month))
        .map(
          ({
            statementId: _id,
            number: _number,
            billingGroupId: _group,
            contentHash: _hash,
            result,
            ...rest
          }) => ({
            ...rest,
            total: result.total,
            lateFee: result.lateFee,
            creditTotal: result.creditTotal,
          }),
        );
    };
    const ledger = async (groupId: string) => {
      const { items } = await api.read<{ items: { kind: string; amount: string; at: string }[] }>(
        `/v1/billing-groups/${groupId}/credit-ledger`,
      );
      return items.map(({ kind, amount, at }) => ({ kind, amount, at }));
    };
    const single = await comparable(oneStep.group.id);
    expect(single.map((statement) => [statement.month, statement.closedAt])).toEqual([
      ['2026-01', '2026-02-01T02:00:00.000Z'],
    ]);
    expect(await comparable(manySteps.group.id)).toEqual(single);
    const expired = await ledger(oneStep.group.id);
    expect(expired.map((entry) => entry.kind)).toEqual(['GRANT', 'CONSUME', 'EXPIRE']);
    expect(await ledger(manySteps.group.id)).toEqual(expired);
  });
});

test.describe('test clocks: what a hostile review found', () => {
  test('events about a group on a clock carry the clock’s time and are delivered in real time, past or future', async ({
    webhookTenant,
    webhookReceiver,
  }) => {
    const { api } = webhookTenant;
    for (const [start, to, closedAt] of [
      ['2030-01-10T00:00:00Z', '2030-02-03T00:00:00Z', '2030-02-01T02:00:00.000Z'],
      ['2021-01-10T00:00:00Z', '2021-02-03T00:00:00Z', '2021-02-01T02:00:00.000Z'],
    ] as const) {
      const clock = await clockAt(api, start);
      const group = await api.create<Group>('/v1/billing-groups', {
        name: `delivered ${start}`,
        autoClose: true,
        testClockId: clock.id,
      });
      await api.create(`/v1/billing-groups/${group.id}/usage-events`, hoursAt(start, `hooks-${start}`), 200);
      await advance(api, clock.id, to);
      const closed = await api.read<Statement>(
        `/v1/billing-groups/${group.id}/statements/${start.slice(0, 7)}`,
      );
      // Before the fix the delivery waited for the clock's time (2030), or failed at once (2021).
      await expect
        .poll(() => webhookReceiver.events(closed.statementId as string).length, { timeout: 15_000 })
        .toBe(1);
      expect(webhookReceiver.events(closed.statementId as string)[0]).toMatchObject({
        type: 'statement.closed',
        createdAt: closedAt,
      });
    }
  });

  test('a grant already expired when the clock starts is expired at the first run, before any close uses it', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const clock = await clockAt(api, '2026-01-10T00:00:00Z');
    const group = await api.create<Group>('/v1/billing-groups', {
      name: 'expired grant',
      autoClose: true,
      testClockId: clock.id,
    });
    await api.create(`/v1/billing-groups/${group.id}/credits`, {
      type: 'PROMOTIONAL',
      amount: '1000',
      grantedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-01-05T00:00:00Z',
    });
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      hoursAt('2026-01-10T01:00:00Z', 'expired-grant'),
      200,
    );
    await advance(api, clock.id, '2026-02-05T00:00:00Z');
    const ledger = await api.read<{ items: { kind: string; at: string }[] }>(
      `/v1/billing-groups/${group.id}/credit-ledger`,
    );
    expect(ledger.items.map(({ kind, at }) => [kind, at])).toEqual([
      ['GRANT', '2026-01-01T00:00:00.000Z'],
      ['EXPIRE', '2026-01-10T02:00:00.000Z'],
    ]);
    const january = await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2026-01`);
    expect(january.result.creditTotal).toBe('0');
  });

  test('a client’s close-month job closes a month that began on a clock ahead of real time', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const clock = await clockAt(api, '2030-01-10T00:00:00Z');
    const group = await api.create<Group>('/v1/billing-groups', {
      name: 'closed by a job',
      testClockId: clock.id,
    });
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      hoursAt('2030-01-10T00:00:00Z', 'job'),
      200,
    );
    await advance(api, clock.id, '2030-02-03T00:00:00Z');
    const job = await api.create<{ id: string }>('/v1/jobs/close-month', { month: '2030-01' }, 202);
    await expect
      .poll(async () => (await api.read<{ status: string }>(`/v1/jobs/${job.id}`)).status)
      .toBe('SUCCEEDED');
    const january = await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2030-01`);
    expect(january).toMatchObject({ state: 'ISSUED', closedAt: '2030-02-03T00:00:00.000Z' });
  });

  test('what failed at a run is on the clock: an auto-close held by a pending payment', async ({
    createTenant,
  }) => {
    const { api } = await createTenant();
    const clock = await clockAt(api, '2026-01-10T00:00:00Z');
    const group = await api.create<Group>('/v1/billing-groups', {
      name: 'held close',
      autoClose: true,
      testClockId: clock.id,
    });
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      hoursAt('2026-01-10T00:00:00Z', 'held-1'),
      200,
    );
    await advance(api, clock.id, '2026-02-10T00:00:00Z');
    const january = await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2026-01`);
    const paid = await api.post(
      `/v1/statements/${january.statementId}/payments`,
      { amount: '100', source: 'tok_pending' },
      { headers: { 'Idempotency-Key': `held-${group.id}` } },
    );
    expect(paid.status()).toBe(201);
    await api.create(
      `/v1/billing-groups/${group.id}/usage-events`,
      hoursAt('2026-02-10T00:00:00Z', 'held-2'),
      200,
    );
    const held = await advance(api, clock.id, '2026-03-03T00:00:00Z');
    expect(held.lastRunFailures).toEqual([
      expect.objectContaining({
        billingGroupId: group.id,
        task: 'auto-close',
        at: '2026-03-02T02:00:00.000Z',
        message: expect.stringMatching(/^payment-pending: /),
      }),
    ]);
    // Tried again at every run: March 1st's, and the 2nd's, since the first failed.
    expect((await api.read<Statement>(`/v1/billing-groups/${group.id}/statements/2026-02`)).state).toBe(
      'DRAFT',
    );
  });
});
