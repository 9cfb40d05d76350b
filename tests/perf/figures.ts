import type { TestInfo } from '@playwright/test';

/**
 * Puts a budget test's figures where its reader looks: an annotation per line in the HTML and
 * Allure reports, and the full measurement as a JSON attachment.
 */
export async function reportFigures(
  testInfo: TestInfo,
  lines: readonly string[],
  measurement: unknown,
): Promise<void> {
  for (const line of lines) testInfo.annotations.push({ type: 'figure', description: line });
  await testInfo.attach('measurement', {
    body: JSON.stringify(measurement, null, 2),
    contentType: 'application/json',
  });
}
