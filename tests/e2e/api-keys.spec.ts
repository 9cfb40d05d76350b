import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/page-test';

type ApiKeyBody = Schemas['ApiKey'];

/**
 * The clipboard permissions each browser lets a test grant (an unknown one throws): Firefox has none
 * to give, WebKit only reading; a click is enough to write everywhere.
 */
const CLIPBOARD_PERMISSIONS: Record<'chromium' | 'firefox' | 'webkit', string[]> = {
  chromium: ['clipboard-read', 'clipboard-write'],
  firefox: [],
  webkit: ['clipboard-read'],
};

const DEFECT = { type: 'issue', description: 'issue 18, defect 10: API keys cannot be managed in the UI' };

test.describe('API keys: create (shown once), list, revoke', () => {
  test('a new key is shown in full once, with a warning and a copy button, and works', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ gotoApiKeys, api, dataName, context, baseURL, browserName, checkAccessibility }) => {
    const name = `${dataName}-export`;
    const keys = await gotoApiKeys();
    await expect(keys.navigation.getByRole('link', { name: 'API keys' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await checkAccessibility();

    await test.step('create a key with a rate limit', async () => {
      await keys.createKey({ name, rateLimit: '120' });
      await expect(keys.createdKey).toContainText('It will not be shown again');
    });
    const key = await keys.createdKeyInput.inputValue();
    await checkAccessibility();

    await test.step('copy it', async () => {
      const permissions = CLIPBOARD_PERMISSIONS[browserName];
      if (permissions.length > 0) {
        await context.grantPermissions(permissions, { origin: new URL(baseURL ?? '').origin });
      }
      await keys.copyButton.click();
      await expect(keys.createdKey.getByRole('status')).toHaveText('Copied to the clipboard.');
      // Firefox asks the person before a page may read the clipboard: there the status is the check.
      if (browserName !== 'firefox') {
        expect(await keys.page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
      }
    });

    const listed = await api.read<{ items: ApiKeyBody[] }>('/v1/api-keys?limit=100');
    const created = listed.items.find((item) => item.name === name);
    expect(created).toMatchObject({ rateLimitPerMinute: 120, revokedAt: null });
    expect(key.startsWith(created?.keyPrefix ?? '-')).toBe(true);
    const tenant = await api.get('/v1/tenant', { headers: { Authorization: `Bearer ${key}` } });
    expect(tenant.status()).toBe(200);

    await expect(keys.row(name)).toContainText(`${created?.keyPrefix}…`);
    await expect(keys.row(name)).toContainText('120 requests a minute');
    await expect(keys.row(name)).toContainText('Active');
    await test.step('after a reload the full key is nowhere on the page', async () => {
      await keys.page.reload();
      await expect(keys.list).toBeVisible();
      await expect(keys.createdKey).toHaveCount(0);
      expect(await keys.page.content()).not.toContain(key);
    });
  });

  test('revoking a key asks first, then the API refuses it and the list says revoked', {
    tag: ['@regression'],
    annotation: DEFECT,
  }, async ({ gotoApiKeys, api, dataName, checkAccessibility }) => {
    const name = `${dataName}-old`;
    const created = await api.create<ApiKeyBody & { key: string }>('/v1/api-keys', { name });
    const keys = await gotoApiKeys();
    await expect(keys.row(name)).toContainText('Active');
    await expect(keys.list).not.toContainText(created.key);

    await test.step('the confirmation says what revoking does; Escape keeps the key', async () => {
      await keys.revoke(name, { confirm: false });
      await expect(keys.dialog).toHaveAccessibleName(`Revoke the key “${name}”?`);
      await expect(keys.dialog).toHaveAccessibleDescription(
        `Programs using the key starting with ${created.keyPrefix} stop working at once: the API refuses it. This cannot be undone.`,
      );
      await checkAccessibility();
      await keys.page.keyboard.press('Escape');
      await expect(keys.dialog).toBeHidden();
    });

    await test.step('revoke it', async () => {
      await keys.revoke(name);
      await expect(keys.row(name)).toContainText('Revoked');
      await expect(keys.row(name).getByRole('button')).toHaveCount(0);
    });
    const listed = await api.read<{ items: ApiKeyBody[] }>('/v1/api-keys?limit=100');
    expect(listed.items.find((item) => item.id === created.id)?.revokedAt).not.toBeNull();
    const refused = await api.get('/v1/tenant', { headers: { Authorization: `Bearer ${created.key}` } });
    expect(refused.status()).toBe(401);
  });

  test('the key this session signs in with is marked, and revoking it warns of signing out', {
    annotation: DEFECT,
  }, async ({ gotoApiKeys, workerTenant, api }) => {
    const listed = await api.read<{ items: ApiKeyBody[] }>('/v1/api-keys?limit=100');
    const current = listed.items.find(
      (item) => !item.revokedAt && workerTenant.apiKey.startsWith(item.keyPrefix),
    );
    const keys = await gotoApiKeys();
    await expect(keys.row(current?.name ?? '-')).toContainText('Used by this session');
    await keys.revoke(current?.name ?? '-', { confirm: false });
    await expect(keys.dialog).toContainText(
      'This is the key you are signed in with: revoking it signs you out.',
    );
    await keys.page.keyboard.press('Escape');
  });
});
