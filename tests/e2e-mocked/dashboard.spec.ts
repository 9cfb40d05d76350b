import { expect, test } from '../support/page-test';

test.describe('billing group dashboard when the billing API misbehaves', () => {
  test('a new group shows every section empty, with words instead of blank tables', async ({
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.adjustments).toContainText('No adjustments this month.');
    await dashboard.show('Usage');
    await expect(dashboard.usage).toContainText('No usage recorded for this month.');
    await dashboard.show('Credits');
    await expect(dashboard.wallet).toContainText('No credit granted yet.');
    await expect(dashboard.wallet).toContainText('No ledger entries yet.');
    await dashboard.show('Statements');
    await expect(dashboard.statements).toContainText('No closed statements yet.');
  });

  test('failing usage is an alert in its section while the draft statement still shows', async ({
    mockedApp,
    thisMonth,
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getMonthlyUsage' });
    const dashboard = await gotoDashboard(group.id, { month: thisMonth, section: 'usage' });
    await expect(dashboard.usage.getByRole('alert')).toContainText('Internal error');
    await dashboard.show('Overview');
    await expect(dashboard.draft.amount('Total')).toHaveText('₩0');
    await expect(dashboard.closeMonthButton(thisMonth)).toBeVisible();
  });

  test('an unavailable credit wallet is an alert, and the rest of the page works', async ({
    mockedApp,
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.useScenario({ name: 'unavailable', operationId: 'getCreditBalances' });
    const dashboard = await gotoDashboard(group.id, { section: 'credits' });
    await expect(dashboard.wallet.getByRole('alert')).toContainText('Service unavailable');
    await dashboard.show('Usage');
    await expect(dashboard.usage).toContainText('No usage recorded for this month.');
    await dashboard.show('Statements');
    await expect(dashboard.statements).toContainText('No closed statements yet.');
  });

  test('an empty statements page from the API shows "no closed statements"', async ({
    mockedApp,
    gotoDashboard,
    closedStatements,
  }) => {
    const closed = await closedStatements.create();
    await mockedApp.useScenario({ name: 'empty-list', operationId: 'listStatements' });
    const dashboard = await gotoDashboard(closed.billingGroupId, { section: 'statements' });
    await expect(dashboard.statements).toContainText('No closed statements yet.');
  });

  test('a slow draft statement shows the loading state first, then the page', async ({
    mockedApp,
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.hold('getStatementOfMonth');
    const dashboard = await gotoDashboard(group.id, { waitUntil: 'commit' });
    await expect(dashboard.page.getByRole('status')).toHaveText('Loading…', mockedApp.whileHeld);
    await mockedApp.release();
    await expect(dashboard.heading()).toHaveText(group.name);
    await expect(dashboard.draft.amount('Total')).toHaveText('₩0');
  });

  test('a group that cannot be read is an alert, not a half-drawn dashboard', async ({
    mockedApp,
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getBillingGroup' });
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.main.getByRole('alert')).toContainText('Internal error');
    await expect(dashboard.sections).toBeHidden();
    await expect(dashboard.draftSection).toBeHidden();
  });

  test("in Korean, a failure is headed in Korean, and the API's English words are marked as such", async ({
    mockedApp,
    chooseLanguage,
    gotoDashboard,
    billingGroups,
  }) => {
    const group = await billingGroups.create();
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getMonthlyUsage' });
    await chooseLanguage('ko');
    const dashboard = await gotoDashboard(group.id, { section: 'usage' });
    const alert = dashboard.usage.getByRole('alert');
    await expect(alert.locator('p').first()).toHaveText('빌링 API 내부 오류입니다');
    await expect(alert).not.toContainText('Internal error');
    await expect(alert).toContainText('API 응답(영어): ');
    await expect(alert.locator('[lang="en"]')).not.toHaveCount(0);
  });
});
