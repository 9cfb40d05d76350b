import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** Usage from a CSV file into a billing group (`/billing-groups/{id}/import`), a verdict per row. */
export class UsageImportPage extends AppShell {
  readonly fileInput: Locator;
  readonly importButton: Locator;
  readonly summary: Locator;
  readonly results: Locator;
  readonly fileProblem: Locator;

  constructor(page: Page) {
    super(page);
    this.fileInput = page.getByLabel(/^(CSV file|CSV 파일)$/);
    this.importButton = page.getByRole('button', { name: /^(Import|가져오기|Importing…)$/ });
    const results = page.getByRole('region', { name: /^(Verdict per row|행별 결과)$/ });
    this.summary = results.getByRole('status');
    this.results = results.getByRole('table');
    this.fileProblem = this.main.getByRole('alert');
  }

  row(line: number): Locator {
    return this.results
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: `Row ${line}`, exact: true }) });
  }

  async importCsv(csv: string, name = 'usage.csv') {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.importButton.click();
  }
}
