// `npm run report`: builds the Allure 3 report of the last run (allure-results/ → allure-report/),
// offline: the template's Google Tag Manager script is removed. Fails when there is no report or
// it holds no test, so CI never publishes an empty one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = 'allure-results';
const reportDir = 'allure-report';

if (!existsSync(resultsDir) || readdirSync(resultsDir).length === 0) {
  console.error(`no Allure results in ${resultsDir}/: run the tests first (npm test)`);
  process.exit(1);
}
const generate = spawnSync('npx', ['allure', 'generate', resultsDir, '--output', reportDir], {
  stdio: 'inherit',
});
if (generate.status !== 0) process.exit(generate.status ?? 1);

// Third-party scripts in the template: an offline report must not call out to a tracker.
const TRACKER_SCRIPTS = [
  /<script[^>]*src="https:\/\/www\.googletagmanager\.com[^"]*"[^>]*><\/script>/g,
  /<script>[^<]*\bgtag\([\s\S]*?<\/script>/g,
];
for (const file of htmlFiles(reportDir)) {
  const html = readFileSync(file, 'utf8');
  const cleaned = TRACKER_SCRIPTS.reduce((text, pattern) => text.replace(pattern, ''), html);
  if (cleaned !== html) writeFileSync(file, cleaned);
  if (/googletagmanager|gtag\(/.test(cleaned)) {
    console.error(`${file} still loads a third-party script`);
    process.exit(1);
  }
}

const summaryPath = join(reportDir, 'summary.json');
const summary = existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')) : null;
const total = summary?.stats?.total ?? 0;
if (!existsSync(join(reportDir, 'index.html')) || total === 0) {
  console.error(`the Allure report in ${reportDir}/ is missing or empty`);
  process.exit(1);
}
const { passed = 0, failed = 0, broken = 0, skipped = 0 } = summary.stats;
console.log(
  `Allure report: ${total} tests (${passed} passed, ${failed} failed, ${broken} broken, ${skipped} skipped) in ${reportDir}/index.html`,
);

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}
