import { expect, test } from '../support/page-test';

test.describe('keyboard: everything works without a mouse', () => {
  test('sign in with the keyboard alone, starting from the skip link', async ({
    gotoSignIn,
    workerTenant,
    page,
  }) => {
    await gotoSignIn();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('API key')).toBeFocused();
    await page.keyboard.type(workerTenant.apiKey);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
  });

  test('a calculator row is added and filled from the keyboard', async ({ gotoCalculator, page }) => {
    const calculator = await gotoCalculator();
    await calculator.form.getByRole('button', { name: 'Add credit grant' }).focus();
    await page.keyboard.press('Enter');
    await expect(calculator.credit(1).getByLabel('Credit type')).toBeVisible();
    await calculator.credit(1).getByLabel('Credit type').focus();
    await page.keyboard.press('Tab');
    await expect(calculator.credit(1).getByLabel('Amount')).toBeFocused();
    await page.keyboard.type('2000');
    await expect(calculator.statement.amount('Credits total')).toHaveText('-₩2,000');
  });

  test('the close-month dialog: Escape cancels, and the confirmation works from the keyboard', async ({
    billingGroups,
    monthActivity,
    statements,
    thisMonth,
    gotoDashboard,
    page,
  }) => {
    const group = await billingGroups.create();
    await monthActivity.ingestUsage(group.id, thisMonth, { day: 1 });
    const dashboard = await gotoDashboard(group.id);
    const open = dashboard.closeMonthButton(thisMonth);
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(dashboard.closeDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dashboard.closeDialog).toBeHidden();
    expect((await statements.read(group.id, thisMonth)).state).toBe('DRAFT');
    await open.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(dashboard.closeDialog.getByRole('button', { name: 'Close month' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dashboard.closeDialog).toHaveAccessibleName('Statement issued');
    await expect(dashboard.closeDialog.getByRole('button', { name: 'Done' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/statements\/st_/);
  });
});
