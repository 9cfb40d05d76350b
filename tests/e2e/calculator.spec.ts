import { expect, test } from '../support/page-test';

test.describe('calculator: the statement follows the inputs as the user types', () => {
  test('a usage row is priced from the price book and the total follows its quantity', {
    tag: ['@smoke'],
  }, async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await test.step('100 hours of compute.c2.c8m8 at ₩397 make ₩39,700 plus 10% VAT', async () => {
      await expect(calculator.statement.lineFor('web', 'compute.c2.c8m8')).toContainText('₩39,700');
      await expect(calculator.statement.amount('VAT')).toHaveText('₩3,970');
      await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
    });
    await test.step('typing 250 hours reprices the line and the total', async () => {
      await calculator.fillUsageRow(1, { quantity: '250' });
      await expect(calculator.statement.lineFor('web', 'compute.c2.c8m8')).toContainText('₩99,250');
      await expect(calculator.statement.amount('Total')).toHaveText('₩109,175');
    });
  });

  test('usage rows take any counter of the price book, its unit and a project, and can be removed', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await test.step('a storage row for project ml adds 250 GB at ₩100', async () => {
      await calculator.addUsageRow({ counter: 'storage.volume.ssd', project: 'ml', quantity: '250' });
      await expect(calculator.usageRow(2).getByLabel('Unit')).toHaveValue('GB');
      await expect(calculator.statement.lineFor('ml', 'storage.volume.ssd')).toContainText('₩25,000');
      await expect(calculator.statement.amount('Usage subtotal')).toHaveText('₩64,700');
    });
    await test.step('removing the compute row leaves the storage row alone', async () => {
      await calculator.removeUsageRow(1);
      await expect(calculator.statement.amount('Usage subtotal')).toHaveText('₩25,000');
      await expect(calculator.statement.amount('Total')).toHaveText('₩27,500');
    });
  });

  test('a unit the price book does not use is refused on the unit field itself', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.fillUsageRow(1, { unit: 'GB' });
    const unit = calculator.usageRow(1).getByLabel('Unit');
    await expect(unit).toHaveAttribute('aria-invalid', 'true');
    await expect(unit).toHaveAccessibleDescription('This counter is not priced in this unit.');
    await calculator.fillUsageRow(1, { unit: 'HOURS' });
    await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
    await expect(unit).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a quantity that is not a number is refused on its field, saying what to type', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.fillUsageRow(1, { quantity: 'ten' });
    await expect(calculator.usageRow(1).getByLabel('Quantity')).toHaveAccessibleDescription(
      'Enter a number, such as 12.5.',
    );
  });

  test("a refused value is named in the page's terms, once, beside its field, and the last good statement stays, marked out of date", {
    tag: ['@regression'],
    annotation: {
      type: 'issue',
      description: 'issue 18, defect 6: calculator errors spoke API paths, twice, away from the field',
    },
  }, async ({ gotoCalculator, checkAccessibility, page }) => {
    const calculator = await gotoCalculator();
    await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
    await test.step('row 2 is left empty (not sent), row 3 gets a quantity that is not a number', async () => {
      await calculator.addUsageRow({ counter: 'storage.volume.ssd', project: 'ml' });
      await calculator.addUsageRow({ project: 'api', quantity: 'ten' });
    });
    const quantity = calculator.usageRow(3).getByLabel('Quantity');
    await test.step('the error sits on usage row 3 (the API called it usage[1]), in words, once', async () => {
      await expect(quantity).toHaveAttribute('aria-invalid', 'true');
      await expect(quantity).toHaveAccessibleDescription('Enter a number, such as 12.5.');
      await expect(calculator.usageRow(1).getByLabel('Quantity')).not.toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText('Enter a number, such as 12.5.')).toHaveCount(1);
      await expect(calculator.main).not.toContainText('usage[');
      await expect(calculator.invalidState).toHaveCount(0);
    });
    await test.step('the last good statement stays on screen, marked out of date', async () => {
      await expect(calculator.status).toContainText('Out of date');
      await expect(calculator.staleStatement).toBeVisible();
      await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
      await checkAccessibility();
    });
    await test.step('fixing the value brings the statement up to date', async () => {
      await calculator.fillUsageRow(3, { quantity: '10' });
      await expect(calculator.status).toHaveText('Statement up to date');
      await expect(quantity).not.toHaveAttribute('aria-invalid', 'true');
      await expect(calculator.staleStatement).toBeHidden();
      await expect(calculator.statement.amount('Usage subtotal')).toHaveText('₩43,670');
    });
  });

  test('with no quantity there is nothing to price, and the empty state says so', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.fillUsageRow(1, { quantity: '' });
    await expect(calculator.emptyState).toBeVisible();
  });

  test('a contract discount rate is its own line before VAT', async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await calculator.setContract({ discountRate: '10' });
    await expect(calculator.statement.amount('Contract discount')).toHaveText('-₩3,970');
    // No credits: the charge before credits would be the charge again, so only the charge is shown.
    await expect(calculator.statement.amount(/^Charge$/)).toHaveText('₩35,730');
    await expect(calculator.statement.amount('Total')).toHaveText('₩39,303');
  });

  test('a minimum charge tops low usage up to the commitment', async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await calculator.fillUsageRow(1, { quantity: '10' });
    await calculator.setContract({ minimumCharge: '10000' });
    await expect(calculator.statement.amount('Minimum commitment true-up')).toHaveText('₩6,030');
    await expect(calculator.statement.amount('Total')).toHaveText('₩11,000');
  });

  test('a project discount applies to its project only', async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await calculator.addUsageRow({ counter: 'storage.volume.ssd', project: 'ml', quantity: '250' });
    await calculator.addAdjustment({
      type: 'Discount',
      method: 'Rate (%)',
      level: 'Project',
      targetProject: 'web',
      value: '10',
    });
    await expect(calculator.statement.adjustments).toContainText('on web');
    await expect(calculator.statement.amount('Adjustments total')).toHaveText('-₩3,970');
    await expect(calculator.statement.amount('Total')).toHaveText('₩66,803');
  });

  test('a fixed surcharge on the billing group adds to the charge before VAT', async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await calculator.addAdjustment({
      type: 'Surcharge',
      method: 'Fixed amount',
      level: 'Billing group',
      value: '1000',
    });
    await expect(calculator.statement.amount('Adjustments total')).toHaveText('₩1,000');
    await expect(calculator.statement.amount('Total')).toHaveText('₩44,770');
  });

  test('credits burn by priority then earliest expiry, and an unneeded grant says why it was not used', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.month.choose('2026-03');
    await calculator.addCredit({ type: 'Paid', amount: '50000' });
    await calculator.addCredit({ type: 'Promotional', amount: '30000', expiresOn: '2026-03-20' });
    await calculator.addCredit({ type: 'Promotional', amount: '30000', priority: '10' });
    await test.step('the expiring promotional grant burns first, the other covers the rest', async () => {
      const burned = calculator.statement.creditsBurned.getByRole('row');
      await expect(burned.filter({ hasText: '#1 Credit grant 2' })).toContainText('₩30,000');
      await expect(burned.filter({ hasText: '#2 Credit grant 3' })).toContainText('₩9,700');
    });
    await expect(calculator.statement.root).toContainText(
      'Credit grant 1 not used: the charge was already covered',
    );
    await expect(calculator.statement.amount('Total')).toHaveText('₩0');
  });

  test('an overdue unpaid balance carries a 5% late fee, a current one none', async ({ gotoCalculator }) => {
    const calculator = await gotoCalculator();
    await calculator.setUnpaid({ amount: '10000', overdue: true });
    await expect(calculator.statement.amount('Unpaid from the previous statement')).toHaveText('₩10,000');
    await expect(calculator.statement.amount('Late fee')).toHaveText('₩500');
    await expect(calculator.statement.amount('Total')).toHaveText('₩54,170');
    await calculator.setUnpaid({ amount: '10000', overdue: false });
    await expect(calculator.statement.amount('Late fee')).toHaveText('₩0');
    await expect(calculator.statement.amount('Total')).toHaveText('₩53,670');
  });

  test('"why this amount" explains every step, and the chart shows how the total is made up', async ({
    gotoCalculator,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.addCredit({ type: 'Promotional', amount: '5000' });
    await calculator.addAdjustment({
      type: 'Discount',
      method: 'Rate (%)',
      level: 'Billing group',
      value: '5',
    });
    await expect(calculator.statement.amount('Total')).toHaveText('₩35,987');
    await expect(calculator.statement.breakdownChart).toHaveAccessibleName(/₩35,987/);
    await calculator.statement.openExplanation();
    await expect(calculator.statement.explainSteps.first()).toContainText('the usage subtotal of ₩39,700');
    await expect(
      calculator.statement.explainSteps.filter({ hasText: 'VAT is 10% of the charge' }),
    ).toHaveCount(1);
    await expect(calculator.statement.explainSteps.last()).toHaveText(
      'The total is the charge plus VAT, any unpaid balance and any late fee: ₩35,987.',
    );
    // Plain words: no rule names or formulae; those stay one click further.
    await expect(calculator.statement.explainSteps.filter({ hasText: /credit-burn|max\(|cg_/ })).toHaveCount(
      0,
    );
    await calculator.statement.openEngineSteps();
    await expect(calculator.statement.engineSteps.first()).toContainText('compute.c2.c8m8');
    await expect(calculator.statement.engineSteps.last()).toContainText('35987');
  });
});
