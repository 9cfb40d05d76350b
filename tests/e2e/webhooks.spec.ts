import type { Schemas } from '../support/api/schemas';
import {
  expectKoreanWordsUnbroken,
  expectNoClippedCells,
  expectNoOneCharacterLines,
} from '../support/layout-checks';
import { expect, test } from '../support/page-test';

type EndpointBody = Schemas['WebhookEndpoint'];
type CreatedEndpoint = EndpointBody & { secret: string };
type DeliveryBody = Schemas['WebhookDelivery'];

/** A month of the past, closed to make a `statement.closed` event. */
const MONTH = '2026-03';

const ISSUE = {
  type: 'issue',
  description: 'issue 21: webhooks in the UI (endpoints, deliveries, attempts)',
};

/**
 * The clipboard permissions each browser lets a test grant (an unknown one throws): Firefox has none
 * to give, WebKit only reading; a click is enough to write everywhere.
 */
const CLIPBOARD_PERMISSIONS: Record<'chromium' | 'firefox' | 'webkit', string[]> = {
  chromium: ['clipboard-read', 'clipboard-write'],
  firefox: [],
  webkit: ['clipboard-read'],
};

/** Every test signs in as a tenant of its own: its endpoints and events are the test's alone. */
test.describe('Webhooks: endpoints, the secret shown once, deliveries and attempts', {
  annotation: ISSUE,
}, () => {
  test('adding an endpoint: refusals beside their fields, then the secret once, with a copy button', async ({
    createTenant,
    signInAs,
    gotoWebhooks,
    webhookReceiver,
    context,
    baseURL,
    browserName,
    checkAccessibility,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const webhooks = await gotoWebhooks();
    await expect(webhooks.navigation.getByRole('link', { name: 'Webhooks' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(webhooks.list).toHaveCount(0);
    await expect(webhooks.main).toContainText('No webhook endpoints yet.');
    await checkAccessibility();

    await test.step('no event type chosen: said beside the event types', async () => {
      await webhooks.addEndpoint({ url: webhookReceiver.url, events: [] });
      const error = webhooks.eventTypes.getByText('Choose at least one event type, or all events.');
      await expect(error).toBeVisible();
      await expect(webhooks.allEvents).toHaveAttribute('aria-invalid', 'true');
      await expect(webhooks.allEvents).toBeFocused();
      await expect(webhooks.createdSecret).toHaveCount(0);
    });

    await test.step('a URL that may not receive webhooks: said beside the URL, focus on it', async () => {
      await webhooks.urlInput.fill('http://example.com/hooks');
      await webhooks.eventType('Statement closed').check();
      await webhooks.createButton.click();
      await expect(webhooks.urlInput).toHaveAttribute('aria-invalid', 'true');
      await expect(webhooks.urlInput).toBeFocused();
      await expect(webhooks.urlInput).toHaveAccessibleDescription(/^Enter an https URL to a public host/);
      // The other refusal is gone once its field is fixed.
      await expect(webhooks.allEvents).not.toHaveAttribute('aria-invalid', 'true');
      await checkAccessibility();
    });

    await test.step('a receiver on this machine (local development): added, its secret shown once', async () => {
      await webhooks.urlInput.fill(webhookReceiver.url);
      await webhooks.eventType('Payment failed').check();
      await webhooks.descriptionInput.fill('Finance system');
      await webhooks.createButton.click();
      await expect(webhooks.createdSecret).toContainText('shown only this once');
      await expect(webhooks.createdSecret).toBeFocused();
    });
    const secret = await webhooks.createdSecretInput.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await checkAccessibility();

    await test.step('copy it', async () => {
      const permissions = CLIPBOARD_PERMISSIONS[browserName];
      if (permissions.length > 0) {
        await context.grantPermissions(permissions, { origin: new URL(baseURL ?? '').origin });
      }
      await webhooks.copyButton.click();
      await expect(webhooks.createdSecret.getByRole('status')).toHaveText('Copied to the clipboard.');
      if (browserName !== 'firefox') {
        expect(await webhooks.page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
      }
    });

    const listed = await tenant.api.read<{ items: EndpointBody[] }>('/v1/webhook-endpoints');
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      url: webhookReceiver.url,
      description: 'Finance system',
      enabled: true,
    });
    expect([...(listed.items[0]?.eventTypes ?? [])].sort()).toEqual(['payment.failed', 'statement.closed']);
    const row = webhooks.row(webhookReceiver.url);
    await expect(row).toContainText('Statement closed');
    await expect(row).toContainText('Payment failed');
    await expect(row).toContainText('Enabled');

    await test.step('after a reload the secret is nowhere on the page', async () => {
      await webhooks.page.reload();
      await expect(webhooks.list).toBeVisible();
      await expect(webhooks.createdSecret).toHaveCount(0);
      expect(await webhooks.page.content()).not.toContain(secret);
    });
    await tenant.api.delete(`/v1/webhook-endpoints/${listed.items[0]?.id}`);
  });

  test('in Korean, a refused URL is said in Korean and "all events" sends every type', async ({
    createTenant,
    signInAs,
    chooseLanguage,
    gotoWebhooks,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    await chooseLanguage('ko');
    const webhooks = await gotoWebhooks();
    await expect(webhooks.heading()).toHaveText('웹훅');
    await webhooks.addEndpoint({ url: 'ftp://example.com/hooks', events: 'all' });
    await expect(webhooks.createForm).toContainText('공개 호스트의 https URL을 입력하세요');
    await expect(webhooks.eventType('결제 실패')).toBeDisabled();

    await webhooks.urlInput.fill('https://hooks.example.com/billing');
    await webhooks.createButton.click();
    await expect(webhooks.createdSecret).toContainText('한 번만 보여 줍니다');
    await expect(webhooks.row('https://hooks.example.com/billing')).toContainText('모든 이벤트');
    const listed = await tenant.api.read<{ items: EndpointBody[] }>('/v1/webhook-endpoints');
    expect(listed.items.map((item) => item.eventTypes)).toEqual([['*']]);
  });

  test('disable and enable, rotate the secret (asks first, shows the new one once), delete (asks first)', async ({
    createTenant,
    signInAs,
    gotoWebhooks,
    checkAccessibility,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const url = 'https://hooks.example.com/rotate';
    const endpoint = await tenant.api.create<CreatedEndpoint>('/v1/webhook-endpoints', {
      url,
      eventTypes: ['statement.closed'],
    });
    const webhooks = await gotoWebhooks();
    const read = () => tenant.api.read<EndpointBody>(`/v1/webhook-endpoints/${endpoint.id}`);

    await test.step('disable, then enable', async () => {
      await webhooks.buttons.disableButton(url).click();
      await expect(webhooks.row(url)).toContainText('Disabled');
      expect((await read()).enabled).toBe(false);
      await webhooks.buttons.enableButton(url).click();
      await expect(webhooks.row(url)).toContainText('Enabled');
      expect((await read()).enabled).toBe(true);
    });

    await test.step('rotating asks first; Escape keeps the secret', async () => {
      await webhooks.buttons.rotate(url, { confirm: false });
      await expect(webhooks.buttons.dialog).toHaveAccessibleName('Rotate the signing secret?');
      await expect(webhooks.buttons.dialog).toHaveAccessibleDescription(
        `A new secret replaces the old one at once: deliveries to ${url} are signed with the new secret from now on, and a receiver still checking the old one refuses them.`,
      );
      await checkAccessibility();
      await webhooks.page.keyboard.press('Escape');
      await expect(webhooks.buttons.dialog).toBeHidden();
    });

    await test.step('rotate: the new secret is shown once in the dialog', async () => {
      await webhooks.buttons.rotate(url);
      const shown = webhooks.buttons.dialog.getByLabel('Signing secret');
      await expect(shown).toHaveValue(/^whsec_/);
      const rotated = await shown.inputValue();
      expect(rotated).not.toBe(endpoint.secret);
      await expect(webhooks.buttons.dialog).toContainText('shown only this once');
      await checkAccessibility();
      await webhooks.buttons.dialog.getByRole('button', { name: 'Done' }).click();
      await expect(webhooks.buttons.dialog).toBeHidden();
      await webhooks.page.reload();
      await expect(webhooks.list).toBeVisible();
      expect(await webhooks.page.content()).not.toContain(rotated);
    });

    await test.step('delete asks first, then the endpoint is gone', async () => {
      await webhooks.buttons.delete(url, { confirm: false });
      await expect(webhooks.buttons.dialog).toHaveAccessibleName('Delete this endpoint?');
      await webhooks.page.keyboard.press('Escape');
      await expect(webhooks.row(url)).toHaveCount(1);
      await webhooks.buttons.delete(url);
      await expect(webhooks.main).toContainText('No webhook endpoints yet.');
      const gone = await tenant.api.get(`/v1/webhook-endpoints/${endpoint.id}`);
      expect(gone.status()).toBe(404);
    });
  });

  test('an endpoint page: a delivery retried after a 500, its attempts, and a redelivery', async ({
    createTenant,
    signInAs,
    monthActivity,
    statements,
    webhookReceiver,
    gotoWebhookEndpoint,
    checkAccessibility,
  }) => {
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const endpoint = await tenant.api.create<CreatedEndpoint>('/v1/webhook-endpoints', {
      url: webhookReceiver.url,
      eventTypes: ['statement.closed'],
      description: 'Ledger sync',
    });
    webhookReceiver.useSecret(endpoint.secret);
    webhookReceiver.answer(500);
    const deliveries = () =>
      tenant.api.read<{ items: DeliveryBody[] }>(`/v1/webhook-endpoints/${endpoint.id}/deliveries`);

    await test.step('close a month: its statement.closed fails once, then is delivered', async () => {
      const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: 'Webhook group' });
      await monthActivity.ingestUsage(group.id, MONTH, { api: tenant.api });
      await statements.close(group.id, MONTH, tenant.api);
      await expect
        .poll(async () => (await deliveries()).items.map((item) => [item.state, item.attempts]), {
          timeout: 15_000,
        })
        .toEqual([['SUCCEEDED', 2]]);
    });

    const page = await gotoWebhookEndpoint(endpoint.id);
    await expect(page.heading()).toHaveText(webhookReceiver.url);
    await expect(page.details).toContainText('Statement closed');
    const delivery = page.delivery('Statement closed');
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText(/Attempts\s*2/);
    await expect(delivery).toContainText(/Last answer\s*200/);

    await test.step('its attempts: a 500 that was retried, then the 200', async () => {
      const attempts = await page.showAttempts(delivery);
      const rows = attempts.getByRole('row');
      await expect(rows).toHaveCount(3);
      await expect(attempts.locator('tr[data-outcome="RETRYING"]')).toContainText('500');
      await expect(attempts.locator('tr[data-outcome="RETRYING"]')).toContainText('answered 500');
      await expect(attempts.locator('tr[data-outcome="RETRYING"]')).toContainText('Will retry');
      await expect(attempts.locator('tr[data-outcome="SUCCEEDED"]')).toContainText('Succeeded');
      await expect(attempts.locator('tr[data-outcome="SUCCEEDED"]')).toContainText(/\d+ ms/);
      await checkAccessibility();
    });

    await test.step('redeliver: sent again, its tries counted afresh, the log keeping all three', async () => {
      const received = webhookReceiver.events().length;
      await page.redeliverButton(delivery).click();
      await expect(delivery.getByRole('status')).toHaveText('Sent again: reload to see the new attempt.');
      await expect.poll(() => webhookReceiver.events().length, { timeout: 15_000 }).toBe(received + 1);
      await expect
        .poll(async () => (await deliveries()).items.map((item) => [item.state, item.attempts]), {
          timeout: 15_000,
        })
        .toEqual([['SUCCEEDED', 1]]);
      await page.reloadLink.click();
      const again = page.delivery('Statement closed');
      await expect(again).toContainText(/Attempts\s*1/);
      await expect(again.getByText('Show the 3 attempts')).toBeVisible();
    });
    await tenant.api.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });

  for (const locale of ['en', 'ko'] as const) {
    test(`on a phone (${locale}): the endpoints and a delivery's attempts show whole`, async ({
      createTenant,
      signInAs,
      chooseLanguage,
      monthActivity,
      statements,
      webhookReceiver,
      gotoWebhooks,
      gotoWebhookEndpoint,
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const tenant = await createTenant();
      await signInAs(tenant.apiKey);
      await chooseLanguage(locale);
      // Subscribed to no event this test makes: nothing is sent to a host that does not exist.
      const erp = await tenant.api.create<CreatedEndpoint>('/v1/webhook-endpoints', {
        url: 'https://erp.northwind.example/billing/webhooks/with/a/rather/long/path/that/must/wrap',
        eventTypes: ['job.finished'],
        description: 'ERP',
      });
      const endpoint = await tenant.api.create<CreatedEndpoint>('/v1/webhook-endpoints', {
        url: webhookReceiver.url,
        eventTypes: ['statement.closed', 'payment.failed', 'budget.threshold_crossed', 'credit.low'],
      });
      webhookReceiver.useSecret(endpoint.secret);
      webhookReceiver.answer(500);
      const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: 'Phone group' });
      await monthActivity.ingestUsage(group.id, MONTH, { api: tenant.api });
      await statements.close(group.id, MONTH, tenant.api);
      await expect.poll(() => webhookReceiver.events().length, { timeout: 15_000 }).toBe(1);

      const webhooks = await gotoWebhooks();
      await expect(webhooks.list.getByRole('row')).toHaveCount(3);
      await expectNoClippedCells(webhooks.list);
      await expectNoOneCharacterLines(webhooks.main);
      if (locale === 'ko') await expectKoreanWordsUnbroken(webhooks.main);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

      const details = await gotoWebhookEndpoint(endpoint.id);
      const attempts = await details.showAttempts(
        details.delivery(locale === 'en' ? 'Statement closed' : '청구서 마감'),
      );
      await expect(attempts.getByRole('row')).toHaveCount(3);
      await expectNoClippedCells(attempts);
      await expectNoOneCharacterLines(details.main);
      if (locale === 'ko') await expectKoreanWordsUnbroken(details.main);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await tenant.api.delete(`/v1/webhook-endpoints/${endpoint.id}`);
      await tenant.api.delete(`/v1/webhook-endpoints/${erp.id}`);
    });
  }

  test('an endpoint of another tenant is not found', async ({
    createTenant,
    signInAs,
    gotoWebhookEndpoint,
  }) => {
    const other = await createTenant();
    const endpoint = await other.api.create<CreatedEndpoint>('/v1/webhook-endpoints', {
      url: 'https://hooks.example.com/other',
      eventTypes: ['*'],
    });
    const tenant = await createTenant();
    await signInAs(tenant.apiKey);
    const page = await gotoWebhookEndpoint(endpoint.id);
    await expect(page.heading()).toHaveText('Not found');
    await expect(page.main).not.toContainText('hooks.example.com');
  });
});
