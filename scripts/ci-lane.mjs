// Decides which lane a CI run takes and writes `lane=quick|full` to $GITHUB_OUTPUT (else prints it).
//   node scripts/ci-lane.mjs
// Quick (pull requests): checks, `npm run test:quick`, and the browser tiers' @smoke tests. Full: every
// tier, sharded, on pushes to main, on a manual run, and on a pull request labelled `full-test` or
// titled with `[full-test]`: a change that wants the whole suite before it lands asks for it.
import { appendFileSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The lane for a GitHub event: its name and its payload (`$GITHUB_EVENT_PATH`). */
export function laneOf(eventName, event) {
  if (eventName !== 'pull_request') return 'full';
  const pullRequest = event?.pull_request ?? {};
  const labelled = (pullRequest.labels ?? []).some((label) => label?.name === 'full-test');
  const titled = /\[full-test\]/i.test(pullRequest.title ?? '');
  // A label other than full-test, or an edit that does not retitle the pull request [full-test],
  // changes nothing to test: the run skips every job (and, by its concurrency group, cancels none).
  if (event?.action === 'labeled' && event.label?.name !== 'full-test') return 'skip';
  if (event?.action === 'edited' && !(event.changes?.title && titled)) return 'skip';
  return labelled || titled ? 'full' : 'quick';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const eventName = process.env.GITHUB_EVENT_NAME ?? 'push';
  const event = process.env.GITHUB_EVENT_PATH
    ? JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
    : {};
  const lane = laneOf(eventName, event);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `lane=${lane}\n`);
  else console.log(`lane=${lane}`);
}
