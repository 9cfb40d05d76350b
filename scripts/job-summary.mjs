// Writes a run's summary for GitHub's job page from Playwright's JSON report: passed, failed, flaky and
// skipped per project, the wall time, the failed tests' titles, and which artifacts to open.
//   node scripts/job-summary.mjs [--report reports/results.json] [--title "Tests"] [--artifacts a,b]
//                                [--started-at <epoch seconds>]
// `--started-at` (a job's first step: `date +%s`) adds the whole job's wall time, setup included,
// beside the test run's. Appends to $GITHUB_STEP_SUMMARY when it is set (on GitHub), else prints it.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    report: { type: 'string', default: 'reports/results.json' },
    title: { type: 'string', default: 'Tests' },
    artifacts: { type: 'string', default: '' },
    'started-at': { type: 'string', default: '' },
  },
});

/** The job's wall time so far, from `--started-at` (epoch seconds), or nothing without one. */
const startedAt = Number(options['started-at']);
const jobWallTime =
  options['started-at'] !== '' && Number.isFinite(startedAt) && startedAt > 0
    ? `Job wall time: ${((Date.now() - startedAt * 1000) / 60_000).toFixed(1)} min (setup, installs and tests).`
    : null;

/** Where the run's artifacts are: a link to the run on GitHub, else where to look. */
function artifactsPlace() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = process.env;
  return server && repository && run
    ? `[the run's Artifacts](${server}/${repository}/actions/runs/${run}#artifacts)`
    : "the run's Summary page, Artifacts";
}

const write = (markdown) =>
  process.env.GITHUB_STEP_SUMMARY
    ? appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`)
    : console.log(markdown);

if (!existsSync(options.report)) {
  const lines = [
    `## ${options.title}`,
    '',
    `No JSON report at \`${options.report}\`: the run ended before writing one.`,
  ];
  if (jobWallTime) lines.push('', jobWallTime);
  write(lines.join('\n'));
  process.exit(0);
}
const report = JSON.parse(readFileSync(options.report, 'utf8'));

/** Every test of the report, with its file and title path. */
function* testsOf(suite, path = []) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) yield { file: spec.file, titles: [...path, spec.title], test };
  }
  for (const child of suite.suites ?? []) yield* testsOf(child, child.title ? [...path, child.title] : path);
}

const projects = new Map();
const failed = [];
for (const top of report.suites ?? []) {
  for (const { file, titles, test } of testsOf(top)) {
    const counts = projects.get(test.projectName) ?? { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
    counts[test.status] = (counts[test.status] ?? 0) + 1;
    projects.set(test.projectName, counts);
    if (test.status === 'unexpected' || test.status === 'flaky') {
      failed.push(
        `- ${test.status === 'flaky' ? '(flaky) ' : ''}[${test.projectName}] ${file} › ${titles.join(' › ')}`,
      );
    }
  }
}

const { stats } = report;
const minutes = (stats.duration / 60_000).toFixed(1);
const lines = [
  `## ${options.title}`,
  '',
  `**${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped** in ${minutes} min (wall time).`,
  ...(jobWallTime ? ['', jobWallTime] : []),
  '',
  '| project | passed | failed | flaky | skipped |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...[...projects]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => `| ${name} | ${c.expected} | ${c.unexpected} | ${c.flaky} | ${c.skipped} |`),
];
if (failed.length > 0) {
  lines.push('', `### Failed (${failed.length})`, '', ...failed.slice(0, 50));
  if (failed.length > 50) lines.push(`- … and ${failed.length - 50} more`);
  lines.push(
    '',
    'Each failure keeps its trace: open it from the HTML report (`npx playwright show-report`).',
  );
}
const artifacts = options.artifacts.split(',').filter(Boolean);
if (artifacts.length > 0) {
  lines.push(
    '',
    `Artifacts of this run: ${artifacts.map((name) => `\`${name}\``).join(', ')} (${artifactsPlace()}).`,
  );
}
write(lines.join('\n'));
