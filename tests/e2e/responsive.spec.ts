import { expect, type Page, test } from '../support/page-test';

const PHONE = { width: 390, height: 844 };

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  );
}

test.describe("responsive: usable at a phone's width", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test('the calculator stacks its form above the statement without sideways scrolling', async ({
    gotoCalculator,
    page,
  }) => {
    const calculator = await gotoCalculator();
    await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
    expect(await scrollsSideways(page)).toBe(false);
    const form = await calculator.form.boundingBox();
    const totals = await calculator.statement.totals.boundingBox();
    expect(totals?.y ?? 0).toBeGreaterThan((form?.y ?? 0) + (form?.height ?? 0) - 1);
  });

  test('the navigation stays reachable and leads to billing groups', async ({ gotoCalculator, page }) => {
    const calculator = await gotoCalculator();
    await calculator.navigation.getByRole('link', { name: 'Billing groups' }).tap();
    await expect(page).toHaveURL(/\/billing-groups$/);
    expect(await scrollsSideways(page)).toBe(false);
  });

  test('a statement can be read and paid on a phone', async ({ closedStatements, gotoStatement, page }) => {
    const closed = await closedStatements.create();
    const statement = await gotoStatement(closed.statementId ?? '');
    expect(await scrollsSideways(page)).toBe(false);
    await statement.payButton.scrollIntoViewIfNeeded();
    await statement.pay({ source: 'tok_success' });
    await expect(statement.state).toHaveText('Paid');
  });
});
