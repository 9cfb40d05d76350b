import { expect, test } from '../support/page-test';

test.describe('history with nothing saved, and saved work while the API is slow', () => {
  test('a browser that saved nothing sees the empty state', async ({ gotoHistory }) => {
    const history = await gotoHistory();
    await expect(history.emptyState).toHaveText('Nothing saved yet. Save a calculation from the calculator.');
    await expect(history.entries).toHaveCount(0);
  });

  test('a calculation restored while the API is slow shows "Calculating…" until it is recomputed', async ({
    mockedApp,
    gotoCalculator,
    gotoHistory,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.waitUntilCalculated();
    await calculator.historyName.fill('slow restore');
    await calculator.saveButton.click();
    await mockedApp.hold('calculateStatement');
    const history = await gotoHistory();
    const restored = await history.restore('slow restore');
    await expect(restored.status).toHaveText('Calculating…', mockedApp.whileHeld);
    await mockedApp.release();
    await expect(restored.statement.amount('Total')).toHaveText('₩43,670');
    await expect(restored.status).toHaveText('Statement up to date');
  });
});
