import { defineConfig } from 'allure';

/** Allure Report 3: `npm run report` builds allure-report/ from allure-results/ (see scripts/report.mjs). */
export default defineConfig({
  name: 'Billing platform tests',
  output: './allure-report',
  // Trend history, carried from one report to the next (CI keeps it as an artifact).
  historyPath: './allure-history/history.jsonl',
  plugins: {
    awesome: {
      options: {
        reportName: 'Billing platform tests',
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
