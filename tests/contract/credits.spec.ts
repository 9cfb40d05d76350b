import { expect, test } from '../support/api-test';

const base = (groupId: string) => `/v1/billing-groups/${groupId}`;

test.describe('contract: credits', () => {
  test('granting credit answers the grant; a bad grant is a 422 and an unknown group a 404', async ({
    api,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const granted = await api.post(`${base(group.id)}/credits`, {
      type: 'PROMOTIONAL',
      amount: '5000',
      expiresAt: '2026-12-31T00:00:00Z',
      grantedAt: '2026-01-01T00:00:00Z',
      campaignId: 'launch',
    });
    const invalid = await api.post(`${base(group.id)}/credits`, { type: 'GIFT', amount: 'lots' });
    const unknownGroup = await api.post(`${base('bg_missing')}/credits`, { type: 'FREE', amount: '1' });

    expect(granted.status()).toBe(201);
    await expect(granted).toMatchContract('grantCredit');
    expect(invalid.status()).toBe(422);
    await expect(invalid).toMatchContract('grantCredit');
    expect(unknownGroup.status()).toBe(404);
    await expect(unknownGroup).toMatchContract('grantCredit');
  });

  test('a grant body that is not JSON is a 400 problem, one without an API key a 401', async ({
    api,
    anonymousApi,
    billingGroups,
  }) => {
    const group = await billingGroups.create();

    const malformed = await api.post(`${base(group.id)}/credits`, undefined, {
      rawBody: '{"type": ',
      headers: { 'Content-Type': 'application/json' },
    });
    const anonymous = await anonymousApi.post(`${base(group.id)}/credits`, { type: 'FREE', amount: '1' });

    expect(malformed.status()).toBe(400);
    await expect(malformed).toMatchContract('grantCredit');
    expect(anonymous.status()).toBe(401);
    await expect(anonymous).toMatchContract('grantCredit');
  });

  test('listing and reading grants match their schemas; unknown ones are 404 problems', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    const grant = await credits.grant(group.id);

    await expect(await api.get(`${base(group.id)}/credits?limit=1`)).toMatchContract('listCreditGrants');
    await expect(await api.get(`${base(group.id)}/credits/${grant.id}`)).toMatchContract('getCreditGrant');
    const missingGroup = await api.get(`${base('bg_missing')}/credits`);
    const missingGrant = await api.get(`${base(group.id)}/credits/cg_missing`);
    expect(missingGroup.status()).toBe(404);
    await expect(missingGroup).toMatchContract('listCreditGrants');
    expect(missingGrant.status()).toBe(404);
    await expect(missingGrant).toMatchContract('getCreditGrant');
  });

  test('voiding matches its schema, and voiding again is a 409 problem', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    const grant = await credits.grant(group.id);

    const voided = await api.post(`${base(group.id)}/credits/${grant.id}/void`);
    const again = await api.post(`${base(group.id)}/credits/${grant.id}/void`);
    const missing = await api.post(`${base(group.id)}/credits/cg_missing/void`);

    expect(voided.status()).toBe(200);
    await expect(voided).toMatchContract('voidCreditGrant');
    expect(again.status()).toBe(409);
    await expect(again).toMatchContract('voidCreditGrant');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('voidCreditGrant');
  });

  test('expiring matches its schema; an unknown group is a 404 problem', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    await credits.grant(group.id, { expiresAt: '2026-02-01T00:00:00Z' });

    const expired = await api.post(`${base(group.id)}/credits/expire`);
    const missing = await api.post(`${base('bg_missing')}/credits/expire`);

    expect(expired.status()).toBe(200);
    await expect(expired).toMatchContract('expireCreditGrants');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('expireCreditGrants');
  });

  test('the burn preview matches its schema; a bad amount is a 422 problem', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    await credits.grant(group.id, { amount: '1000' });
    await credits.grant(group.id, { type: 'PAID', amount: '1000' });
    await credits.grant(group.id, { type: 'FREE', amount: '1000', grantedAt: '2026-06-01T00:00:00Z' });

    const preview = await api.post(`${base(group.id)}/credits/preview`, { month: '2026-03', amount: '1500' });
    const invalid = await api.post(`${base(group.id)}/credits/preview`, { month: 'March', amount: '1.5' });

    expect(preview.status()).toBe(200);
    await expect(preview).toMatchContract('previewCreditBurn');
    expect(invalid.status()).toBe(422);
    await expect(invalid).toMatchContract('previewCreditBurn');
  });

  test('the ledger matches its schema; a forged cursor is a 400 problem', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    const grant = await credits.grant(group.id);
    await api.post(`${base(group.id)}/credits/${grant.id}/void`);

    const ledger = await api.get(`${base(group.id)}/credit-ledger?limit=1`);
    const filtered = await api.get(`${base(group.id)}/credit-ledger?grantId=${grant.id}`);
    const forged = await api.get(`${base(group.id)}/credit-ledger?cursor=bm90LWEtc2Vx`);

    await expect(ledger).toMatchContract('listCreditLedger');
    await expect(filtered).toMatchContract('listCreditLedger');
    expect(forged.status()).toBe(400);
    await expect(forged).toMatchContract('listCreditLedger');
  });

  test('balances match their schema; an unknown group is a 404 problem', async ({
    api,
    billingGroups,
    credits,
  }) => {
    const group = await billingGroups.create();
    await credits.grant(group.id, { type: 'REFUND', amount: '300' });

    const balances = await api.get(`${base(group.id)}/credit-balances`);
    const missing = await api.get(`${base('bg_missing')}/credit-balances`);

    expect(balances.status()).toBe(200);
    await expect(balances).toMatchContract('getCreditBalances');
    expect(missing.status()).toBe(404);
    await expect(missing).toMatchContract('getCreditBalances');
  });
});
