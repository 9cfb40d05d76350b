// `npm run test:security [-- <playwright args>]`: the security tier, then, when the whole tier ran
// and passed, the figures table of tests/security/README.md rewritten from its summary
// (scripts/security-readme.mjs). Arguments go to Playwright (`-- --grep fuzz`, a file); a run they
// narrow leaves the README's figures alone, since they quote the whole tier.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
const run = spawnSync(process.execPath, [playwright, 'test', '--project=security', ...args], {
  stdio: 'inherit',
});
const status = run.status ?? 1;
if (status !== 0) process.exit(status);
if (args.length > 0) {
  console.log(`tests/security/README.md left as it was: this run had arguments (${args.join(' ')})`);
  process.exit(0);
}
const readme = spawnSync(process.execPath, ['scripts/security-readme.mjs'], { stdio: 'inherit' });
process.exit(readme.status ?? 1);
