import { expect, test } from '../support/page-test';

test.describe('history: calculations saved in the browser', () => {
  test('a saved calculation restores its inputs and statement into the calculator', async ({
    gotoCalculator,
    gotoHistory,
  }) => {
    const calculator = await gotoCalculator();
    await test.step('save 100 hours as "Baseline", then change the quantity', async () => {
      await calculator.saveToHistory('Baseline');
      await expect(calculator.page.getByText('Saved “Baseline” to history.')).toBeVisible();
      await calculator.fillUsageRow(1, { quantity: '300' });
      await expect(calculator.statement.amount('Total')).toHaveText('₩131,010');
    });
    const history = await gotoHistory();
    await expect(history.entry('Baseline')).toContainText('₩43,670');
    await test.step('restoring "Baseline" brings back 100 hours and its total', async () => {
      const restored = await history.restore('Baseline');
      await expect(restored.usageRow(1).getByLabel('Quantity')).toHaveValue('100');
      await expect(restored.statement.amount('Total')).toHaveText('₩43,670');
    });
  });

  test('a saved calculation can be renamed, and the name survives a reload', async ({
    gotoCalculator,
    gotoHistory,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.saveToHistory('Draft A');
    const history = await gotoHistory();
    await history.rename('Draft A', 'Final A');
    await expect(history.entry('Final A')).toBeVisible();
    await expect(history.entry('Draft A')).toHaveCount(0);
    await history.page.reload();
    await expect(history.entry('Final A')).toBeVisible();
  });

  test('deleting a saved calculation removes only it; deleting the last shows the empty state', async ({
    gotoCalculator,
    gotoHistory,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.saveToHistory('Keep');
    await calculator.fillUsageRow(1, { quantity: '5' });
    await calculator.saveToHistory('Drop');
    const history = await gotoHistory();
    await expect(history.entries).toHaveCount(2);
    await history.delete('Drop');
    await expect(history.entries).toHaveCount(1);
    await expect(history.entry('Keep')).toBeVisible();
    await history.delete('Keep');
    await expect(history.emptyState).toBeVisible();
  });

  test('two calculations compared side by side mark exactly the fields that differ', async ({
    gotoCalculator,
    gotoHistory,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.saveToHistory('Plain');
    await calculator.fillUsageRow(1, { quantity: '200' });
    await calculator.setContract({ discountRate: '10' });
    await expect(calculator.statement.amount('Total')).toHaveText('₩78,606');
    await calculator.saveToHistory('Discounted');
    const history = await gotoHistory();
    await history.compare('Plain', 'Discounted');
    await expect(history.comparisonRow('Total')).toContainText('₩43,670');
    await expect(history.comparisonRow('Total')).toContainText('₩78,606');
    await expect(history.differingFields()).toHaveText([
      /^Usage/,
      /^Discount rate/,
      /^Usage subtotal/,
      /^VAT/,
      /^Total/,
    ]);
    await expect(history.comparisonRow('Month')).toHaveAttribute('data-differs', 'false');
  });

  test('the comparison puts the baseline first and shows each difference as an amount and a percentage, also on a phone', {
    tag: ['@regression'],
    annotation: {
      type: 'issue',
      description:
        'issue 18, defect 7: the comparison had no difference columns and its actions were off-screen on phones',
    },
  }, async ({ gotoCalculator, gotoHistory, page }) => {
    const calculator = await gotoCalculator();
    await calculator.saveToHistory('Plain');
    await calculator.fillUsageRow(1, { quantity: '200' });
    await calculator.setContract({ discountRate: '10' });
    await expect(calculator.statement.amount('Total')).toHaveText('₩78,606');
    await calculator.saveToHistory('Discounted');
    const history = await gotoHistory();
    await history.compare('Plain', 'Discounted');

    await test.step('columns: field, baseline, candidate, difference, change', async () => {
      await expect(history.comparison.getByRole('columnheader')).toHaveText([
        'Field',
        'Baseline: Plain',
        'Candidate: Discounted',
        'Difference',
        'Change',
      ]);
    });
    await test.step('the total grew by ₩34,936, +80%; usage by 100 hours, +100%, on a row of its own', async () => {
      await expect(history.comparisonCells('Total')).toHaveText(['₩43,670', '₩78,606', '+₩34,936', '+80%']);
      await expect(
        history.comparisonCells('Usage: web · Compute c2 (8 vCPU, 8 GB memory) (hours)'),
      ).toHaveText(['100', '200', '+100', '+100%']);
    });
    await test.step('swapping makes Discounted the baseline: the differences change sign', async () => {
      await history.swapButton.click();
      await expect(history.comparisonCells('Total')).toHaveText(['₩78,606', '₩43,670', '-₩34,936', '-44.4%']);
    });
    await test.step('at 390 px the actions and the differences are on screen, with no sideways scrolling', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      const onScreen = [
        page.getByRole('button', { name: 'Restore “Plain”' }),
        page.getByRole('button', { name: 'Delete “Discounted”' }),
        history.swapButton,
        history.comparisonCells('Total').last(),
      ];
      for (const target of onScreen) {
        const box = await target.boundingBox();
        expect(box, 'laid out').not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      }
    });
  });
});
