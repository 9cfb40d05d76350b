import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, type TestInfo, test } from '../../support/api-test';
import { baselineBrowserMismatch } from '../../support/visual';

type UpdateSnapshots = TestInfo['config']['updateSnapshots'];

/** A page of `browserName` at `version`: all `baselineBrowserMismatch` asks of it. */
function pageOf(browserName: 'chromium' | 'firefox' | 'webkit', version: string): Page {
  const browser = { version: () => version, browserType: () => ({ name: () => browserName }) };
  return { context: () => ({ browser: () => browser }) } as unknown as Page;
}

/** A project whose baselines live under `testDir`, in a run with `updateSnapshots`. */
function testInfoOf(testDir: string, updateSnapshots: UpdateSnapshots): TestInfo {
  mkdirSync(join(testDir, '__screenshots__'), { recursive: true });
  return { project: { testDir }, config: { updateSnapshots } } as unknown as TestInfo;
}

const recordOf = (testDir: string) => join(testDir, '__screenshots__', 'chromium-version.txt');

test.describe('visual baselines: pixels are compared on the Chromium that drew them only', () => {
  test('the Chromium that drew the baselines compares them', async ({}, testInfo) => {
    const dir = testInfo.outputPath('same');
    const info = testInfoOf(dir, 'missing');
    writeFileSync(recordOf(dir), '156.0.8078.129\n');

    expect(baselineBrowserMismatch(pageOf('chromium', '156.0.8078.129'), info)).toBeNull();
  });

  test('another Chromium build leaves the comparison out and says how to retake them', async ({}, testInfo) => {
    const dir = testInfo.outputPath('other-build');
    const info = testInfoOf(dir, 'missing');
    writeFileSync(recordOf(dir), '156.0.8078.129\n');

    const reason = baselineBrowserMismatch(pageOf('chromium', '157.0.1.2'), info);

    expect(reason).toContain('drawn by Chromium 156.0.8078.129');
    expect(reason).toContain('--update-snapshots');
  });

  for (const browserName of ['firefox', 'webkit'] as const) {
    test(`${browserName} never compares, whatever the record says`, async ({}, testInfo) => {
      const dir = testInfo.outputPath(browserName);
      const info = testInfoOf(dir, 'missing');

      expect(baselineBrowserMismatch(pageOf(browserName, '140.0'), info)).toBe(
        `the baselines are Chromium's and this run's browser is ${browserName} 140.0: pixels are compared on Chromium only`,
      );
      writeFileSync(recordOf(dir), '140.0\n');
      expect(baselineBrowserMismatch(pageOf(browserName, '140.0'), info)).toContain('Chromium only');
    });

    test(`${browserName} under --update-snapshots records nothing`, async ({}, testInfo) => {
      const dir = testInfo.outputPath(`${browserName}-update`);
      const info = testInfoOf(dir, 'all');

      expect(baselineBrowserMismatch(pageOf(browserName, '140.0'), info)).toContain('Chromium only');
      expect(existsSync(recordOf(dir))).toBe(false);
    });
  }

  test('Chromium under --update-snapshots records its build and compares', async ({}, testInfo) => {
    const dir = testInfo.outputPath('chromium-update');
    const info = testInfoOf(dir, 'changed');

    expect(baselineBrowserMismatch(pageOf('chromium', '157.0.1.2'), info)).toBeNull();
    expect(readFileSync(recordOf(dir), 'utf8')).toBe('157.0.1.2\n');
  });
});
