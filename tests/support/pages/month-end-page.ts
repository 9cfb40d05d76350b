import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { MonthSelect } from './month-select';

/** The month-end batch (`/jobs`): choose a month and close it for every billing group. */
export class MonthEndPage extends AppShell {
  readonly month: MonthSelect;
  readonly startButton: Locator;
  readonly unfinishedWarning: Locator;

  constructor(page: Page) {
    super(page);
    const form = page.getByRole('form', { name: /^(Close the month for all groups|모든 그룹의 월 마감)$/ });
    this.month = new MonthSelect(form.getByRole('group', { name: /^(Month|청구 월)$/ }));
    this.startButton = form.getByRole('button', {
      name: /^(Close the month for all groups|모든 그룹의 월 마감)$/,
    });
    this.unfinishedWarning = form.getByText(/is not over yet|아직 끝나지 않은 달입니다/);
  }

  /** Starts the batch for `month` and follows it to the job's page. */
  async start(month: string): Promise<JobPage> {
    await this.month.choose(month);
    await this.startButton.click();
    await this.page.waitForURL(/\/jobs\/[^/]+$/);
    return new JobPage(this.page);
  }
}

/** One month-end job (`/jobs/{id}`): its progress, and each group that could not close. */
export class JobPage extends AppShell {
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly status: Locator;
  readonly failures: Locator;

  constructor(page: Page) {
    super(page);
    this.progress = page.getByRole('region', { name: /^(Progress|진행률)$/ });
    this.progressBar = this.progress.getByRole('progressbar');
    this.status = this.progress.locator('[data-status]');
    this.failures = page.getByRole('region', { name: /^(Failures|실패)$/ });
  }

  failedGroup(name: string): Locator {
    return this.failures.getByRole('listitem').filter({ has: this.page.getByRole('link', { name }) });
  }
}
