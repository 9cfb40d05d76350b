import { expect, test } from '../support/page-test';

test.describe('sign-in when the billing API misbehaves', () => {
  test('an unavailable API is said plainly and the key is not kept', async ({
    mockedApp,
    page,
    gotoSignIn,
    workerTenant,
  }) => {
    await mockedApp.useScenario({ name: 'unavailable', operationId: 'getCurrentTenant' });
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(signIn.error).toHaveText('The billing API does not answer. Is the edge running?');
    await expect(signIn.error).toHaveAttribute('role', 'alert');
    await expect(signIn.apiKey).toHaveAttribute('aria-invalid', 'true');
    await test.step('nothing was kept: the calculator still asks to sign in', async () => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
    });
  });

  test('a rate-limited key is told to wait, not that it was rejected', async ({
    mockedApp,
    gotoSignIn,
    workerTenant,
  }) => {
    await mockedApp.useScenario({ name: 'rate-limited', operationId: 'getCurrentTenant' });
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(signIn.error).toHaveText(
      'Too many requests with this API key right now. Wait a moment and sign in again.',
    );
  });

  test('an API that never answers ends in a message, not an endless spinner', async ({
    mockedApp,
    gotoSignIn,
    workerTenant,
  }) => {
    await mockedApp.useScenario({ name: 'timeout', operationId: 'getCurrentTenant' });
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(signIn.page.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    await expect(signIn.error).toHaveText(
      'The billing API does not answer. Is the edge running?',
      mockedApp.untilEdgeTimeout,
    );
    await expect(signIn.submitButton).toBeEnabled();
  });

  test('once the API answers again, the same key signs in', async ({
    mockedApp,
    page,
    gotoSignIn,
    workerTenant,
  }) => {
    await mockedApp.useScenario({ name: 'server-error', operationId: 'getCurrentTenant', times: 1 });
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(signIn.error).toBeVisible();
    await signIn.signIn(workerTenant.apiKey);
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await expect(signIn.heading()).toHaveText('Statement calculator');
  });
});
