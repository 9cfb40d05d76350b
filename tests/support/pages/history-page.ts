import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { CalculatorPage } from './calculator-page';

/** Saved calculations (`/history`): restore, rename, delete, and compare two side by side. */
export class HistoryPage extends AppShell {
  readonly entries: Locator;
  readonly emptyState: Locator;
  readonly comparison: Locator;
  readonly swapButton: Locator;

  constructor(page: Page) {
    super(page);
    this.entries = this.main
      .getByRole('table')
      .first()
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox') });
    this.emptyState = this.main.getByText(/^(Nothing saved yet|아직 저장된 계산이 없습니다)/);
    this.comparison = page.getByRole('region', { name: /^(Comparison|비교)$/ });
    this.swapButton = page.getByRole('button', {
      name: /^(Swap baseline and candidate|기준과 비교 대상 바꾸기)$/,
    });
  }

  entry(name: string): Locator {
    return this.entries.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Restores into the calculator, which it opens. */
  async restore(name: string): Promise<CalculatorPage> {
    await this.page.getByRole('button', { name: `Restore “${name}”` }).click();
    await this.page.waitForURL((url) => url.pathname === '/');
    return new CalculatorPage(this.page);
  }

  async rename(name: string, newName: string) {
    await this.page.getByRole('button', { name: `Rename “${name}”` }).click();
    await this.page.getByLabel(`New name for “${name}”`).fill(newName);
    await this.page.getByLabel(`New name for “${name}”`).press('Enter');
  }

  async delete(name: string) {
    await this.page.getByRole('button', { name: `Delete “${name}”` }).click();
  }

  async compare(first: string, second: string) {
    await this.page.getByRole('checkbox', { name: `Compare “${first}”` }).check();
    await this.page.getByRole('checkbox', { name: `Compare “${second}”` }).check();
  }

  /** A comparison row by its field label ("Total", "Usage", …). */
  comparisonRow(field: string): Locator {
    return this.comparison.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(field)}( differs)?$`) }),
    });
  }

  /** A comparison row's values: baseline, candidate, difference, change. */
  comparisonCells(field: string): Locator {
    return this.comparisonRow(field).getByRole('cell');
  }

  differingFields(): Locator {
    return this.comparison.locator('tr[data-differs="true"] th');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
