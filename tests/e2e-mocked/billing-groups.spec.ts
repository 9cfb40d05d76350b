import { expect, test } from '../support/page-test';

test.describe('billing groups list when the billing API misbehaves', () => {
  test('a tenant without billing groups sees the empty state and the create form', async ({
    gotoBillingGroups,
  }) => {
    const groups = await gotoBillingGroups();
    await expect(groups.emptyState).toHaveText('No billing groups yet. Create the first one.');
    await expect(groups.createForm).toBeVisible();
  });

  test('an empty page from the API shows the empty state, not a broken table', async ({
    mockedApp,
    gotoBillingGroups,
    billingGroups,
  }) => {
    await billingGroups.create();
    await mockedApp.useScenario({ name: 'empty-list', operationId: 'listBillingGroups' });
    const groups = await gotoBillingGroups();
    await expect(groups.emptyState).toBeVisible();
    await expect(groups.list).toBeHidden();
  });

  test('a slow list shows the loading state first, then the groups', async ({
    mockedApp,
    gotoBillingGroups,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.hold('listBillingGroups');
    const groups = await gotoBillingGroups({ waitUntil: 'commit' });
    await expect(groups.page.getByRole('status')).toHaveText('Loading…', mockedApp.whileHeld);
    await mockedApp.release();
    await expect(groups.groupLink(group.name)).toBeVisible();
  });

  test('an unavailable API is an alert, and creating a group still works', async ({
    mockedApp,
    dataName,
    gotoBillingGroups,
  }) => {
    await mockedApp.useScenario({ name: 'unavailable', operationId: 'listBillingGroups', times: 1 });
    const groups = await gotoBillingGroups();
    await expect(groups.main.getByRole('alert')).toContainText('Service unavailable');
    await test.step('the create form is not blocked by the failed list', async () => {
      await groups.create(`${dataName}-after-outage`);
      await expect(groups.heading()).toHaveText(`${dataName}-after-outage`);
    });
  });

  test('an API that never answers ends in a timeout message', async ({ mockedApp, gotoBillingGroups }) => {
    await mockedApp.useScenario({ name: 'timeout', operationId: 'listBillingGroups' });
    const groups = await gotoBillingGroups({ waitUntil: 'commit' });
    await expect(groups.main.getByRole('alert')).toHaveText(
      'The billing API took too long to answer. Try again in a moment.',
      mockedApp.untilEdgeTimeout,
    );
  });

  test('error states pass the accessibility check', async ({
    mockedApp,
    checkAccessibility,
    gotoBillingGroups,
  }) => {
    await mockedApp.useScenario({ name: 'server-error', operationId: 'listBillingGroups' });
    const groups = await gotoBillingGroups();
    await expect(groups.main.getByRole('alert')).toBeVisible();
    await checkAccessibility();
  });
});
