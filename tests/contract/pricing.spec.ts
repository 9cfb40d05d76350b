import { expect, test } from '../support/api-test';
import { GRADUATED_EXAMPLE } from '../support/fixtures/metering';

test.describe('contract: price books', () => {
  test('a new price book matches its schema', async ({ api, dataName }) => {
    const response = await api.post('/v1/price-books', {
      name: `${dataName}-book`,
      currency: 'USD',
      entries: [{ counterName: 'storage.volume.ssd', unit: 'GB', pricing: GRADUATED_EXAMPLE }],
    });

    expect(response.status()).toBe(201);
    await expect(response).toMatchContract('createPriceBook');
  });

  test('a price book with broken tiers is a 422 problem naming the tier', async ({ api, dataName }) => {
    const response = await api.post('/v1/price-books', {
      name: `${dataName}-book`,
      currency: 'KRW',
      entries: [
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '397' } },
        {
          counterName: 'storage.volume.ssd',
          unit: 'GB',
          pricing: { model: 'VOLUME', tiers: [{ from: '10', to: null, unitPrice: '100' }] },
        },
      ],
    });

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('createPriceBook');
  });

  test('listing and reading price books, the built-in one included, match their schemas', async ({
    api,
    priceBooks,
  }) => {
    const book = await priceBooks.create();

    await expect(await api.get('/v1/price-books?limit=2')).toMatchContract('listPriceBooks');
    await expect(await api.get(`/v1/price-books/${book.id}`)).toMatchContract('getPriceBook');
    await expect(await api.get('/v1/price-books/default-krw')).toMatchContract('getPriceBook');
  });

  test('an unknown price book is a 404 problem and a foreign cursor a 400 problem', async ({ api }) => {
    const missing = await api.get('/v1/price-books/pb_missing');
    const badCursor = await api.get('/v1/price-books?cursor=%25%25');

    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('getPriceBook');
    expect(badCursor.status()).toBe(400);
    await expect(badCursor).toMatchContract('listPriceBooks');
  });
});

test.describe('contract: contracts and their assignments', () => {
  test('a new contract matches its schema', async ({ api, dataName }) => {
    const response = await api.post('/v1/contracts', {
      name: `${dataName}-contract`,
      discountRate: '12.5',
      minimumCharge: '100000',
      priceOverrides: [{ counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '350' } }],
    });

    expect(response.status()).toBe(201);
    await expect(response).toMatchContract('createContract');
  });

  test('a contract with a discount above 100% is a 422 problem', async ({ api, dataName }) => {
    const response = await api.post('/v1/contracts', { name: `${dataName}-contract`, discountRate: '101' });

    expect(response.status()).toBe(422);
    await expect(response).toMatchContract('createContract');
  });

  test('listing and reading contracts match their schemas; an unknown one is a 404 problem', async ({
    api,
    contracts,
  }) => {
    const contract = await contracts.create();

    await expect(await api.get('/v1/contracts?limit=1')).toMatchContract('listContracts');
    await expect(await api.get(`/v1/contracts/${contract.id}`)).toMatchContract('getContract');
    const missing = await api.get('/v1/contracts/ctr_missing');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('getContract');
    const badLimit = await api.get('/v1/contracts?limit=0');
    expect(badLimit.status()).toBe(422);
    await expect(badLimit).toMatchContract('listContracts');
  });

  test('assigning a contract matches its schema, and so do its refusals', async ({
    api,
    billingGroups,
    contracts,
  }) => {
    const group = await billingGroups.create();
    const contract = await contracts.create();
    const path = `/v1/billing-groups/${group.id}/contract-assignments`;

    const created = await api.post(path, {
      contractId: contract.id,
      startMonth: '2026-01',
      endMonth: '2026-06',
    });
    expect(created.status()).toBe(201);
    await expect(created).toMatchContract('createContractAssignment');

    const overlap = await api.post(path, { contractId: contract.id, startMonth: '2026-06' });
    expect(overlap.status()).toBe(409);
    await expect(overlap).toMatchContract('createContractAssignment');

    const backwards = await api.post(path, {
      contractId: contract.id,
      startMonth: '2027-03',
      endMonth: '2027-01',
    });
    expect(backwards.status()).toBe(422);
    await expect(backwards).toMatchContract('createContractAssignment');

    const unknownGroup = await api.post('/v1/billing-groups/bg_missing/contract-assignments', {
      contractId: contract.id,
      startMonth: '2026-01',
    });
    expect(unknownGroup.status()).toBe(404);
    await expect(unknownGroup).toMatchContract('createContractAssignment');
  });

  test('listing assignments matches its schema; an unknown group is a 404 problem', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    await expect(await api.get(`/v1/billing-groups/${group.id}/contract-assignments`)).toMatchContract(
      'listContractAssignments',
    );
    const missing = await api.get('/v1/billing-groups/bg_missing/contract-assignments');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('listContractAssignments');
  });
});
