import { expect, test } from '../support/page-test';

test.describe('billing groups: list and create', () => {
  test("the list shows the tenant's billing groups and no one else's", async ({
    createTenant,
    billingGroups,
    signInAs,
    gotoBillingGroups,
    dataName,
  }) => {
    const tenant = await createTenant();
    const first = await tenant.api.create<{ name: string }>('/v1/billing-groups', {
      name: `${dataName}-alpha`,
    });
    const second = await tenant.api.create<{ name: string }>('/v1/billing-groups', {
      name: `${dataName}-beta`,
    });
    const elsewhere = await billingGroups.create();
    await signInAs(tenant.apiKey);
    const list = await gotoBillingGroups();
    await expect(list.groupLink(first.name)).toBeVisible();
    await expect(list.groupLink(second.name)).toBeVisible();
    await expect(list.groupLink(elsewhere.name)).toHaveCount(0);
  });

  test('a tenant without billing groups sees the empty state', async ({
    createTenant,
    signInAs,
    gotoBillingGroups,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const list = await gotoBillingGroups();
    await expect(list.emptyState).toBeVisible();
  });

  test('creating a billing group opens its dashboard, and the API has it', async ({
    gotoBillingGroups,
    api,
    dataName,
    page,
  }) => {
    const list = await gotoBillingGroups();
    const name = `${dataName}-created`;
    await list.create(name);
    await expect(list.heading()).toHaveText(name);
    const groupId = page.url().split('/billing-groups/')[1]?.split('?')[0] ?? '';
    const group = await api.read<{ name: string; currency: string }>(`/v1/billing-groups/${groupId}`);
    expect(group).toMatchObject({ name, currency: 'KRW', autoClose: false });
  });

  test('a group created to close each month automatically says so, and the API has autoClose', async ({
    gotoBillingGroups,
    api,
    dataName,
    page,
  }) => {
    const list = await gotoBillingGroups();
    await list.create(`${dataName}-auto`, 'KRW', { autoClose: true });
    await expect(list.heading()).toHaveText(`${dataName}-auto`);
    await expect(page.getByText('closes each month automatically')).toBeVisible();
    const groupId = page.url().split('/billing-groups/')[1]?.split('?')[0] ?? '';
    const group = await api.read<{ autoClose: boolean }>(`/v1/billing-groups/${groupId}`);
    expect(group.autoClose).toBe(true);
  });

  test('a USD group without a USD price book shows why it has no draft, plainly', async ({
    gotoBillingGroups,
    dataName,
    page,
  }) => {
    const list = await gotoBillingGroups();
    await list.create(`${dataName}-usd`, 'USD');
    await expect(list.heading()).toHaveText(`${dataName}-usd`);
    await expect(page.getByRole('region', { name: /^Draft statement/ }).getByRole('alert')).toContainText(
      /price book/i,
    );
  });
});
