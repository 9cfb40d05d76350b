// `npm install`'s prepare step: installs the git hooks of lefthook.yml, except in CI, outside a git
// checkout (an npm pack, a Docker build) or with LEFTHOOK=0. Never fails an install over hooks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skip = process.env.CI === 'true' || process.env.LEFTHOOK === '0' || !existsSync('.git');
if (!skip) {
  const installed = spawnSync('npx', ['lefthook', 'install'], { stdio: 'inherit' });
  if (installed.status !== 0) console.warn('[hooks] lefthook install failed; commit hooks are not installed');
}
