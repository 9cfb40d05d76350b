import { expect, test } from '../support/page-test';

test.describe('language: Korean and English, remembered', () => {
  test('switching to Korean translates the page and is remembered after a reload', async ({
    gotoCalculator,
    page,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.switchLanguage('한국어');
    await expect(calculator.heading()).toHaveText('청구서 계산기');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(calculator.statement.amount('합계')).toHaveText('₩43,670');
    await page.reload();
    await expect(calculator.heading()).toHaveText('청구서 계산기');
    await expect(calculator.navigation.getByRole('link', { name: '빌링 그룹' })).toBeVisible();
    await calculator.switchLanguage('English');
    await expect(calculator.heading()).toHaveText('Statement calculator');
  });

  test('the sign-in page can be read in Korean too', async ({ gotoSignIn }) => {
    const signIn = await gotoSignIn();
    await signIn.switchLanguage('한국어');
    await expect(signIn.heading()).toHaveText('로그인');
    await expect(signIn.apiKey).toBeVisible();
  });

  test('USD amounts show cents, written the English or the Korean way', async ({
    billingGroups,
    priceBooks,
    usageEvents,
    thisMonth,
    gotoDashboard,
  }) => {
    const book = await priceBooks.create({
      currency: 'USD',
      entries: [
        { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '0.25' } },
      ],
    });
    const group = await billingGroups.create({ currency: 'USD', priceBookId: book.id });
    await usageEvents.ingest(group.id, [
      usageEvents.build({ volume: '10', timestamp: `${thisMonth}-01T00:00:00Z` }),
    ]);
    const dashboard = await gotoDashboard(group.id);
    await expect(dashboard.draft.amount('Usage subtotal')).toHaveText('$2.50');
    await expect(dashboard.draft.amount('Total')).toHaveText('$2.75');
    await dashboard.switchLanguage('한국어');
    await expect(dashboard.draft.amount('합계')).toHaveText('US$2.75');
  });
});
