import { expect, test } from '../support/page-test';

test.describe('sign-in: an API key opens the tenant, and never reaches page scripts', () => {
  test('a valid key signs in, and the key lives only in an httpOnly cookie', { tag: ['@smoke'] }, async ({
    gotoSignIn,
    workerTenant,
    page,
    context,
  }) => {
    const signIn = await gotoSignIn();
    await signIn.signIn(workerTenant.apiKey);
    await expect(page).toHaveURL(/\/$/);
    await expect(signIn.navigation).toBeVisible();
    await test.step('the session cookie is httpOnly and invisible to document.cookie', async () => {
      const session = (await context.cookies()).find((cookie) => cookie.name === 'billing_session');
      expect(session?.httpOnly).toBe(true);
      expect(await page.evaluate<string>('document.cookie')).not.toContain(workerTenant.apiKey);
      expect(await page.content()).not.toContain(workerTenant.apiKey);
    });
  });

  test('a wrong key is rejected with a plain message and no session', async ({
    gotoSignIn,
    page,
    context,
  }) => {
    const signIn = await gotoSignIn();
    await signIn.signIn('bk_not-a-real-key');
    await expect(signIn.error).toHaveText('That API key was not accepted. Check it and try again.');
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('billing_session');
  });

  test('signing out ends the session: pages send the user back to sign in', async ({
    gotoCalculator,
    page,
  }) => {
    const calculator = await gotoCalculator();
    await calculator.signOut();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/billing-groups');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('without a session, a deep link leads to sign-in', async ({ page }) => {
    await page.goto('/statements/st_anything');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  });

  test('a key revoked after sign-in ends the session with an explanation', async ({
    api,
    dataName,
    signInAs,
    gotoCalculator,
    page,
  }) => {
    const created = await api.create<{ id: string; key: string }>('/v1/api-keys', {
      name: `${dataName}-key`,
      rateLimitPerMinute: 100_000,
    });
    await signInAs(created.key);
    await api.delete(`/v1/api-keys/${created.id}`);
    await gotoCalculator();
    await expect(page).toHaveURL(/\/sign-in\?reason=expired$/);
    await expect(page.getByText('Your session ended')).toBeVisible();
  });
});
