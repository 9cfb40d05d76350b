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

/**
 * The form that makes a new price book or contract (`/price-books/{id}/new-version`, `/contracts/new`):
 * a fieldset per counter priced, each with its pricing model, unit price or tiers.
 */
export class PricingEditorPage extends AppShell {
  readonly form: Locator;
  readonly name: Locator;
  readonly alert: Locator;

  constructor(page: Page) {
    super(page);
    this.form = page.getByRole('form', { name: /^(New price book|New contract|새 가격표|새 계약)$/ });
    this.name = this.form.getByLabel(/^(Name|이름)$/);
    this.alert = this.form.getByRole('alert');
  }

  /** The fieldset of one counter ("Compute c2 (8 vCPU, 8 GB memory)") or replaced price ("Replaced price 1"). */
  entry(legend: string): Locator {
    return this.form.getByRole('group', { name: legend, exact: true });
  }

  /** Tier `n` (from 1) of an entry's tiers, named "Tier 2: from 100". */
  tier(entry: Locator, n: number): Locator {
    return entry.getByRole('group', { name: new RegExp(`^(Tier ${n}: |${n}구간: )`) });
  }

  unitPrice(entry: Locator, tier?: number): Locator {
    return (tier === undefined ? entry : this.tier(entry, tier)).getByLabel(/^(Unit price|단가)$/);
  }

  tierUpperBound(entry: Locator, tier: number): Locator {
    return this.tier(entry, tier).getByLabel(/^(Up to \(not including\)|미만 \(상한\))$/);
  }

  async save() {
    await this.form.getByRole('button', { name: /^(Save as a new|새 .*로 저장)/ }).click();
  }
}
