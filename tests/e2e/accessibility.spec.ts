import { expect, test } from '../support/page-test';

test.describe('accessibility: no serious or critical axe violation on any page', () => {
  test('sign-in', async ({ gotoSignIn, checkAccessibility }) => {
    const signIn = await gotoSignIn();
    await signIn.signIn('bk_wrong');
    await expect(signIn.error).toBeVisible();
    await checkAccessibility();
  });

  test('calculator, with every kind of input and the explanation open', { tag: ['@slow'] }, async ({
    gotoCalculator,
    checkAccessibility,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.addAdjustment({
      type: 'Discount',
      method: 'Rate (%)',
      level: 'Project',
      targetProject: 'web',
      value: '5',
    });
    await calculator.addCredit({ type: 'Free', amount: '1000', expiresOn: '2030-01-01' });
    await calculator.setUnpaid({ amount: '500', overdue: true });
    await expect(calculator.statement.amount('Late fee')).toHaveText('₩25');
    await calculator.statement.openExplanation();
    await checkAccessibility();
  });

  test('calculator in Korean', async ({ gotoCalculator, checkAccessibility }) => {
    const calculator = await gotoCalculator();
    await calculator.switchLanguage('한국어');
    await expect(calculator.statement.amount('합계')).toHaveText('₩43,670');
    await checkAccessibility();
  });

  test('history with a comparison', { tag: ['@slow'] }, async ({
    gotoCalculator,
    gotoHistory,
    checkAccessibility,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.saveToHistory('One');
    await calculator.fillUsageRow(1, { quantity: '7' });
    await calculator.saveToHistory('Two');
    const history = await gotoHistory();
    await history.compare('One', 'Two');
    await expect(history.comparison).toBeVisible();
    await checkAccessibility();
  });

  test('billing groups', async ({ billingGroups, gotoBillingGroups, checkAccessibility }) => {
    await billingGroups.create();
    const list = await gotoBillingGroups();
    await expect(list.list).toBeVisible();
    await checkAccessibility();
  });

  test('billing group dashboard, with the close-month dialog open', { tag: ['@slow'] }, async ({
    billingGroups,
    monthActivity,
    thisMonth,
    gotoDashboard,
    checkAccessibility,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { day: 1 });
    await monthActivity.grantCredit(group.id, { type: 'PROMOTIONAL', amount: '1000' });
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.draft.amount('Total')).toBeVisible();
    await checkAccessibility();
    await dashboard.closeMonthButton(thisMonth).click();
    await expect(dashboard.closeDialog).toBeVisible();
    await checkAccessibility();
  });

  test('test clocks, one advanced, with the delete dialog open', async ({
    api,
    gotoTestClocks,
    checkAccessibility,
    dataName,
  }) => {
    const clock = await api.create<{ id: string }>('/v1/test-clocks', {
      name: dataName,
      frozenTime: '2026-01-10T00:00:00Z',
    });
    await api.create(`/v1/test-clocks/${clock.id}/advance`, { to: '2026-01-15T00:00:00Z' }, 202);
    await expect
      .poll(async () => (await api.read<{ status: string }>(`/v1/test-clocks/${clock.id}`)).status)
      .toBe('READY');
    const clocks = await gotoTestClocks();
    await expect(clocks.clock(dataName).progress).toBeVisible();
    await checkAccessibility();
    await clocks.delete(dataName, { confirm: false });
    await expect(clocks.dialog).toBeVisible();
    await checkAccessibility();
  });

  test('statement with payments', async ({ closedStatements, gotoStatement, checkAccessibility }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    await statement.pay({ amount: '1000', source: 'tok_declined' });
    await expect(statement.paymentOutcome).toBeVisible();
    await checkAccessibility();
  });
});

test('the check itself fails a page with a serious violation', async ({ page, checkAccessibility }) => {
  // A button with no name and an image with no text: what the scans above would have to report.
  await page.setContent(
    '<main><button></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>',
  );
  await expect(checkAccessibility()).rejects.toThrow(/critical button-name.*\n.*critical image-alt/s);
});
