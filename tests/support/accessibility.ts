import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './matchers';

/**
 * axe-core's minified build: the page parses 0.65 MB per scan instead of the 1.5 MB of the
 * unminified one that `@axe-core/playwright` injects by default.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The time each accessibility scan adds to its test's timeout. */
const AXE_SCAN_BUDGET_MS = 30_000;

/**
 * An axe scan of the page as it is now (dialogs open included): no serious or critical finding.
 * The findings are attached to the test in full, and listed by rule and element in the failure.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo): Promise<void> {
  // A full axe scan is seconds of CPU, and far more when 4 workers share 2 cores (30 s timeouts
  // were seen): each scan brings its own time instead of eating the test's.
  testInfo.setTimeout(testInfo.timeout + AXE_SCAN_BUDGET_MS);
  // Legacy mode runs axe.run() in the page, where the default runs it in parts and finishes in a
  // new blank page: the app has no cross-origin frame, the one thing only the default would scan.
  // Only the violations are processed in full (every node, its selector and HTML): the scan fails on
  // nothing else, and the passes of a whole page, each with its nodes, are most of what axe would
  // otherwise build and send back.
  const results = await new AxeBuilder({ page, axeSource: AXE_SOURCE })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  const blocking = results.violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
  if (blocking.length > 0) {
    await testInfo.attach('axe violations', {
      body: JSON.stringify(blocking, null, 2),
      contentType: 'application/json',
    });
  }
  expect(
    blocking.map(
      ({ id, impact, nodes }) => `${impact} ${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
