import { Decimal } from '@billing/engine';
import { expect, test } from '../support/api-test';

/** The sum of the signed amounts of ledger entries. */
const ledgerSum = (entries: readonly { amount: string }[]) =>
  entries.reduce((total, entry) => total.plus(new Decimal(entry.amount)), new Decimal(0)).toFixed();

const credits = (groupId: string) => `/v1/billing-groups/${groupId}/credits`;

test.describe('credit grants (DOMAIN §5)', () => {
  test('a grant starts with its whole amount as balance, written as one GRANT ledger entry', async ({
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();

    const grant = await grants.grant(group.id, { type: 'PAID', amount: '25000', campaignId: 'spring' });

    expect(grant).toMatchObject({ type: 'PAID', amount: '25000', balance: '25000', voidedAt: null });
    const ledger = await grants.ledger(group.id);
    expect(ledger).toEqual([
      expect.objectContaining({ grantId: grant.id, kind: 'GRANT', amount: '25000', statementId: null }),
    ]);
    expect(ledgerSum(ledger)).toEqual(grant.balance);
  });

  test('priority defaults by type: PROMOTIONAL 10, FREE 20, REFUND 30, PAID 40; an explicit one is kept', async ({
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();

    const byType = await Promise.all(
      (['PROMOTIONAL', 'FREE', 'REFUND', 'PAID'] as const).map((type) => grants.grant(group.id, { type })),
    );
    const explicit = await grants.grant(group.id, { type: 'PAID', priority: 5 });

    expect(byType.map((grant) => [grant.priority, grant.priorityIsDefault])).toEqual([
      [10, true],
      [20, true],
      [30, true],
      [40, true],
    ]);
    expect(explicit).toMatchObject({ priority: 5, priorityIsDefault: false });
  });

  test('amounts are in the group’s currency: USD keeps cents, a fraction of a cent is refused', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create({ currency: 'USD' });

    const grant = await grants.grant(group.id, { amount: '12.5' });
    const refused = await api.post(credits(group.id), { type: 'FREE', amount: '12.345' });

    expect(grant).toMatchObject({ amount: '12.50', balance: '12.50' });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).errors).toEqual([
      expect.objectContaining({ field: 'amount', rule: 'minor-unit' }),
    ]);
  });

  test('a grant of nothing or less is refused, naming the amount', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const zero = await api.post(credits(group.id), { type: 'FREE', amount: '0' });
    const negative = await api.post(credits(group.id), { type: 'FREE', amount: '-100' });

    // One rule for both, told as it is: "at least 0" would be wrong, since 0 is refused too.
    expect(zero.status()).toBe(422);
    expect((await zero.json()).errors).toEqual([
      { field: 'amount', rule: 'positive', message: 'must be greater than 0, got 0' },
    ]);
    expect(negative.status()).toBe(422);
    expect((await negative.json()).errors).toEqual([
      { field: 'amount', rule: 'positive', message: 'must be greater than 0, got -100' },
    ]);
  });

  test('a grant must expire after it is granted', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(credits(group.id), {
      type: 'PROMOTIONAL',
      amount: '100',
      grantedAt: '2026-03-01T00:00:00Z',
      expiresAt: '2026-02-28T00:00:00Z',
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'expiresAt', rule: 'after-granted' }),
    ]);
  });

  test('every broken field of a grant is named at once', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.post(credits(group.id), {
      type: 'GIFT',
      amount: '10.5',
      priority: 1.5,
      grantedAt: '2026-02-30T00:00:00Z',
    });

    expect(response.status()).toBe(422);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'priority']));
  });

  test('the engine’s rules name fields the schema lets through: an impossible date, KRW decimals', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const response = await api.post(credits(group.id), {
      type: 'FREE',
      amount: '10.5',
      grantedAt: '2026-02-30T00:00:00Z',
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'amount', rule: 'minor-unit' }),
        expect.objectContaining({ field: 'grantedAt', rule: 'instant' }),
      ]),
    );
  });

  test('grantedAt defaults to now, and instants are kept in UTC', async ({
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const before = Date.now();

    const defaulted = await grants.grant(group.id, { grantedAt: undefined });
    const offset = await grants.grant(group.id, {
      grantedAt: '2026-03-01T09:00:00+09:00',
      expiresAt: '2026-04-01T09:00:00+09:00',
    });

    expect(Date.parse(defaulted.grantedAt)).toBeGreaterThanOrEqual(before - 60_000);
    expect(Date.parse(defaulted.grantedAt)).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(offset).toMatchObject({
      grantedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
    });
  });

  test('the list pages through every grant with a cursor, each with its balance', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const created = [];
    for (let index = 1; index <= 5; index += 1)
      created.push(await grants.grant(group.id, { amount: `${index}000` }));

    const seen: { id: string; balance: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; balance: string }[]; nextCursor: string | null } = await api.read(
        `${credits(group.id)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.map((grant) => [grant.id, grant.balance]).sort()).toEqual(
      created.map((grant) => [grant.id, grant.amount]).sort(),
    );
  });
});

test.describe('credit isolation', () => {
  test('another tenant’s grant answers 404 on every grant route, like a missing one', async ({
    billingGroups,
    createTenant,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const grant = await grants.grant(group.id);
    const other = await createTenant();
    const otherGroup = await other.api.create<{ id: string }>('/v1/billing-groups', { name: 'other' });

    const responses = {
      ownGroupPath: await other.api.get(`${credits(group.id)}/${grant.id}`),
      viaOwnGroup: await other.api.get(`${credits(otherGroup.id)}/${grant.id}`),
      void: await other.api.post(`${credits(otherGroup.id)}/${grant.id}/void`),
      ledger: await other.api.get(`/v1/billing-groups/${group.id}/credit-ledger`),
      grantInto: await other.api.post(credits(group.id), { type: 'FREE', amount: '1' }),
    };

    for (const response of Object.values(responses)) expect(response.status()).toBe(404);
    expect((await grants.get(group.id, grant.id)).balance).toBe('10000');
  });

  test('a grant id of another billing group of the same tenant answers 404', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const first = await billingGroups.create();
    const second = await billingGroups.create();
    const grant = await grants.grant(first.id);

    const response = await api.get(`${credits(second.id)}/${grant.id}`);
    const voided = await api.post(`${credits(second.id)}/${grant.id}/void`);

    expect(response.status()).toBe(404);
    expect((await response.json()).detail).toBe(`credit grant ${grant.id} does not exist`);
    expect(voided.status()).toBe(404);
  });

  test('another group’s ledger entries never appear in a group’s ledger', async ({
    billingGroups,
    credits: grants,
  }) => {
    const first = await billingGroups.create();
    const second = await billingGroups.create();
    await grants.grant(first.id);
    const own = await grants.grant(second.id, { amount: '700' });

    const ledger = await grants.ledger(second.id);

    expect(ledger.map((entry) => entry.grantId)).toEqual([own.id]);
  });
});

test.describe('voiding a grant', () => {
  test('voiding writes one VOID entry of the remaining balance and sets voidedAt', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const grant = await grants.grant(group.id, { amount: '8000' });

    const voided = await api.create<{ balance: string; voidedAt: string }>(
      `${credits(group.id)}/${grant.id}/void`,
      undefined,
      200,
    );

    expect(voided.balance).toBe('0');
    expect(voided.voidedAt).toEqual(expect.any(String));
    const ledger = await grants.ledger(group.id, grant.id);
    expect(ledger.map((entry) => [entry.kind, entry.amount])).toEqual([
      ['GRANT', '8000'],
      ['VOID', '-8000'],
    ]);
    expect(ledgerSum(ledger)).toBe('0');
  });

  test('voiding twice is a 409 and gives nothing back or takes nothing twice', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const grant = await grants.grant(group.id);
    await api.create(`${credits(group.id)}/${grant.id}/void`, undefined, 200);

    const again = await api.post(`${credits(group.id)}/${grant.id}/void`);

    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ type: '/problems/credit-grant-voided', grantId: grant.id });
    const ledger = await grants.ledger(group.id, grant.id);
    expect(ledger.filter((entry) => entry.kind === 'VOID')).toHaveLength(1);
    expect(ledgerSum(ledger)).toBe('0');
  });

  test('concurrent voids of one grant: exactly one wins, the others are 409', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const grant = await grants.grant(group.id, { amount: '3000' });

    const statuses = (
      await Promise.all(Array.from({ length: 6 }, () => api.post(`${credits(group.id)}/${grant.id}/void`)))
    ).map((response) => response.status());

    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    const ledger = await grants.ledger(group.id, grant.id);
    expect(ledger.map((entry) => entry.kind)).toEqual(['GRANT', 'VOID']);
  });

  test('a voided grant leaves the balances and never pays in a preview', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const kept = await grants.grant(group.id, { type: 'PAID', amount: '1000' });
    const voided = await grants.grant(group.id, { type: 'PROMOTIONAL', amount: '5000' });
    await api.create(`${credits(group.id)}/${voided.id}/void`, undefined, 200);

    const balances = await grants.balances(group.id);
    const preview = await api.create<{ credits: { grantId: string }[] }>(
      `${credits(group.id)}/preview`,
      { month: '2026-03', amount: '4000' },
      200,
    );

    expect(balances.grants.map((grant) => grant.grantId)).toEqual([kept.id]);
    expect(balances.total).toBe('1000');
    expect(preview.credits.map((credit) => credit.grantId)).toEqual([kept.id]);
  });
});

test.describe('the credit ledger', () => {
  test('pages in seq order with a cursor, and filters by grant', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const first = await grants.grant(group.id, { amount: '100' });
    const second = await grants.grant(group.id, { amount: '200' });
    await api.create(`${credits(group.id)}/${first.id}/void`, undefined, 200);

    const page1: { items: { seq: number }[]; nextCursor: string } = await api.read(
      `/v1/billing-groups/${group.id}/credit-ledger?limit=2`,
    );
    const page2: { items: { seq: number }[]; nextCursor: string | null } = await api.read(
      `/v1/billing-groups/${group.id}/credit-ledger?limit=2&cursor=${page1.nextCursor}`,
    );
    const ofSecond = await grants.ledger(group.id, second.id);

    const seqs = [...page1.items, ...page2.items].map((entry) => entry.seq);
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(page2.nextCursor).toBeNull();
    expect(ofSecond.map((entry) => [entry.kind, entry.amount])).toEqual([['GRANT', '200']]);
  });

  test('a cursor the API did not issue is a 400 naming the cursor', async ({ api, billingGroups }) => {
    const group = await billingGroups.create();

    const response = await api.get(`/v1/billing-groups/${group.id}/credit-ledger?cursor=YWJj`);

    expect(response.status()).toBe(400);
    expect((await response.json()).errors[0]).toMatchObject({ field: 'query.cursor', rule: 'cursor' });
  });

  test('every grant’s balance is the sum of its ledger entries', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const grantsMade = [
      await grants.grant(group.id, { type: 'FREE', amount: '1500' }),
      await grants.grant(group.id, { type: 'PAID', amount: '2500' }),
      await grants.grant(group.id, { type: 'REFUND', amount: '700', expiresAt: '2026-02-01T00:00:00Z' }),
    ];
    await api.create(`${credits(group.id)}/${grantsMade[0]?.id}/void`, undefined, 200);
    await api.create(`${credits(group.id)}/expire`, undefined, 200);

    const ledger = await grants.ledger(group.id);
    for (const made of grantsMade) {
      const grant = await grants.get(group.id, made.id);
      expect(ledgerSum(ledger.filter((entry) => entry.grantId === made.id)), grant.id).toBe(grant.balance);
    }
  });
});

test.describe('credit balances', () => {
  test('balances are listed per grant, per type and in total, and add up', async ({
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    await grants.grant(group.id, { type: 'PROMOTIONAL', amount: '1000' });
    await grants.grant(group.id, { type: 'PROMOTIONAL', amount: '2000' });
    await grants.grant(group.id, { type: 'PAID', amount: '5000' });

    const balances = await grants.balances(group.id);

    expect(balances).toMatchObject({
      currency: 'KRW',
      total: '8000',
      byType: { PROMOTIONAL: '3000', FREE: '0', REFUND: '0', PAID: '5000' },
      expiredBalance: '0',
    });
    const sum = balances.grants.reduce((total, grant) => total + Number(grant.balance), 0);
    expect(sum).toBe(8000);
  });

  test('an expired grant is flagged until POST …/credits/expire writes its remaining balance off, once', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const expired = await grants.grant(group.id, {
      type: 'FREE',
      amount: '900',
      expiresAt: '2026-02-01T00:00:00Z',
    });
    const live = await grants.grant(group.id, { type: 'PAID', amount: '100' });

    await test.step('before expiry is written, the balance is still there and flagged', async () => {
      const balances = await grants.balances(group.id);
      expect(balances).toMatchObject({ total: '1000', expiredBalance: '900' });
      expect(balances.grants.find((grant) => grant.grantId === expired.id)?.expired).toBe(true);
    });

    const first = await api.create<{ expired: { grantId: string; amount: string }[] }>(
      `${credits(group.id)}/expire`,
      undefined,
      200,
    );
    const second = await api.create<{ expired: unknown[] }>(`${credits(group.id)}/expire`, undefined, 200);

    expect(first.expired).toEqual([expect.objectContaining({ grantId: expired.id, amount: '-900' })]);
    expect(second.expired).toEqual([]);
    expect(await grants.balances(group.id)).toMatchObject({ total: '100', expiredBalance: '0' });
    expect((await grants.ledger(group.id, live.id)).map((entry) => entry.kind)).toEqual(['GRANT']);
  });
});

test.describe('previewing the burn (dry run)', () => {
  test('grants burn by priority, then earliest expiry, then oldest, and each says why', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const paid = await grants.grant(group.id, { type: 'PAID', amount: '5000' });
    const promoLate = await grants.grant(group.id, { amount: '1000', expiresAt: '2026-12-31T00:00:00Z' });
    const promoSoon = await grants.grant(group.id, { amount: '1000', expiresAt: '2026-06-30T00:00:00Z' });
    const promoNever = await grants.grant(group.id, { amount: '1000' });
    const promoNeverOlder = await grants.grant(group.id, {
      amount: '1000',
      grantedAt: '2025-12-01T00:00:00Z',
    });

    const preview = await api.create<{
      credits: { grantId: string; order: number; amountApplied: string; why: string }[];
      creditTotal: string;
      remaining: string;
    }>(`${credits(group.id)}/preview`, { month: '2026-03', amount: '6500' }, 200);

    expect(preview.credits.map((credit) => [credit.grantId, credit.amountApplied])).toEqual([
      [promoSoon.id, '1000'],
      [promoLate.id, '1000'],
      [promoNeverOlder.id, '1000'],
      [promoNever.id, '1000'],
      [paid.id, '2500'],
    ]);
    expect(preview.credits.map((credit) => credit.why)).toEqual([
      'first in burn order: priority 10 (the PROMOTIONAL default)',
      expect.stringContaining('later than 2026-06-30'),
      expect.stringContaining('expires never'),
      expect.stringContaining('granted 2026-01-01'),
      expect.stringContaining(`priority 40 (the PAID default), after ${promoNever.id}`),
    ]);
    expect(preview).toMatchObject({ creditTotal: '6500', remaining: '0' });
  });

  test('a preview consumes nothing: balances and the ledger are unchanged', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    await grants.grant(group.id, { type: 'FREE', amount: '3000' });
    await grants.grant(group.id, { type: 'PAID', amount: '4000' });
    const balancesBefore = await grants.balances(group.id);
    const ledgerBefore = await grants.ledger(group.id);

    for (let run = 0; run < 2; run += 1) {
      await api.create(`${credits(group.id)}/preview`, { month: '2026-03', amount: '6000' }, 200);
    }

    const { asOf: _before, ...before } = balancesBefore;
    const { asOf: _after, ...after } = await grants.balances(group.id);
    expect(after).toEqual(before);
    expect(await grants.ledger(group.id)).toEqual(ledgerBefore);
  });

  test('grants not usable in the month are skipped with the reason, and so are those never reached', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create();
    const future = await grants.grant(group.id, { grantedAt: '2026-04-01T00:00:00Z' });
    const expired = await grants.grant(group.id, {
      grantedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-03-01T00:00:00Z',
    });
    const payer = await grants.grant(group.id, { type: 'FREE', amount: '5000' });
    const spare = await grants.grant(group.id, { type: 'PAID', amount: '5000' });

    const preview = await api.create<{
      credits: { grantId: string }[];
      skipped: { grantId: string; reason: string; why: string }[];
      remaining: string;
    }>(`${credits(group.id)}/preview`, { month: '2026-03', amount: '2000' }, 200);

    expect(preview.credits.map((credit) => credit.grantId)).toEqual([payer.id]);
    expect(preview.skipped.map((skip) => [skip.grantId, skip.reason])).toEqual([
      [expired.id, 'EXPIRED'],
      [future.id, 'NOT_YET_GRANTED'],
      [spare.id, 'CHARGE_COVERED'],
    ]);
    expect(preview.skipped[0]?.why).toContain('expired before the period starts');
    expect(preview.remaining).toBe('0');
  });

  test('a charge larger than the credits leaves the rest to pay', async ({
    api,
    billingGroups,
    credits: grants,
  }) => {
    const group = await billingGroups.create({ currency: 'USD' });
    await grants.grant(group.id, { type: 'FREE', amount: '10.25' });

    const preview = await api.create<{ creditTotal: string; remaining: string; trace: { rule: string }[] }>(
      `${credits(group.id)}/preview`,
      { month: '2026-03', amount: '25.5' },
      200,
    );

    expect(preview).toMatchObject({ amount: '25.50', creditTotal: '10.25', remaining: '15.25' });
    expect(preview.trace.map((step) => step.rule)).toEqual(['credit-burn']);
  });

  test('a preview amount must be money of the group’s currency, at least 0', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const fraction = await api.post(`${credits(group.id)}/preview`, { month: '2026-03', amount: '10.5' });
    const negative = await api.post(`${credits(group.id)}/preview`, { month: '2026-03', amount: '-1' });
    const badMonth = await api.post(`${credits(group.id)}/preview`, { month: '2026-13', amount: '1' });

    expect((await fraction.json()).errors).toEqual([
      expect.objectContaining({ field: 'amount', rule: 'minor-unit' }),
    ]);
    expect((await negative.json()).errors).toEqual([
      expect.objectContaining({ field: 'amount', rule: 'non-negative' }),
    ]);
    expect(badMonth.status()).toBe(422);
    expect((await badMonth.json()).errors[0].field).toBe('month');
  });
});

test.describe('closing a month consumes credits', () => {
  test('closing consumes in burn order, one CONSUME entry per grant naming the statement', async ({
    api,
    billingGroups,
    credits: grants,
    dataName,
  }) => {
    const group = await billingGroups.create();
    const paid = await grants.grant(group.id, { type: 'PAID', amount: '3000' });
    const promotional = await grants.grant(group.id, { type: 'PROMOTIONAL', amount: '1000' });
    const free = await grants.grant(group.id, { type: 'FREE', amount: '500' });

    const statementId = await test.step('10 hours of c2 in March (3970) and close March', async () => {
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        {
          events: [
            {
              eventId: `${dataName}-c2`,
              billingGroupId: group.id,
              projectId: 'p1',
              counterName: 'compute.c2.c8m8',
              counterType: 'DELTA',
              unit: 'HOURS',
              volume: '10',
              timestamp: '2026-03-10T00:00:00Z',
            },
          ],
        },
        200,
      );
      const closed = await api.create<{ statementId: string }>(
        `/v1/billing-groups/${group.id}/statements/2026-03/close`,
        undefined,
      );
      return closed.statementId;
    });

    const consumed = (await grants.ledger(group.id)).filter((entry) => entry.kind === 'CONSUME');
    expect(consumed.map((entry) => [entry.grantId, entry.amount, entry.statementId])).toEqual([
      [promotional.id, '-1000', statementId],
      [free.id, '-500', statementId],
      [paid.id, '-2470', statementId],
    ]);
    const balances = await grants.balances(group.id);
    expect(balances).toMatchObject({ total: '530', byType: { PROMOTIONAL: '0', FREE: '0', PAID: '530' } });
    for (const grant of [paid, promotional, free]) {
      const entries = await grants.ledger(group.id, grant.id);
      expect(ledgerSum(entries)).toBe((await grants.get(group.id, grant.id)).balance);
    }
  });
});
