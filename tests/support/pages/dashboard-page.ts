import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { StatementPanel } from './statement-panel';

/** One billing group's month (`/billing-groups/{id}`): usage, draft, adjustments, credits, statements. */
export class DashboardPage extends AppShell {
  readonly usage: Locator;
  readonly draft: StatementPanel;
  readonly draftSection: Locator;
  readonly adjustments: Locator;
  readonly wallet: Locator;
  readonly statements: Locator;
  readonly closeDialog: Locator;
  /** Inside the dialog: the warning that the month has not ended yet. */
  readonly unfinishedMonthWarning: Locator;
  /** Inside the dialog, after confirming: "Closing…", then the issued statement's number and total. */
  readonly closeStatus: Locator;

  constructor(page: Page) {
    super(page);
    this.usage = page.getByRole('region', { name: /^(Usage this month|이번 달 사용량)/ });
    this.draftSection = page.getByRole('region', { name: /^(Draft statement|청구서 초안)/ });
    this.draft = new StatementPanel(this.draftSection);
    this.adjustments = page.getByRole('region', { name: /^(Adjustments|조정) \(/ });
    this.wallet = page.getByRole('region', { name: /^(Credit wallet|크레딧 지갑)$/ });
    this.statements = page.getByRole('region', { name: /^(Statements|청구서)$/ });
    this.closeDialog = page.getByRole('dialog');
    this.unfinishedMonthWarning = this.closeDialog.getByText(
      /^(This month is not over yet|아직 끝나지 않은 달입니다)$/,
    );
    this.closeStatus = this.closeDialog.getByRole('status');
  }

  usageChart(by: 'By counter' | 'By project'): Locator {
    return this.usage.getByRole('figure', { name: by });
  }

  closeMonthButton(month: string): Locator {
    return this.page.getByRole('button', { name: `Close ${month}` });
  }

  async addAdjustment(values: {
    type?: string;
    method?: string;
    value: string;
    level?: string;
    target?: string;
  }) {
    const form = this.adjustments.getByRole('form', { name: 'Add adjustment' });
    if (values.type) await form.getByLabel('Type').selectOption({ label: values.type });
    if (values.method) await form.getByLabel('Method').selectOption({ label: values.method });
    if (values.level) await form.getByLabel('Level').selectOption({ label: values.level });
    if (values.target) await form.getByLabel('Target project').fill(values.target);
    await form.getByLabel('Value').fill(values.value);
    await form.getByRole('button', { name: 'Add adjustment' }).click();
  }

  async grantCredit(values: { type?: string; amount: string; priority?: string; name?: string }) {
    const form = this.wallet.getByRole('form', { name: 'Grant credit' });
    if (values.type) await form.getByLabel('Credit type').selectOption({ label: values.type });
    if (values.priority) await form.getByLabel('Priority').fill(values.priority);
    if (values.name) await form.getByLabel('Name').fill(values.name);
    await form.getByLabel('Amount').fill(values.amount);
    await form.getByRole('button', { name: 'Grant credit' }).click();
  }

  /** Confirms in the dialog; the dialog then shows the issued statement (`closeStatus`). */
  async closeMonth(month: string) {
    await this.closeMonthButton(month).click();
    await this.closeDialog.getByRole('button', { name: 'Close month' }).click();
  }

  async openIssuedStatement() {
    await this.closeDialog.getByRole('link', { name: /^(View statement|청구서 보기)$/ }).click();
  }
}
