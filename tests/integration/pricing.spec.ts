import { expect, test } from '../support/api-test';
import { GRADUATED_EXAMPLE, type PriceBookBody } from '../support/fixtures/metering';

interface Problem {
  type: string;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const tier = (from: string, to: string | null, unitPrice: string) => ({ from, to, unitPrice });

test.describe('price books', () => {
  test('a GRADUATED book prices 750 GB as 100×1000 + 400×800 + 250×600 = 570000 (DOMAIN §3)', async ({
    billingGroups,
    priceBooks,
    statements,
    usageEvents,
  }) => {
    const book = await priceBooks.create();
    const group = await billingGroups.create({ priceBookId: book.id });

    await test.step('750 GB of SSD are metered in March', async () => {
      await usageEvents.ingest(group.id, [
        usageEvents.build({
          counterName: 'storage.volume.ssd',
          counterType: 'GAUGE',
          unit: 'GB',
          volume: '750',
        }),
      ]);
    });

    const draft = await statements.read(group.id, '2026-03');
    expect(draft.result.lines).toHaveLength(1);
    expect(draft.result.lines[0]?.amount).toEqualMoney('570000');
    expect(draft.result.subtotal).toEqualMoney('570000');
  });

  test('a price book’s tier rules are the engine’s, each error naming the entry, the tier and the rule', async ({
    api,
    dataName,
  }) => {
    const response = await api.post('/v1/price-books', {
      name: `${dataName}-book`,
      currency: 'KRW',
      entries: [
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '397' } },
        {
          counterName: 'storage.volume.ssd',
          unit: 'GB',
          pricing: { model: 'GRADUATED', tiers: [tier('5', '100', '1000'), tier('120', '90', '800')] },
        },
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '-1' } },
      ],
    });

