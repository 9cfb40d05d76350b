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
  /** Void, reissue and reconcile: the operator's section. */
  readonly operatorActions: Locator;
  readonly voidButton: Locator;
  /** The open confirmation (void or refund); closed dialogs are hidden. */
  readonly dialog: Locator;
  readonly dialogStatus: Locator;
  readonly dialogProblem: Locator;
  readonly reconcileButton: Locator;
  readonly reconcileVerdict: Locator;
  readonly reconcileProblem: Locator;
  /** The credit notes: their list and the form that adds one. */
  readonly creditNotes: Locator;
  readonly creditNoteNet: Locator;
  readonly creditNoteReason: Locator;
  readonly addCreditNoteButton: Locator;
  /** A statement of a group on a test clock: the group's "Simulated time: …" and its clock's link. */
  readonly simulatedTime: Locator;
  readonly testClockLink: Locator;

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
    this.operatorActions = page.getByRole('region', { name: /^(Operator actions|운영 작업)$/ });
    this.voidButton = this.operatorActions.getByRole('button', { name: /^(Void statement|청구서 무효화)$/ });
    this.dialog = page.getByRole('dialog');
    this.dialogStatus = this.dialog.getByRole('status');
    this.dialogProblem = this.dialog.getByRole('alert');
    this.reconcileButton = this.operatorActions.getByRole('button', { name: /^(Reconcile|대사 실행)$/ });
    const reconcile = this.operatorActions.getByRole('region', {
      name: /^(Reconcile with stored data|저장된 데이터와 대사)$/,
    });
    this.reconcileVerdict = reconcile.getByRole('status');
    this.creditNotes = page.getByRole('region', { name: /^(Credit notes|대변 전표)$/ });
    this.creditNoteNet = this.creditNotes.getByLabel(/^(Net amount|공급가액)/);
    this.creditNoteReason = this.creditNotes.getByLabel(/^(Reason|사유)$/);
    this.addCreditNoteButton = this.creditNotes.getByRole('button', {
      name: /^(Add credit note|대변 전표 추가)$/,
    });
    this.reconcileProblem = reconcile.getByRole('alert');
    this.simulatedTime = this.main.getByText(/^(Simulated time|시뮬레이션 시각): /);
    this.testClockLink = this.main.getByRole('link', { name: /^(Test clock|테스트 시계): / });
  }

  /** Adds a credit note through the form. */
  async addCreditNote(net: string, reason: string) {
    await this.creditNoteNet.fill(net);
    await this.creditNoteReason.fill(reason);
    await this.addCreditNoteButton.click();
  }

  fact(label: string): Locator {
    return this.facts.getByText(label, { exact: true }).locator('xpath=following-sibling::dd');
  }

  async pay({ amount, source = 'tok_success' }: { amount?: string; source?: SandboxSource } = {}) {
    if (amount !== undefined) await this.paymentAmount.fill(amount);
    await this.paymentSource.selectOption(source);
    await this.payButton.click();
  }

  /** Opens the void confirmation; `confirm` voids. */
  async voidStatement({ confirm = true }: { confirm?: boolean } = {}) {
    await this.voidButton.click();
    if (confirm) await this.dialog.getByRole('button', { name: /^(Void statement|청구서 무효화)$/ }).click();
  }

  /** After voiding: closes the month again from the same dialog. */
  async closeMonthAgain() {
    await this.dialog.getByRole('button', { name: /^(Close .* again|.* 다시 마감)$/ }).click();
  }

  refundButton(amount: string): Locator {
    return this.paymentList.getByRole('button', { name: `Refund ${amount}`, exact: true });
  }

  /** Opens the refund confirmation of the payment of `amount`; `confirm` refunds. */
  async refund(amount: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.refundButton(amount).click();
    if (confirm) await this.dialog.getByRole('button', { name: `Refund ${amount}`, exact: true }).click();
  }

  async downloadPdf(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadPdfLink.click();
    return download;
  }
}
