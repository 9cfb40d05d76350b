import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '../../support/api-test';

/** A Playwright JSON report in miniature: one file, two projects, one failure and one flaky test. */
const REPORT = {
  stats: { expected: 2, unexpected: 1, flaky: 1, skipped: 0, duration: 90_000 },
  suites: [
    {
      title: 'close.spec.ts',
      specs: [],
      suites: [
        {
          title: 'close-month',
          suites: [],
          specs: [
            {
              title: 'closes once',
              file: 'close.spec.ts',
              tests: [
                { projectName: 'integration', status: 'expected' },
                { projectName: 'e2e', status: 'unexpected' },
              ],
            },
            {
              title: 'resumes',
              file: 'close.spec.ts',
              tests: [
                { projectName: 'integration', status: 'expected' },
                { projectName: 'e2e', status: 'flaky' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

test('the job summary counts each project and names the failed and flaky tests', async ({}, testInfo) => {
  const reportPath = testInfo.outputPath('results.json');
  writeFileSync(reportPath, JSON.stringify(REPORT));

  const markdown = execFileSync(
    process.execPath,
    [
      'scripts/job-summary.mjs',
      '--report',
      reportPath,
      '--title',
      'CI tests',
      '--artifacts',
      'playwright-report',
    ],
    { encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
  );

  expect(markdown).toContain('**2 passed, 1 failed, 1 flaky, 0 skipped** in 1.5 min (wall time).');
  expect(markdown).toContain('| e2e | 0 | 1 | 1 | 0 |');
  expect(markdown).toContain('| integration | 2 | 0 | 0 | 0 |');
  expect(markdown).toContain('- [e2e] close.spec.ts › close-month › closes once');
  expect(markdown).toContain('- (flaky) [e2e] close.spec.ts › close-month › resumes');
  expect(markdown).toContain('`playwright-report`');
});
