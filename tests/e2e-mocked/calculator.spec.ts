import { expect, test } from '../support/page-test';

test.describe('calculator when the billing API misbehaves', () => {
  test('a price book that cannot be read is an error, not an empty form', async ({
    mockedApp,
    gotoCalculator,
  }) => {
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getPriceBook' });
    const calculator = await gotoCalculator();
    await expect(calculator.main.getByRole('alert')).toContainText('Internal error');
    await expect(calculator.form).toBeHidden();
  });

  test('a slow calculation shows "Calculating…" and then the statement', async ({
    mockedApp,
    gotoCalculator,
  }) => {
    await mockedApp.hold('calculateStatement');
    const calculator = await gotoCalculator();
    await expect(calculator.status).toHaveText('Calculating…', mockedApp.whileHeld);
    await mockedApp.release();
    await expect(calculator.statement.amount('Total')).toHaveText('₩43,670');
    await expect(calculator.status).toHaveText('Statement up to date');
  });

  test('a failed calculation is shown where the statement goes, and the next edit recovers', async ({
    mockedApp,
    gotoCalculator,
  }) => {
    await mockedApp.useScenario({ name: 'server-error', operationId: 'calculateStatement', times: 1 });
    const calculator = await gotoCalculator();
    await expect(calculator.invalidState).toContainText(
      'The billing API could not compute the statement; your inputs are kept.',
    );
    await test.step('typing 250 hours asks again, and the API answers this time', async () => {
      await calculator.fillUsageRow(1, { quantity: '250' });
      await expect(calculator.statement.amount('Total')).toHaveText('₩109,175');
      await expect(calculator.invalidState).toBeHidden();
    });
  });

  test('an answer that is not valid JSON is reported as unreadable', async ({
    mockedApp,
    gotoCalculator,
  }) => {
    await mockedApp.useScenario({ name: 'malformed-body', operationId: 'calculateStatement' });
    const calculator = await gotoCalculator();
    await expect(calculator.invalidState).toContainText(
      'The billing API sent an answer that could not be read. Try again in a moment.',
    );
  });
});
