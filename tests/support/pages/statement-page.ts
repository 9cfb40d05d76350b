import type { Download, Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { StatementPanel } from './statement-panel';

export type SandboxSource =
  | 'tok_success'
  | 'tok_declined'
  | 'tok_insufficient_funds'
  | 'tok_expired_card'
  | 'tok_pending'
  | 'tok_provider_error';

/** A closed statement (`/statements/{id}`): its figures, state, payments and PDF. */
export class StatementPage extends AppShell {
  readonly details: StatementPanel;
  readonly state: Locator;
  readonly facts: Locator;
  readonly payments: Locator;
  readonly paymentAmount: Locator;
  readonly paymentSource: Locator;
  readonly payButton: Locator;
  readonly paymentOutcome: Locator;
  readonly paymentList: Locator;
  readonly downloadPdfLink: Locator;

  constructor(page: Page) {
    super(page);
    this.details = new StatementPanel(page.getByRole('region', { name: /^(Line items|청구 항목)$/ }));
    this.state = this.heading().locator('[data-state]');
    this.facts = page.getByRole('region', { name: /^(State|상태)$/ });
    this.payments = page.getByRole('region', { name: /^(Payments|결제)$/ });
    this.paymentAmount = this.payments.getByLabel(/^(Amount|금액)/);
    this.paymentSource = this.payments.getByLabel(/^(Payment source|결제 수단)/);
    this.payButton = this.payments.getByRole('button', { name: /^(Pay|결제|Paying…|결제 중…)/ });
    this.paymentOutcome = this.payments.locator('[role="status"], [role="alert"]');
    this.paymentList = this.payments.getByRole('table');
    this.downloadPdfLink = page.getByRole('link', { name: /^(Download PDF|PDF 다운로드)$/ });
  }

  fact(label: string): Locator {
    return this.facts.getByText(label, { exact: true }).locator('xpath=following-sibling::dd');
  }

  async pay({ amount, source = 'tok_success' }: { amount?: string; source?: SandboxSource } = {}) {
    if (amount !== undefined) await this.paymentAmount.fill(amount);
    await this.paymentSource.selectOption(source);
    await this.payButton.click();
  }

  async downloadPdf(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadPdfLink.click();
    return download;
  }
}
