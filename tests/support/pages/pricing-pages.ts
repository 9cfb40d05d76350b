import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** A read-only list of price books or contracts (`/price-books`, `/contracts`), each name a link. */
export class PricingListPage extends AppShell {
  readonly list: Locator;

  constructor(page: Page, name: RegExp) {
    super(page);
    this.list = page.getByRole('table', { name });
  }

  row(name: string): Locator {
    return this.list.getByRole('row').filter({ hasText: name });
  }

  async open(name: string) {
    await this.list.getByRole('link', { name, exact: true }).click();
  }
}

/** One price book or contract, read only: its prices by product (`/price-books/{id}`, `/contracts/{id}`). */
export class PricingDetailPage extends AppShell {
  readonly prices: Locator;
  readonly terms: Locator;

  constructor(page: Page) {
    super(page);
    this.prices = page.locator('main').getByRole('table');
    this.terms = page.locator('main dl');
  }

  row(productName: string): Locator {
    return this.prices.getByRole('row').filter({ hasText: productName });
  }

  term(label: string): Locator {
    return this.terms.getByText(label, { exact: true }).locator('xpath=following-sibling::dd');
  }
}
