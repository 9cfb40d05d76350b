import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DateSelect, MonthSelect } from './month-select';
import { StatementPanel } from './statement-panel';

export interface UsageRowValues {
  counter?: string;
  quantity?: string;
  unit?: string;
  project?: string;
}

export interface AdjustmentValues {
  type?: 'Discount' | 'Surcharge';
  method?: 'Fixed amount' | 'Rate (%)';
  value: string;
  level?: 'Project' | 'Billing group';
  targetProject?: string;
}

export interface CreditValues {
  type?: 'Promotional' | 'Free' | 'Refund' | 'Paid';
  amount: string;
  priority?: string;
  expiresOn?: string;
}

/** The calculator (`/`): the input form on one side, the live statement on the other. */
export class CalculatorPage extends AppShell {
  readonly form: Locator;
  readonly status: Locator;
  readonly statement: StatementPanel;
  readonly emptyState: Locator;
  readonly invalidState: Locator;
  /** The last statement the inputs could produce, kept while they are invalid. */
  readonly staleStatement: Locator;
  readonly month: MonthSelect;
  readonly historyName: Locator;
  readonly saveButton: Locator;

  constructor(page: Page) {
    super(page);
    this.form = page.getByRole('form', { name: /^(Statement calculator|청구서 계산기)$/ });
    const statementSection = page.getByRole('region', { name: /^(Statement|청구서)$/ });
    this.status = statementSection.getByRole('status').first();
    this.statement = new StatementPanel(statementSection);
    this.emptyState = statementSection.getByText(/Add usage with a quantity|수량이 있는 사용량을/);
    this.invalidState = statementSection.getByRole('alert');
    this.staleStatement = statementSection.getByRole('region', {
      name: /^(Last good statement \(out of date\)|마지막으로 계산된 청구서 \(최신 아님\))$/,
    });
    this.month = new MonthSelect(this.form.getByRole('group', { name: /^(Month|청구 월)$/ }));
    this.historyName = page.getByLabel(/^(Name for this calculation|이 계산의 이름)$/);
    this.saveButton = page.getByRole('button', { name: /^(Save to history|기록에 저장)$/ });
  }

  usageRow(n: number): Locator {
    return this.form.getByRole('group', { name: `Usage row ${n}`, exact: true });
  }

  adjustment(n: number): Locator {
    return this.form.getByRole('group', { name: `Adjustment ${n}`, exact: true });
  }

  credit(n: number): Locator {
    return this.form.getByRole('group', { name: `Credit grant ${n}`, exact: true });
  }

  /** Waits until the statement shown answers the latest input. */
  async waitUntilCalculated() {
    await this.status.filter({ hasText: /^(Statement up to date|청구서가 최신입니다)$/ }).waitFor();
  }

  async fillUsageRow(n: number, values: UsageRowValues) {
    const row = this.usageRow(n);
    if (values.counter) await row.getByLabel('Counter').selectOption(values.counter);
    if (values.unit) await row.getByLabel('Unit').selectOption(values.unit);
    if (values.project !== undefined) await row.getByLabel('Project').fill(values.project);
    if (values.quantity !== undefined) await row.getByLabel('Quantity').fill(values.quantity);
  }

  async addUsageRow(values: UsageRowValues) {
    await this.form.getByRole('button', { name: 'Add usage row' }).click();
    const rows = await this.form.getByRole('group', { name: /^Usage row \d+$/ }).count();
    await this.fillUsageRow(rows, values);
  }

  async removeUsageRow(n: number) {
    await this.form.getByRole('button', { name: `Remove usage row ${n}` }).click();
  }

  async setContract({ discountRate, minimumCharge }: { discountRate?: string; minimumCharge?: string }) {
    if (discountRate !== undefined) await this.form.getByLabel('Discount rate (%)').fill(discountRate);
    if (minimumCharge !== undefined) await this.form.getByLabel('Minimum charge').fill(minimumCharge);
  }

  async addAdjustment(values: AdjustmentValues) {
    await this.form.getByRole('button', { name: 'Add adjustment' }).click();
    const row = this.adjustment(await this.form.getByRole('group', { name: /^Adjustment \d+$/ }).count());
    if (values.type) await row.getByLabel('Type').selectOption({ label: values.type });
    if (values.method) await row.getByLabel('Method').selectOption({ label: values.method });
    if (values.level) await row.getByLabel('Level').selectOption({ label: values.level });
    if (values.targetProject !== undefined) await row.getByLabel('Target project').fill(values.targetProject);
    await row.getByLabel('Value').fill(values.value);
  }

  async addCredit(values: CreditValues) {
    await this.form.getByRole('button', { name: 'Add credit grant' }).click();
    const row = this.credit(await this.form.getByRole('group', { name: /^Credit grant \d+$/ }).count());
    if (values.type) await row.getByLabel('Credit type').selectOption({ label: values.type });
    if (values.priority !== undefined) await row.getByLabel('Priority').fill(values.priority);
    if (values.expiresOn !== undefined) {
      await new DateSelect(row.getByRole('group', { name: 'Expires on' })).chooseDay(values.expiresOn);
    }
    await row.getByLabel('Amount').fill(values.amount);
  }

  async setUnpaid({ amount, overdue }: { amount: string; overdue?: boolean }) {
    await this.form.getByLabel('Unpaid amount').fill(amount);
    if (overdue !== undefined)
      await this.form.getByLabel('The previous statement is overdue').setChecked(overdue);
  }

  async saveToHistory(name?: string) {
    await this.waitUntilCalculated();
    if (name) await this.historyName.fill(name);
    await this.saveButton.click();
  }
}
