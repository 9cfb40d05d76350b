import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The billing groups list (`/billing-groups`) and its create form. */
export class BillingGroupsPage extends AppShell {
  readonly list: Locator;
  readonly emptyState: Locator;
  readonly createForm: Locator;

  constructor(page: Page) {
    super(page);
    this.list = this.main.getByRole('table');
    this.emptyState = this.main.getByText(/^(No billing groups yet|아직 빌링 그룹이 없습니다)/);
    this.createForm = page.getByRole('region', { name: /^(New billing group|새 빌링 그룹)$/ });
  }

  groupLink(name: string): Locator {
    return this.list.getByRole('link', { name, exact: true });
  }

  /** The optional test clock a new group lives on, "None: real time" first. */
  get testClockSelect(): Locator {
    return this.createForm.getByRole('combobox', {
      name: /^(Test clock \(optional\)|테스트 시계 \(선택\))$/,
    });
  }

  /** `testClock`: the clock's option as the select words it ("January (Jan 10, 2026, 12:00 AM UTC)"). */
  async create(
    name: string,
    currency = 'KRW',
    { autoClose = false, testClock }: { autoClose?: boolean; testClock?: string } = {},
  ) {
    await this.createForm.getByLabel('Name').fill(name);
    await this.createForm.getByLabel('Currency').selectOption(currency);
    await this.createForm.getByLabel('Close each month automatically').setChecked(autoClose);
    if (testClock !== undefined) await this.testClockSelect.selectOption({ label: testClock });
    await this.createForm.getByRole('button', { name: 'Create billing group' }).click();
  }
}
