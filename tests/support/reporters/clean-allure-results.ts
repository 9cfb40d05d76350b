import { rmSync } from 'node:fs';
import type { Reporter } from '@playwright/test/reporter';

/**
 * Empties allure-results/ when a run begins, so a report shows this run only (its trend history is
 * kept separately, in allure-history/). Listed before allure-playwright, which writes as tests end.
 */
export default class CleanAllureResults implements Reporter {
  constructor(private readonly options: { resultsDir: string }) {}

  onBegin(): void {
    rmSync(this.options.resultsDir, { recursive: true, force: true });
  }

  printsToStdio(): boolean {
    return false;
  }
}
