import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

const isCI = Boolean(process.env.CI);

/**
 * One Chromium for every browser project: an explicit override, else Playwright's own download when
 * present, else Debian's package (`npx playwright install` cannot download on these machines).
 */
function resolveChromium(): string | undefined {
  const override = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (override) return override;
  if (existsSync(chromium.executablePath())) return undefined;
  return '/usr/bin/chromium';
}

export const chromiumExecutable = resolveChromium();

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: isCI,
  // One retry on CI exposes flakes; `failOnFlakyTests` then turns a pass-on-retry into a red run.
  retries: isCI ? 1 : 0,
  failOnFlakyTests: isCI,
  workers: Number(process.env.PW_WORKERS ?? 2),
  outputDir: 'test-results',
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'reports/results.json' }],
    ['allure-playwright', { resultsDir: 'allure-results' }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumExecutable },
  },
  projects: [
    {
      name: 'unit',
      testDir: './tests/unit',
    },
  ],
});
