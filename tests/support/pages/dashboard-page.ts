import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DateSelect } from './month-select';
import { formatMonth } from './months';
import { StatementPanel } from './statement-panel';

/** The billing-group page's sections, in the order of its links. */
export type DashboardSection = 'Overview' | 'Usage' | 'Credits' | 'Statements';

const SECTION_NAMES: Record<DashboardSection, RegExp> = {
  Overview: /^(Overview|개요)$/,
  Usage: /^(Usage|사용량)$/,
  Credits: /^(Credits|크레딧)$/,
  Statements: /^(Statements|청구서)$/,
};

/**
 * One billing group's month (`/billing-groups/{id}`), in sections: the overview (draft, the wallet
 * after it, adjustments), usage, credits and statements. Each locator below is in one section;
 * `show` opens it.
 */
export class DashboardPage extends AppShell {
  /** The links to the page's sections. */
  readonly sections: Locator;
  /** The month shown, picked from a list (applied on change). */
  readonly monthPicker: Locator;
  /** On the overview: credit now, used by the draft, and after it. */
  readonly projectedWallet: Locator;
  readonly usage: Locator;
  readonly draft: StatementPanel;
  readonly draftSection: Locator;
  readonly adjustments: Locator;
  /** On the overview: the group's budgets against the month, and the form that adds one. */
  readonly budgets: Locator;
  readonly wallet: Locator;
  readonly statements: Locator;
  readonly closeDialog: Locator;
  /** Inside the dialog: the warning that the month has not ended yet. */
  readonly unfinishedMonthWarning: Locator;
  /** Inside the dialog, after confirming: "Closing…", then the issued statement's number and total. */
  readonly closeStatus: Locator;
  /** A group on a test clock: "Simulated time: …", its now, beside its name. */
  readonly simulatedTime: Locator;
  /** A group on a test clock: the link to its clock ("Test clock: {name}"). */
  readonly testClockLink: Locator;

  constructor(page: Page) {
    super(page);
    this.sections = page.getByRole('navigation', {
      name: /^(Sections of this billing group|청구 그룹 메뉴)$/,
    });
    this.monthPicker = page.getByRole('combobox', { name: /^(Month|청구 월)$/ });
    this.projectedWallet = page.getByRole('region', {
      name: /^(Credit after this draft|이 초안 마감 후 크레딧)$/,
    });
    this.usage = page.getByRole('region', { name: /^(Usage|사용량) \(/ });
    this.draftSection = page.getByRole('region', { name: /^(Draft statement|청구서 초안)/ });
    this.draft = new StatementPanel(this.draftSection);
    this.adjustments = page.getByRole('region', { name: /^(Adjustments|조정) \(/ });
    this.budgets = page.getByRole('region', { name: /^(Budgets|예산) \(/ });
    this.wallet = page.getByRole('region', { name: /^(Credit wallet|크레딧 지갑)$/ });
    this.statements = page.getByRole('region', { name: /^(Statements|청구서)$/ });
    this.closeDialog = page.getByRole('dialog');
    this.unfinishedMonthWarning = this.closeDialog.getByText(
      /^(This month is not over yet|아직 끝나지 않은 달입니다)$/,
    );
    this.closeStatus = this.closeDialog.getByRole('status');
    this.simulatedTime = this.main.getByText(/^(Simulated time|시뮬레이션 시각): /);
    this.testClockLink = this.main.getByRole('link', { name: /^(Test clock|테스트 시계): / });
  }

  sectionLink(section: DashboardSection): Locator {
    return this.sections.getByRole('link', { name: SECTION_NAMES[section] });
  }

  /** Opens a section by its link, as a reader would, and waits until it is the current one. */
  async show(section: DashboardSection) {
    await this.sectionLink(section).click();
    await expect(this.sectionLink(section)).toHaveAttribute('aria-current', 'page');
  }

  usageChart(by: 'By counter' | 'By project'): Locator {
    return this.usage.getByRole('figure', { name: by });
  }

  /** The button that closes `month` (YYYY-MM), named by the month as the page says it ("Close March 2026"). */
  closeMonthButton(month: string): Locator {
    return this.page.getByRole('button', { name: `Close ${formatMonth(month)}` });
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

  async grantCredit(values: {
    type?: string;
    amount: string;
    priority?: string;
    name?: string;
    /** YYYY-MM-DD. */
    expiresOn?: string;
    lowBalanceThreshold?: string;
  }) {
    const form = this.wallet.getByRole('form', { name: 'Grant credit' });
    if (values.expiresOn) {
      await new DateSelect(form.getByRole('group', { name: 'Expires on' })).chooseDay(values.expiresOn);
    }
    if (values.type) await form.getByLabel('Credit type').selectOption({ label: values.type });
    if (values.priority) await form.getByLabel('Priority').fill(values.priority);
    if (values.name) await form.getByLabel('Name').fill(values.name);
    if (values.lowBalanceThreshold) {
      await form.getByLabel(/^Low-balance alert below/).fill(values.lowBalanceThreshold);
    }
    await form.getByLabel('Amount').fill(values.amount);
    await form.getByRole('button', { name: 'Grant credit' }).click();
  }

  /** One budget of the overview, by its name. */
  budget(name: string): Locator {
    return this.budgets.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { name, exact: true }),
    });
  }

  get budgetForm(): Locator {
    return this.budgets.getByRole('form', { name: /^(Add a budget|예산 추가)$/ });
  }

  /** Fills and sends the add-budget form; `counter` by its readable name, for a quantity budget. */
  async addBudget(values: {
    name: string;
    kind?: 'TOTAL' | 'QUANTITY';
    counter?: string;
    threshold: string;
  }) {
    const form = this.budgetForm;
    await form.getByLabel(/^(Name|이름)$/).fill(values.name);
    if (values.kind) await form.getByLabel(/^(Watches|지켜보는 값)$/).selectOption(values.kind);
    if (values.counter !== undefined) {
      await form.getByLabel(/^(Counter|카운터)$/).selectOption({ label: values.counter });
    }
    await form.getByLabel(/^(Threshold|기준)$/).fill(values.threshold);
    await form.getByRole('button', { name: /^(Add budget|예산 추가)$/ }).click();
  }

  /** Opens the delete confirmation of the budget `name`; `confirm` deletes. */
  async deleteBudget(name: string, { confirm = true }: { confirm?: boolean } = {}) {
    await this.budget(name)
      .getByRole('button', { name: new RegExp(`^(Delete budget|예산) ${name}( 삭제)?$`) })
      .click();
    if (confirm) await this.closeDialog.getByRole('button', { name: /^(Delete budget|예산 삭제)$/ }).click();
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