    expect(response.status()).toBe(422);
    const problem: Problem = await response.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'entries[1].pricing.tiers[0].from', rule: 'tiers-start-at-zero' }),
        expect.objectContaining({ field: 'entries[1].pricing.tiers[1].from', rule: 'tiers-contiguous' }),
        expect.objectContaining({ field: 'entries[1].pricing.tiers[1].to', rule: 'tier-order' }),
        expect.objectContaining({ field: 'entries[1].pricing.tiers[1].to', rule: 'tiers-open-ended' }),
        expect.objectContaining({ field: 'entries[2].pricing.unitPrice', rule: 'non-negative' }),
        expect.objectContaining({ field: 'entries[2].counterName', rule: 'unique' }),
      ]),
    );
  });

  test('an unknown pricing model is a 422 naming the model', async ({ api, dataName }) => {
    const response = await api.post('/v1/price-books', {
      name: `${dataName}-book`,
      currency: 'KRW',
      entries: [
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'TIERED', unitPrice: '1' } },
      ],
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors[0].field).toBe('entries[0].pricing.model');
  });

  test('the built-in default-krw book is the engine’s default, visible to every tenant', async ({
    api,
    createTenant,
  }) => {
    const other = await createTenant();

    const mine = await api.read<PriceBookBody>('/v1/price-books/default-krw');
    const theirs = await other.api.read<PriceBookBody>('/v1/price-books/default-krw');

    expect(mine).toEqual(theirs);
    expect(mine).toMatchObject({ currency: 'KRW', builtIn: true, createdAt: null });
    expect(mine.entries).toContainEqual({
      counterName: 'compute.g2.t4.c8m64',
      unit: 'HOURS',
      pricing: { model: 'PER_UNIT', unitPrice: '166.67' },
    });
  });

  test('the built-in book is read-only: no route changes or removes it', async ({ api }) => {
    const changed = await api.patch('/v1/price-books/default-krw', { name: 'mine now' });
    const removed = await api.delete('/v1/price-books/default-krw');

    // No route takes PATCH or DELETE on a price book: the path is read-only (405, GET only).
    expect([changed.status(), removed.status()]).toEqual([405, 405]);
    expect(removed.headers().allow).toBe('GET, HEAD, OPTIONS');
    expect((await api.read<PriceBookBody>('/v1/price-books/default-krw')).name).toBe(
      'Default price book (KRW)',
    );
  });

  test('the list pages through the tenant’s books and the built-in one exactly once', async ({
    createTenant,
    priceBooks,
  }) => {
    const { api } = await createTenant();
    const created: string[] = [];
    for (let index = 0; index < 3; index += 1) created.push((await priceBooks.create({}, api)).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<PriceBookBody> = await api.read(
        `/v1/price-books?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((book) => book.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.sort()).toEqual([...created, 'default-krw'].sort());
  });

  test('another tenant’s price book answers 404 and stays out of the list', async ({
    createTenant,
    priceBooks,
  }) => {
    const book = await priceBooks.create();
    const other = await createTenant();

    const response = await other.api.get(`/v1/price-books/${book.id}`);
    const list = await other.api.read<Page<PriceBookBody>>('/v1/price-books');

    expect(response.status()).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain(book.name);
    expect(list.items.map((item) => item.id)).toEqual(['default-krw']);
  });
});

test.describe('billing groups and their price book', () => {
  test('a group is billed from a price book of its own currency', async ({
    api,
    billingGroups,
    priceBooks,
  }) => {
    const book = await priceBooks.create({ currency: 'USD' });

    const group = await billingGroups.create({ currency: 'USD', priceBookId: book.id });

    expect(group.priceBookId).toBe(book.id);
    expect((await api.read(`/v1/billing-groups/${group.id}`)).priceBookId).toBe(book.id);
  });

  test('a price book in another currency is a 422 currency-match, on create and on change', async ({
    api,
    billingGroups,
    priceBooks,
  }) => {
    const usdBook = await priceBooks.create({ currency: 'USD' });
    const krwGroup = await billingGroups.create();

    const created = await api.post('/v1/billing-groups', {
      name: 'krw',
      currency: 'KRW',
      priceBookId: usdBook.id,
    });
    const changed = await api.patch(`/v1/billing-groups/${krwGroup.id}`, { priceBookId: usdBook.id });

    for (const response of [created, changed]) {
      expect(response.status()).toBe(422);
      expect((await response.json()).errors).toEqual([
        expect.objectContaining({ field: 'priceBookId', rule: 'currency-match' }),
      ]);
    }
  });

  test('an unknown or another tenant’s price book is a 422 naming priceBookId (exists)', async ({
    api,
    createTenant,
    priceBooks,
  }) => {
    const other = await createTenant();
    const theirs = await priceBooks.create({}, other.api);

    for (const priceBookId of ['pb_missing', theirs.id]) {
      const response = await api.post('/v1/billing-groups', { name: 'borrower', priceBookId });
      expect(response.status()).toBe(422);
      const problem: Problem = await response.json();
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'priceBookId', rule: 'exists' })]);
      expect(JSON.stringify(problem)).not.toContain(theirs.name);
    }
  });

  test('choosing the built-in book stores null: the currency’s default, the same book', async ({
    api,
    billingGroups,
    priceBooks,
  }) => {
    const book = await priceBooks.create();
    const group = await billingGroups.create({ priceBookId: book.id });

    const changed = await api.patch(`/v1/billing-groups/${group.id}`, { priceBookId: 'default-krw' });

    expect(changed.status()).toBe(200);
    expect((await changed.json()).priceBookId).toBeNull();
  });

  test('a non-KRW group without a price book cannot be billed: its statement answers 409 price-book-required', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create({ currency: 'EUR' });

    const response = await api.get(`/v1/billing-groups/${group.id}/statements/2026-03`);

    expect(response.status()).toBe(409);
    expect((await response.json()).type).toBe('/problems/price-book-required');
  });
});

test.describe('contracts', () => {
  test('a contract’s terms are checked by the engine, each error naming the field and the rule', async ({
    api,
    dataName,
  }) => {
    const response = await api.post('/v1/contracts', {
      name: `${dataName}-contract`,
      discountRate: '120',
      minimumCharge: '-5',
      priceOverrides: [
        {
          counterName: 'storage.volume.ssd',
          pricing: { model: 'VOLUME', tiers: [tier('0', '10', '1'), tier('11', null, '1')] },
        },
      ],
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'discountRate', rule: 'max-100' }),
        expect.objectContaining({ field: 'minimumCharge', rule: 'non-negative' }),
        expect.objectContaining({
          field: 'priceOverrides[0].pricing.tiers[1].from',
          rule: 'tiers-contiguous',
        }),
      ]),
    );
  });

  test('an assigned contract discounts the month and tops it up to its minimum (DOMAIN §3)', async ({
    api,
    billingGroups,
    contracts,
    statements,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const contract = await contracts.create({ discountRate: '10', minimumCharge: '50000' });
    await api.create(`/v1/billing-groups/${group.id}/contract-assignments`, {
      contractId: contract.id,
      startMonth: '2026-03',
      endMonth: '2026-03',
    });
    await usageEvents.ingest(group.id, [usageEvents.build({ volume: '100' })]);

    const march = await statements.read(group.id, '2026-03');

    expect(march.result.subtotal).toEqualMoney('39700');
    expect((march.result as unknown as { contractLines: unknown[] }).contractLines).toEqual([
      expect.objectContaining({ kind: 'CONTRACT_DISCOUNT', contractId: contract.id, amount: '-3970' }),
      expect.objectContaining({ kind: 'MINIMUM_COMMITMENT', contractId: contract.id, amount: '14270' }),
    ]);
    expect(march.result.chargeBeforeCredits).toEqualMoney('50000');
  });

  test('a contract applies only within its assignment’s months', async ({
    api,
    billingGroups,
    contracts,
    statements,
    usageEvents,
  }) => {
    const group = await billingGroups.create();
    const contract = await contracts.create({
      discountRate: null,
      priceOverrides: [{ counterName: 'storage.volume.ssd', pricing: GRADUATED_EXAMPLE }],
    });
    await api.create(`/v1/billing-groups/${group.id}/contract-assignments`, {
      contractId: contract.id,
      startMonth: '2026-04',
    });
    const ssd = {
      counterName: 'storage.volume.ssd',
      counterType: 'GAUGE' as const,
      unit: 'GB',
      volume: '750',
    };
    await usageEvents.ingest(group.id, [
      usageEvents.build({ ...ssd, timestamp: '2026-03-31T23:59:59Z' }),
      usageEvents.build({ ...ssd, timestamp: '2026-04-01T00:00:00Z' }),
    ]);

    expect((await statements.read(group.id, '2026-03')).result.subtotal).toEqualMoney('75000');
    expect((await statements.read(group.id, '2026-04')).result.subtotal).toEqualMoney('570000');
  });

  test('assignments of one group may not overlap; adjacent ranges may', async ({
    api,
    billingGroups,
    contracts,
  }) => {
    const group = await billingGroups.create();
    const contract = await contracts.create();
    const path = `/v1/billing-groups/${group.id}/contract-assignments`;
    const first = await api.create<{ id: string }>(path, {
      contractId: contract.id,
      startMonth: '2026-01',
      endMonth: '2026-06',
    });

    await test.step('a range reaching into it is a 409 contract-overlap naming it', async () => {
      for (const range of [
        { startMonth: '2026-06', endMonth: '2026-09' },
        { startMonth: '2025-01', endMonth: null },
        { startMonth: '2026-03', endMonth: '2026-03' },
      ]) {
        const response = await api.post(path, { contractId: contract.id, ...range });
        expect(response.status()).toBe(409);
        expect(await response.json()).toMatchObject({
          type: '/problems/contract-overlap',
          conflictingAssignmentId: first.id,
        });
      }
    });

    await test.step('the ranges before and after it are free', async () => {
      await api.create(path, { contractId: contract.id, startMonth: '2025-07', endMonth: '2025-12' });
      await api.create(path, { contractId: contract.id, startMonth: '2026-07' });
    });

    const assignments = await api.read<Page<{ startMonth: string }>>(path);
    expect(assignments.items.map((item) => item.startMonth).sort()).toEqual([
      '2025-07',
      '2026-01',
      '2026-07',
    ]);
  });

  test('an assignment ending before it starts is a 422 naming endMonth', async ({
    api,
    billingGroups,
    contracts,
  }) => {
    const group = await billingGroups.create();
    const contract = await contracts.create();

    const response = await api.post(`/v1/billing-groups/${group.id}/contract-assignments`, {
      contractId: contract.id,
      startMonth: '2026-05',
      endMonth: '2026-04',
    });

    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ field: 'endMonth', rule: 'month-range' }),
    ]);
  });

  test('contracts page through with a cursor', async ({ contracts, createTenant }) => {
    const { api } = await createTenant();
    const created: string[] = [];
    for (let index = 0; index < 3; index += 1) created.push((await contracts.create({}, api)).id);

    const first = await api.read<Page<{ id: string }>>('/v1/contracts?limit=2');
    const second = await api.read<Page<{ id: string }>>(`/v1/contracts?limit=2&cursor=${first.nextCursor}`);

    expect(first.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.id).sort()).toEqual(created.sort());
  });

  test('another tenant’s contract answers 404 and cannot be assigned; its groups answer 404', async ({
    api,
    billingGroups,
    contracts,
    createTenant,
  }) => {
    const other = await createTenant();
    const theirContract = await contracts.create({}, other.api);
    const theirGroup = await other.api.create<{ id: string }>('/v1/billing-groups', { name: 'theirs' });
    const myGroup = await billingGroups.create();
    const myContract = await contracts.create();

    expect((await api.get(`/v1/contracts/${theirContract.id}`)).status()).toBe(404);
    const borrowed = await api.post(`/v1/billing-groups/${myGroup.id}/contract-assignments`, {
      contractId: theirContract.id,
      startMonth: '2026-01',
    });
    expect(borrowed.status()).toBe(422);
    expect((await borrowed.json()).errors[0]).toMatchObject({ field: 'contractId', rule: 'exists' });
    const intoTheirs = await api.post(`/v1/billing-groups/${theirGroup.id}/contract-assignments`, {
      contractId: myContract.id,
      startMonth: '2026-01',
    });
    expect(intoTheirs.status()).toBe(404);
    expect((await api.get(`/v1/billing-groups/${theirGroup.id}/contract-assignments`)).status()).toBe(404);
    expect(
      (await other.api.read<Page<{ id: string }>>('/v1/contracts')).items.map((item) => item.id),
    ).toEqual([theirContract.id]);
  });
});
