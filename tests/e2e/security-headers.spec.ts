import type { Response } from '../support/page-test';
import { expect, test } from '../support/page-test';

/**
 * Every page of the app answers with the browser security headers (app/next.config.ts), and the
 * pages still work under its Content-Security-Policy: nothing they load is refused.
 */

/** What each header must say, and why. */
const SECURITY_HEADERS: Record<string, (value: string | null) => boolean> = {
  // Only this origin's scripts, styles, images and requests; no plugins; never framed.
  'content-security-policy': (value) =>
    ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'"].every(
      (directive) => value?.split(/;\s*/).includes(directive),
    ),
  // The browser never guesses a response is HTML or script.
  'x-content-type-options': (value) => value === 'nosniff',
  // No page path (statement and group ids) leaks to another site through the Referer.
  'referrer-policy': (value) => value === 'no-referrer' || value === 'strict-origin-when-cross-origin',
  // No framing by another site (clickjacking), for browsers older than frame-ancestors.
  'x-frame-options': (value) => value === 'DENY',
  // No camera, microphone or location for a billing page.
  'permissions-policy': (value) => Boolean(value?.includes('camera=()') && value.includes('geolocation=()')),
  // Nothing names the framework.
  'x-powered-by': (value) => value === null,
};

async function headerDefects(response: Response | null): Promise<string[]> {
  if (!response) return ['no response'];
  const headers = await response.allHeaders();
  return Object.entries(SECURITY_HEADERS)
    .filter(([name, isRight]) => !isRight(headers[name] ?? null))
    .map(([name]) => `${name}: ${headers[name] ?? '(missing)'}`);
}

test.describe('the web app’s security headers', () => {
  test('the sign-in page and a signed-in page carry every security header', async ({
    page,
    signInAs,
    workerTenant,
  }) => {
    expect(await headerDefects(await page.goto('/sign-in'))).toEqual([]);
    await signInAs(workerTenant.apiKey);
    expect(await headerDefects(await page.goto('/billing-groups'))).toEqual([]);
  });

  test('the pages work under the policy: nothing is refused while signing in and using the calculator', async ({
    gotoSignIn,
    gotoCalculator,
    workerTenant,
    page,
  }) => {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(signIn.navigation).toBeVisible();
    await test.step('the calculator hydrates and reprices as the user types', async () => {
      const calculator = await gotoCalculator();
      await calculator.fillUsageRow(1, { quantity: '250' });
      await expect(calculator.statement.amount('Total')).toHaveText('₩109,175');
    });
    expect(refusals).toEqual([]);
  });
});
