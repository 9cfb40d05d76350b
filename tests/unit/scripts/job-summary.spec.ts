import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('the job summary adds the whole job wall time when told when the job started', async ({}, testInfo) => {
  const reportPath = testInfo.outputPath('results.json');
  writeFileSync(reportPath, JSON.stringify(REPORT));
  const summarize = (args: string[]) =>
    execFileSync(process.execPath, ['scripts/job-summary.mjs', '--report', reportPath, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: '' },
    });
  const tenMinutesAgo = String(Math.floor(Date.now() / 1000) - 600);

  expect(summarize(['--started-at', tenMinutesAgo])).toMatch(
    /in 1\.5 min \(wall time\)\.\n\nJob wall time: 10\.\d min \(setup, installs and tests\)\./,
  );
  // A job whose first step did not run (an empty variable): no job time, and no error.
  expect(summarize(['--started-at', ''])).not.toContain('Job wall time');
  expect(summarize([])).not.toContain('Job wall time');
});

test('the job summary of a run that wrote no report still gives the job wall time', async ({}, testInfo) => {
  const markdown = execFileSync(
    process.execPath,
    [
      'scripts/job-summary.mjs',
      '--report',
      testInfo.outputPath('none.json'),
      '--title',
      'Firefox and WebKit',
      '--started-at',
      String(Math.floor(Date.now() / 1000) - 120),
    ],
    { encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
  );

  expect(markdown).toContain('## Firefox and WebKit');
  expect(markdown).toContain('the run ended before writing one');
  expect(markdown).toMatch(/Job wall time: 2\.\d min/);
});

test('every workflow writes a job summary: the script above, or a line of its own', () => {
  const dir = '.github/workflows';
  const silent = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .filter(
      (name) =>
        !/job-summary\.mjs|coverage\.mjs|GITHUB_STEP_SUMMARY/.test(readFileSync(join(dir, name), 'utf8')),
    );
  expect(silent).toEqual([]);
});
