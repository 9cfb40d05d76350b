import type { Schemas } from '../support/api/schemas';
import { expectKoreanWordsUnbroken, expectNoOneCharacterLines } from '../support/layout-checks';
import { expect, test } from '../support/page-test';

type BudgetBody = Schemas['Budget'];
type CreditGrantBody = Schemas['CreditGrant'];

const ISSUE = { type: 'issue', description: 'issue 21: budgets and low-balance alerts in the UI' };

test.describe('Budgets on the billing group’s overview, and a grant’s low-balance alert', {
  annotation: ISSUE,
}, () => {
  test('a budget on the total (crossed, with its date) and one on a counter: value against threshold, in words and a bar', async ({
    billingGroups,
    monthActivity,
    api,
    thisMonth,
    gotoDashboard,
    checkAccessibility,
  }) => {
    const group = await billingGroups.create();
    // 100 hours of compute.c2.c8m8 at ₩397 an hour: ₩39,700, ₩43,670 with VAT.
    await monthActivity.ingestUsage(group.id, thisMonth, { hours: '100', day: 1 });
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.budgets).toContainText('No budgets yet.');

    await test.step('a threshold of 0 is refused beside its field, focus on it', async () => {
      await dashboard.addBudget({ name: 'Zero', threshold: '0' });
      const threshold = dashboard.budgetForm.getByLabel('Threshold');
      await expect(threshold).toHaveAttribute('aria-invalid', 'true');
      await expect(threshold).toBeFocused();
      await expect(threshold).toHaveAccessibleDescription('Enter an amount greater than 0.');
      await checkAccessibility();
    });

    await test.step('a budget on the month’s total, already crossed', async () => {
      await dashboard.budgetForm.getByLabel('Threshold').fill('40000');
      await dashboard.budgetForm.getByLabel('Name').fill('Monthly spend');
      await dashboard.budgetForm.getByRole('button', { name: 'Add budget' }).click();
      await expect(dashboard.budgetForm.getByRole('status')).toHaveText('Budget added.');
      const budget = dashboard.budget('Monthly spend');
      await expect(budget).toContainText('The month’s total');
      await expect(budget).toContainText('₩43,670 of ₩40,000 (109%)');
      await expect(budget).toContainText(/Crossed on [A-Z][a-z]+ \d{1,2}, \d{4}/);
      const bar = budget.getByRole('progressbar', { name: 'Monthly spend: used of threshold' });
      await expect(bar).toHaveAttribute('aria-valuenow', '100');
      await expect(bar).toHaveAttribute('aria-valuetext', '₩43,670 of ₩40,000 (109%)');
    });

    await test.step('a budget on one counter’s quantity, below its threshold', async () => {
      await dashboard.addBudget({
        name: 'Compute hours',
        kind: 'QUANTITY',
        counter: 'Compute c2 (8 vCPU, 8 GB memory)',
        threshold: '400',
      });
      const budget = dashboard.budget('Compute hours');
      await expect(budget).toContainText('Quantity of Compute c2 (8 vCPU, 8 GB memory)');
      await expect(budget).toContainText('100 hours of 400 hours (25%)');
      await expect(budget).toContainText('Below threshold');
      await expect(budget.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
      await checkAccessibility();
    });

    const listed = await api.read<{ items: BudgetBody[] }>(
      `/v1/billing-groups/${group.id}/budgets?month=${thisMonth}`,
    );
    expect(
      listed.items.map(({ name, kind, counterName, threshold, crossed }) => ({
        name,
        kind,
        counterName,
        threshold,
        crossed,
      })),
    ).toEqual(
      expect.arrayContaining([
        { name: 'Monthly spend', kind: 'TOTAL', counterName: null, threshold: '40000', crossed: true },
        {
          name: 'Compute hours',
          kind: 'QUANTITY',
          counterName: 'compute.c2.c8m8',
          threshold: '400',
          crossed: false,
        },
      ]),
    );

    await test.step('deleting asks first, then the budget is gone', async () => {
      await dashboard.deleteBudget('Compute hours', { confirm: false });
      await expect(dashboard.closeDialog).toHaveAccessibleName('Delete the budget “Compute hours”?');
      await checkAccessibility();
      await dashboard.page.keyboard.press('Escape');
      await expect(dashboard.budget('Compute hours')).toHaveCount(1);
      await dashboard.deleteBudget('Compute hours');
      await expect(dashboard.budget('Compute hours')).toHaveCount(0);
      const after = await api.read<{ items: BudgetBody[] }>(`/v1/billing-groups/${group.id}/budgets`);
      expect(after.items.map((item) => item.name)).toEqual(['Monthly spend']);
    });
  });

  test('in Korean at phone width, budgets read in Korean and nothing is cut off', async ({
    billingGroups,
    api,
    chooseLanguage,
    gotoDashboard,
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const group = await billingGroups.create();
    await api.create(`/v1/billing-groups/${group.id}/budgets`, {
      name: '월 예산',
      kind: 'TOTAL',
      threshold: '100000',
    });
    await chooseLanguage('ko');
    const dashboard = await gotoDashboard(group.id);
    const budget = dashboard.budget('월 예산');
    await expect(budget).toContainText('이달 합계 금액');
    await expect(budget).toContainText('₩100,000 중 ₩0 (0%)');
    await expect(budget).toContainText('기준 미만');
    await expectNoOneCharacterLines(dashboard.budgets);
    await expectKoreanWordsUnbroken(dashboard.budgets);
    const box = await dashboard.budgets.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await dashboard.budgetForm.getByLabel('지켜보는 값').selectOption('QUANTITY');
    await expect(dashboard.budgetForm.getByLabel('카운터')).toBeVisible();
    await expectNoOneCharacterLines(dashboard.budgetForm);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  test('a credit grant with a low-balance alert: the form sends it and the grants table shows it', async ({
    billingGroups,
    api,
    gotoDashboard,
  }) => {
    const group = await billingGroups.create();
    const dashboard = await gotoDashboard(group.id, { section: 'credits' });
    await dashboard.grantCredit({ amount: '10000', name: 'Watched credit', lowBalanceThreshold: '1000' });
    await expect(dashboard.wallet.getByRole('status')).toHaveText('Credit granted.');
    const grants = dashboard.wallet.getByRole('table', { name: 'Grants' });
    await expect(grants.getByRole('row').filter({ hasText: 'Watched credit' })).toContainText('below ₩1,000');
    const listed = await api.read<{ items: CreditGrantBody[] }>(`/v1/billing-groups/${group.id}/credits`);
    expect(listed.items.map((grant) => [grant.name, grant.lowBalanceThreshold])).toEqual([
      ['Watched credit', '1000'],
    ]);
  });
});
