// Prints `N passed, N failed` (and `, N skipped` when any) from Playwright's JSON report.
// A flaky test, one that passed only on retry, is counted as failed and fails the run.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'reports/results.json';
const { stats } = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = stats.expected;
const failed = stats.unexpected + stats.flaky;
const skipped = stats.skipped;

if (stats.flaky > 0) console.log(`${stats.flaky} flaky test(s) passed only on retry: counted as failed`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
