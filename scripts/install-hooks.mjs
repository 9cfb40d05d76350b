// `npm install`'s prepare step: installs the git hooks in .husky/ (pre-commit: Biome and secretlint
// on the staged files through lint-staged; pre-push: type checks), except in CI, outside a git
// checkout (an npm pack, a Docker build) or with HUSKY=0. Never fails an install over hooks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skip = process.env.CI === 'true' || process.env.HUSKY === '0' || !existsSync('.git');
if (!skip) {
  const installed = spawnSync('npx', ['husky'], { stdio: 'inherit' });
  if (installed.status !== 0) console.warn('[hooks] husky failed; the git hooks are not installed');
}
