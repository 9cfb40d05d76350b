import type { BrowserContext, Cookie } from '../support/page-test';
import { expect, test } from '../support/page-test';

/**
 * The session cookie seals the API key (iron: encrypted and signed, with its expiry inside), so the
 * browser holds nothing it could read, change or keep using after signing out.
 */

const SESSION_COOKIE = 'billing_session';
/** The app's default session length (app/src/lib/session-cookie.ts): 8 hours. */
const SESSION_SECONDS = 8 * 60 * 60;

async function sessionCookie(context: BrowserContext): Promise<Cookie | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The same cookie with one character of its sealed value changed. */
function tampered(cookie: Cookie): Cookie {
  const at = Math.floor(cookie.value.length / 2);
  const changed = cookie.value[at] === 'A' ? 'B' : 'A';
  return { ...cookie, value: `${cookie.value.slice(0, at)}${changed}${cookie.value.slice(at + 1)}` };
}

test.describe('the session cookie: sealed, expiring, and ended by signing out', () => {
  test('signing in keeps a sealed session: the key is nowhere in the cookie, which is httpOnly, same-site and expires', {
    tag: ['@smoke'],
  }, async ({ gotoSignIn, workerTenant, page, context }) => {
    const signIn = await gotoSignIn();
    const signedIn = page.waitForResponse(
      async (response) =>
        response.request().method() === 'POST' &&
        ((await response.headerValue('set-cookie')) ?? '').includes(`${SESSION_COOKIE}=`),
    );
    await signIn.signIn(workerTenant.apiKey);
    const setCookie = (await (await signedIn).headerValue('set-cookie')) ?? '';
    await expect(signIn.navigation).toBeVisible();
    const cookie = await sessionCookie(context);

    await test.step('the value is a seal: neither the key nor an encoding of it', async () => {
      expect(cookie?.value).toBeTruthy();
      for (const encoded of [
        workerTenant.apiKey,
        Buffer.from(workerTenant.apiKey).toString('base64'),
        Buffer.from(workerTenant.apiKey).toString('base64url'),
        encodeURIComponent(workerTenant.apiKey),
      ]) {
        expect(cookie?.value).not.toContain(encoded);
        expect(setCookie).not.toContain(encoded);
      }
    });
    await test.step('httpOnly, SameSite=Lax, and gone within the session length', async () => {
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
      expect(setCookie).toMatch(/;\s*(Max-Age|Expires)=/i);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      const nowSeconds = Date.now() / 1000;
      expect(cookie?.expires).toBeGreaterThan(nowSeconds);
      expect(cookie?.expires).toBeLessThanOrEqual(nowSeconds + SESSION_SECONDS + 60);
    });
  });

  test('a tampered session cookie means signed out: sign-in, not an error', async ({
    gotoCalculator,
    page,
    context,
  }) => {
    await gotoCalculator();
    const cookie = await sessionCookie(context);
    if (!cookie) throw new Error('signing in left no session cookie');
    await context.addCookies([tampered(cookie)]);
    await page.goto('/billing-groups');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    expect(await sessionCookie(context)).toBeUndefined();
  });

  test('a bare API key in the session cookie does not sign in', async ({
    workerTenant,
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: workerTenant.apiKey,
        url: baseURL ?? '',
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    await page.goto('/billing-groups');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  });

  test('signing out ends the session: its cookie, sent again afterwards, does not sign in', async ({
    gotoCalculator,
    page,
    context,
  }) => {
    const calculator = await gotoCalculator();
    const cookie = await sessionCookie(context);
    if (!cookie) throw new Error('signing in left no session cookie');
    await calculator.signOut();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await sessionCookie(context)).toBeUndefined();

    await test.step('the signed-out cookie, replayed, leads to sign-in', async () => {
      await context.addCookies([cookie]);
      await page.goto('/billing-groups');
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(calculator.navigation).toBeHidden();
    });
  });
});
