import { readFile } from 'node:fs/promises';
import type { BillingApi } from '../support/api/billing-api';
import type { CreditFixtures } from '../support/fixtures/credits';
import type { BillingGroupBody } from '../support/fixtures/edge';
import type { PaymentFixtures } from '../support/fixtures/payments';
import type { StatementFixtures } from '../support/fixtures/statements';
import { expect, test } from '../support/page-test';
import type { AppShell } from '../support/pages/app-shell';
import { PricingDetailPage, PricingEditorPage } from '../support/pages/pricing-pages';
import { showPdfPage } from '../support/pdf-page';
import { expectScreen, LOCALES, SCREENS, type ScreenLocale, type ScreenName } from '../support/visual';

/**
 * Visual regression: every page of the app, and its empty, error and dialog states, at a desktop
 * and a phone width, in English and in Korean, compared with the committed baselines in
 * tests/e2e/__screenshots__/. Every figure on screen comes from data these tests create with fixed
 * names and amounts in a month of the past; what still changes from run to run (ids, the moment
 * something was created or falls due) is replaced by fixed text and masked (tests/support/visual.ts).
 * `npx playwright test --project=e2e --update-snapshots` retakes them.
 */

/** A month in the past: its title, period and figures read the same whenever the tests run. */
const MONTH = '2026-03';
/** The month before it, left open to make a month-end batch fail for one group. */
const EARLIER_MONTH = '2026-02';

const GROUP_NAME = { en: 'Northwind Analytics', ko: '데모 고객 (주)' } as const;

/** The tenant that issues the statement PDF of the README. */
const ISSUER = '클라우드 빌링 주식회사';

const PRICE_BOOK = 'Standard 2026';
const CONTRACT = 'Enterprise 10%';

/** A CSV of usage: one row accepted, one imported twice, one refused. */
const USAGE_CSV = [
  'eventId,projectId,counterName,counterType,unit,volume,timestamp',
  `ev-1,p-web-frontend,compute.c2.c8m8,DELTA,HOURS,100,${MONTH}-10T00:00:00Z`,
  `ev-1,p-web-frontend,compute.c2.c8m8,DELTA,HOURS,100,${MONTH}-10T00:00:00Z`,
  `ev-2,p-batch,compute.c2.c8m8,DELTA,HOURS,-1,${MONTH}-10T00:00:00Z`,
].join('\n');

/** The billing groups list, top to bottom. */
const LISTED_GROUPS = [GROUP_NAME.en, 'Contoso Retail', GROUP_NAME.ko];

const ISSUE_18 = { type: 'issue', description: 'issue 18: visual regression of every page' };

/**
 * The README's screenshots (docs/images/<name>.png), taken from these screens unmasked: whole pages,
 * but the phone's, which shows what a phone shows at first.
 */
const README_IMAGES: Record<string, { name: string; fullPage: boolean }> = {
  'calculator-desktop-en': { name: 'calculator', fullPage: true },
  'statement-desktop-en': { name: 'statement', fullPage: true },
  'statement-phone-ko': { name: 'statement-phone-ko', fullPage: false },
};

/** Writes the README's image of this screen, if it has one (only under UPDATE_README_SCREENSHOTS). */
async function saveForReadme(
  screen: string,
  save: (name: string, options: { fullPage: boolean }) => Promise<void>,
) {
  const image = README_IMAGES[screen];
  if (image) await save(image.name, { fullPage: image.fullPage });
}

type StatementSetup = Pick<StatementFixtures, 'monthActivity' | 'statements'> &
  Pick<CreditFixtures, 'credits'> &
  Pick<PaymentFixtures, 'payments'>;

/**
 * March closed for a new group named `name` in the tenant of `api`: two projects, a credit, and
 * ₩50,000 of its ₩142,978 paid.
 */
async function closeMarch(
  { monthActivity, credits, statements, payments }: StatementSetup,
  api: BillingApi,
  name: string,
): Promise<string> {
  const group = await api.create<BillingGroupBody>('/v1/billing-groups', { name });
  await monthActivity.ingestUsage(group.id, MONTH, { hours: '100', projectId: 'p-web-frontend', api });
  await monthActivity.ingestUsage(group.id, MONTH, { hours: '240', projectId: 'p-batch', api });
  await credits.grant(group.id, { amount: '5000', name: 'Launch credit' }, api);
  const closed = await statements.close(group.id, MONTH, api);
  const statementId = closed.statementId ?? '';
  const paid = await payments.pay(statementId, { amount: '50000', source: 'tok_success' }, { api });
  expect(paid.status()).toBe(201);
  return statementId;
}

/**
 * Shows the page in `locale` through the header's switch, keeping what was typed into it: the
 * calculator's and the history's page objects fill their forms by their English labels.
 */
async function switchLanguage(page: AppShell, locale: ScreenLocale) {
  if (locale === 'en') return;
  await page.switchLanguage('한국어');
  await expect(page.languageButton('한국어')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.page.locator('html')).toHaveAttribute('lang', 'ko');
}

for (const [screen, device] of Object.entries(SCREENS) as [ScreenName, (typeof SCREENS)[ScreenName]][]) {
  for (const locale of LOCALES) {
    const shot = (page: string) => `${page}-${screen}-${locale}`;

    test.describe(`${screen}, ${locale}`, { tag: ['@visual'], annotation: ISSUE_18 }, () => {
      test.use({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.hasTouch });
      test.beforeEach(async ({ chooseLanguage }) => {
        await chooseLanguage(locale);
      });

      test('sign-in', async ({ gotoSignIn, page }) => {
        const signIn = await gotoSignIn();
        await expect(signIn.submitButton).toBeVisible();
        await expectScreen(page, shot('sign-in'));
      });

      test('sign-in with a key the API refuses (error state)', async ({ gotoSignIn, page }) => {
        const signIn = await gotoSignIn();
        await signIn.signIn('bk_not_a_key_of_any_tenant');
        await expect(signIn.error).toBeVisible();
        await expectScreen(page, shot('sign-in-error'));
      });

      test('calculator', async ({ chooseLanguage, gotoCalculator, saveReadmeScreenshot, page }) => {
        await chooseLanguage('en');
        const calculator = await gotoCalculator();
        await test.step('a month of 100 hours and 500 GB with a 10% discount', async () => {
          await calculator.month.choose(MONTH);
          await calculator.fillUsageRow(1, { quantity: '100', project: 'p-web-frontend' });
          await calculator.addUsageRow({ counter: 'storage.volume.ssd', quantity: '500', project: 'p-data' });
          await calculator.setContract({ discountRate: '10' });
          await calculator.waitUntilCalculated();
        });
        await switchLanguage(calculator, locale);
        await calculator.waitUntilCalculated();
        await saveForReadme(shot('calculator'), saveReadmeScreenshot);
        await expectScreen(page, shot('calculator'));
      });

      test('calculator with a quantity it cannot read (error state)', async ({
        chooseLanguage,
        gotoCalculator,
        page,
      }) => {
        await chooseLanguage('en');
        const calculator = await gotoCalculator();
        await calculator.month.choose(MONTH);
        await calculator.waitUntilCalculated();
        await calculator.fillUsageRow(1, { quantity: '12,5x' });
        await expect(calculator.staleStatement).toBeVisible();
        await expect(calculator.usageRow(1).getByLabel('Quantity')).toHaveAttribute('aria-invalid', 'true');
        await switchLanguage(calculator, locale);
        await expect(calculator.staleStatement).toBeVisible();
        await expectScreen(page, shot('calculator-invalid'));
      });

      test('history comparing two calculations', async ({
        chooseLanguage,
        gotoCalculator,
        gotoHistory,
        page,
      }) => {
        await chooseLanguage('en');
        const calculator = await gotoCalculator();
        await test.step('save 100 hours, then 200 hours with a 10% discount', async () => {
          await calculator.month.choose(MONTH);
          await calculator.saveToHistory('Plain');
          await calculator.fillUsageRow(1, { quantity: '200' });
          await calculator.setContract({ discountRate: '10' });
          await calculator.saveToHistory('Discounted');
        });
        const history = await gotoHistory();
        await history.compare('Plain', 'Discounted');
        await expect(history.comparisonRow('Total')).toBeVisible();
        await switchLanguage(history, locale);
        await expect(history.comparison).toBeVisible();
        await expectScreen(page, shot('history-comparison'));
      });

      test('history with nothing saved (empty state)', async ({ gotoHistory, page }) => {
        const history = await gotoHistory();
        await expect(history.emptyState).toBeVisible();
        await expectScreen(page, shot('history-empty'));
      });

      test('billing groups', async ({ createTenant, signInAs, gotoBillingGroups, page }) => {
        await test.step('three groups in a tenant of their own, named in the order the list shows them', async () => {
          // The list shows every group of the tenant, ordered by id, and ids are random: the groups
          // are named once their order is known, so the names always read in this order.
          const tenant = await createTenant();
          for (const _ of LISTED_GROUPS) await tenant.api.create('/v1/billing-groups', { name: 'unnamed' });
          const { items } = await tenant.api.read<{ items: { id: string }[] }>('/v1/billing-groups');
          for (const [index, group] of items.entries()) {
            const renamed = await tenant.api.patch(`/v1/billing-groups/${group.id}`, {
              name: LISTED_GROUPS[index],
            });
            expect(renamed.status()).toBe(200);
          }
          await signInAs(tenant.apiKey);
        });
        const billingGroups = await gotoBillingGroups();
        await expect(billingGroups.groupLink(GROUP_NAME.ko)).toBeVisible();
        await expectScreen(page, shot('billing-groups'));
      });

      test('billing groups, none yet (empty state)', async ({
        createTenant,
        signInAs,
        gotoBillingGroups,
        page,
      }) => {
        const tenant = await createTenant();
        await signInAs(tenant.apiKey);
        const billingGroups = await gotoBillingGroups();
        await expect(billingGroups.emptyState).toBeVisible();
        await expectScreen(page, shot('billing-groups-empty'));
      });

      test('billing group dashboard', async ({
        billingGroups,
        monthActivity,
        credits,
        gotoDashboard,
        page,
      }) => {
        const group = await test.step('March open with two projects, a discount and a credit', async () => {
          const created = await billingGroups.create({ name: GROUP_NAME[locale] });
          await monthActivity.ingestUsage(created.id, MONTH, { hours: '100', projectId: 'p-web-frontend' });
          await monthActivity.ingestUsage(created.id, MONTH, { hours: '240', projectId: 'p-batch' });
          await monthActivity.adjust(created.id, {
            month: MONTH,
            type: 'DISCOUNT',
            method: 'RATE',
            value: '5',
            level: 'BILLING_GROUP',
          });
          await credits.grant(created.id, { amount: '5000', name: 'Launch credit' });
          return created;
        });
        const dashboard = await gotoDashboard(group.id, { month: MONTH });
        await test.step('overview: the draft, the wallet after it, adjustments', async () => {
          await expect(dashboard.draftSection).toBeVisible();
          await expectScreen(page, shot('dashboard'));
        });
        await test.step('usage: charts and quantities', async () => {
          await dashboard.show('Usage');
          await expect(dashboard.usage.getByRole('table')).toBeVisible();
          await expectScreen(page, shot('dashboard-usage'));
        });
        await test.step('credits: the wallet, each grant after the draft, the ledger', async () => {
          await dashboard.show('Credits');
          await expect(dashboard.wallet.getByRole('table', { name: /^(Grants|지급 내역)$/ })).toBeVisible();
          await expectScreen(page, shot('dashboard-credits'));
        });
      });

      test('billing group dashboard, close-month dialog open', async ({
        billingGroups,
        monthActivity,
        gotoDashboard,
        page,
      }) => {
        const group = await billingGroups.create({ name: GROUP_NAME[locale] });
        await monthActivity.ingestUsage(group.id, MONTH, { hours: '100', projectId: 'p-web-frontend' });
        const dashboard = await gotoDashboard(group.id, { month: MONTH });
        await page.getByRole('button', { name: /^Close .*2026|2026.* 마감$/ }).click();
        await expect(dashboard.closeDialog).toBeVisible();
        await expectScreen(page, shot('close-month-dialog'), {
          scope: dashboard.closeDialog,
          fullPage: false,
          // The due date counts from today.
          mask: [dashboard.closeDialog.getByText(/Payment falls due on|납부 기한은/)],
        });
      });

      test('statement', async ({
        saveReadmeScreenshot,
        api,
        monthActivity,
        credits,
        statements,
        payments,
        gotoStatement,
        page,
      }) => {
        const statementId =
          await test.step('close March with two projects and a credit, then pay part of it', () =>
            closeMarch({ monthActivity, credits, statements, payments }, api, GROUP_NAME[locale]));
        const statement = await gotoStatement(statementId);
        await expect(statement.paymentList.getByRole('row')).toHaveCount(2);
        await saveForReadme(shot('statement'), saveReadmeScreenshot);
        await expectScreen(page, shot('statement'));
      });

      test('price books, and one price book', async ({
        createTenant,
        signInAs,
        priceBooks,
        gotoPriceBooks,
        page,
      }) => {
        // A tenant of its own lists only the built-in books, in a fixed order.
        const tenant = await createTenant();
        await priceBooks.create({ name: PRICE_BOOK }, tenant.api);
        await signInAs(tenant.apiKey);
        const list = await gotoPriceBooks();
        await expect(list.row(PRICE_BOOK)).toBeVisible();
        await expectScreen(page, shot('price-books'));
        await list.open(PRICE_BOOK);
        const book = new PricingDetailPage(page);
        await expect(book.heading()).toHaveText(PRICE_BOOK);
        await expectScreen(page, shot('price-book'));
        await page.getByRole('link', { name: /^(New version|새 버전 만들기)$/ }).click();
        const editor = new PricingEditorPage(page);
        await expect(editor.name).toBeVisible();
        await expectScreen(page, shot('price-book-new-version'));
      });

      test('contracts, and one contract', async ({
        createTenant,
        signInAs,
        contracts,
        gotoContracts,
        page,
      }) => {
        const tenant = await createTenant();
        await contracts.create(
          {
            name: CONTRACT,
            minimumCharge: '100000',
            priceOverrides: [
              { counterName: 'compute.c2.c8m8', pricing: { model: 'PER_UNIT', unitPrice: '350' } },
            ],
          },
          tenant.api,
        );
        await signInAs(tenant.apiKey);
        const list = await gotoContracts();
        await expect(list.row(CONTRACT)).toBeVisible();
        await expectScreen(page, shot('contracts'));
        await list.open(CONTRACT);
        const contract = new PricingDetailPage(page);
        await expect(contract.heading()).toHaveText(CONTRACT);
        await expectScreen(page, shot('contract'));
        await page.getByRole('link', { name: /^(New version|새 버전 만들기)$/ }).click();
        const editor = new PricingEditorPage(page);
        await expect(editor.name).toBeVisible();
        await expectScreen(page, shot('contract-new-version'));
      });

      test('API keys', async ({ createTenant, signInAs, gotoApiKeys, page }) => {
        // The tenant's first key is named after it: a fixed name, in a tenant of its own.
        const tenant = await createTenant(GROUP_NAME.en);
        await signInAs(tenant.apiKey);
        const keys = await gotoApiKeys();
        await expect(keys.list.getByRole('row')).toHaveCount(2);
        await expectScreen(page, shot('api-keys'));
      });

      test('webhooks, and one endpoint with its deliveries and attempts', async ({
        createTenant,
        signInAs,
        monthActivity,
        statements,
        webhookReceiver,
        gotoWebhooks,
        gotoWebhookEndpoint,
        page,
      }) => {
        const endpointId =
          await test.step('two endpoints, one of them a receiver that fails once', async () => {
            const tenant = await createTenant();
            await tenant.api.create('/v1/webhook-endpoints', {
              url: 'https://erp.northwind.example/billing/webhooks',
              eventTypes: ['*'],
              description: 'ERP',
              enabled: false,
            });
            const endpoint = await tenant.api.create<{ id: string; secret: string }>(
              '/v1/webhook-endpoints',
              {
                url: webhookReceiver.url,
                eventTypes: ['statement.closed', 'payment.failed'],
                description: 'Finance system',
              },
            );
            webhookReceiver.useSecret(endpoint.secret);
            webhookReceiver.answer(500);
            const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', {
              name: GROUP_NAME[locale],
            });
            await monthActivity.ingestUsage(group.id, MONTH, { api: tenant.api });
            await statements.close(group.id, MONTH, tenant.api);
            await expect.poll(() => webhookReceiver.events().length, { timeout: 15_000 }).toBe(1);
            await signInAs(tenant.apiKey);
            return endpoint.id;
          });
        const webhooks = await gotoWebhooks();
        await expect(webhooks.list.getByRole('row')).toHaveCount(3);
        await expectScreen(page, shot('webhooks'));

        const endpoint = await gotoWebhookEndpoint(endpointId);
        const delivery = endpoint.delivery(locale === 'en' ? 'Statement closed' : '청구서 마감');
        await expect(delivery.locator('[data-state="SUCCEEDED"]')).toBeVisible();
        await endpoint.showAttempts(delivery);
        // Opening the attempts scrolled the page; the screenshot is taken from its top, as the others.
        await page.evaluate('window.scrollTo(0, 0)');
        await expectScreen(page, shot('webhook-endpoint'), {
          // How long each attempt took.
          mask: [page.locator('tr[data-outcome] > td:nth-child(3)')],
        });
      });

      test('test clocks, one advanced past a month end, and the group on it', async ({
        createTenant,
        signInAs,
        monthActivity,
        gotoTestClocks,
        gotoDashboard,
        page,
      }) => {
        const groupId =
          await test.step('two clocks in a tenant of their own, one advanced past March with a group on it', async () => {
            // The page lists every clock of the tenant: a tenant of its own lists these two alone.
            const tenant = await createTenant();
            const clock = await tenant.api.create<{ id: string }>('/v1/test-clocks', {
              name: 'Month-end rehearsal',
              frozenTime: `${MONTH}-20T00:00:00Z`,
            });
            const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', {
              name: GROUP_NAME[locale],
              autoClose: true,
              testClockId: clock.id,
            });
            await monthActivity.ingestUsage(group.id, MONTH, { day: 20, api: tenant.api });
            await tenant.api.create(
              `/v1/test-clocks/${clock.id}/advance`,
              { to: '2026-04-05T00:00:00Z' },
              202,
            );
            await expect
              .poll(
                async () => (await tenant.api.read<{ status: string }>(`/v1/test-clocks/${clock.id}`)).status,
                {
                  timeout: 30_000,
                },
              )
              .toBe('READY');
            await tenant.api.create('/v1/test-clocks', {
              name: 'New clock',
              frozenTime: '2026-05-01T09:30:00Z',
            });
            await signInAs(tenant.apiKey);
            return group.id;
          });
        const clocks = await gotoTestClocks();
        // March 20th to April 5th passes the 02:00 runs of March 20th to April 4th.
        await expect(clocks.clock('Month-end rehearsal').progress).toHaveAttribute('aria-valuenow', '16');
        await expect(clocks.clock('New clock').card).toBeVisible();
        // A clock's time is fixed here, and stands in for a date anyway; masked as every date is.
        await expectScreen(page, shot('test-clocks'), { mask: [page.locator('[data-clock-time]')] });

        const dashboard = await gotoDashboard(groupId, { section: 'statements' });
        await expect(dashboard.simulatedTime).toBeVisible();
        await expect(dashboard.statements.getByRole('row')).toHaveCount(2);
        await expectScreen(page, shot('dashboard-test-clock'), {
          mask: [dashboard.simulatedTime.locator('time')],
        });
      });

      test('billing group budgets, one crossed', async ({
        billingGroups,
        monthActivity,
        api,
        gotoDashboard,
        page,
      }) => {
        const group = await billingGroups.create({ name: GROUP_NAME[locale] });
        await monthActivity.ingestUsage(group.id, MONTH, { hours: '100', projectId: 'p-web-frontend' });
        await api.create(`/v1/billing-groups/${group.id}/budgets`, {
          name: 'Monthly spend',
          kind: 'TOTAL',
          threshold: '40000',
        });
        await api.create(`/v1/billing-groups/${group.id}/budgets`, {
          name: 'Compute hours',
          kind: 'QUANTITY',
          counterName: 'compute.c2.c8m8',
          threshold: '400',
        });
        const dashboard = await gotoDashboard(group.id, { month: MONTH });
        await expect(dashboard.budgets.getByRole('progressbar')).toHaveCount(2);
        // A past month's crossing is shown, never reported (only the current month's are): no date.
        await expect(dashboard.budget('Monthly spend')).toHaveAttribute('data-crossed', 'true');
        await expectScreen(page, shot('dashboard-budgets'));
      });

      test('usage import with a verdict per row', async ({ billingGroups, gotoUsageImport, page }) => {
        const group = await billingGroups.create({ name: GROUP_NAME[locale] });
        const importer = await gotoUsageImport(group.id);
        await importer.importCsv(USAGE_CSV);
        await expect(importer.results.getByRole('row')).toHaveCount(4);
        await expectScreen(page, shot('usage-import'));
      });

      test('month-end batch', async ({ createTenant, signInAs, gotoMonthEnd, page }) => {
        const tenant = await createTenant();
        await signInAs(tenant.apiKey);
        const monthEnd = await gotoMonthEnd();
        // The month it offers is the one before today's: March is chosen instead.
        await monthEnd.month.choose(MONTH);
        await expect(monthEnd.unfinishedWarning).toBeHidden();
        await expectScreen(page, shot('month-end'));
      });

      test('month-end job with one group failed', async ({
        createTenant,
        signInAs,
        monthActivity,
        closeMonthJobs,
        gotoJob,
        page,
      }) => {
        const jobId =
          await test.step('close March for two groups, one with February still open', async () => {
            // A batch closes every group of its tenant: these live in a tenant of their own.
            const tenant = await createTenant();
            const blocked = await tenant.api.create<{ id: string }>('/v1/billing-groups', {
              name: 'Contoso Retail',
            });
            const ready = await tenant.api.create<{ id: string }>('/v1/billing-groups', {
              name: GROUP_NAME[locale],
            });
            await monthActivity.ingestUsage(blocked.id, EARLIER_MONTH, { api: tenant.api });
            await monthActivity.ingestUsage(blocked.id, MONTH, { api: tenant.api });
            await monthActivity.ingestUsage(ready.id, MONTH, { api: tenant.api });
            const started = await closeMonthJobs.start(MONTH, tenant.api);
            const { id } = (await started.json()) as { id: string };
            await closeMonthJobs.waitUntilFinished(id, tenant.api);
            await signInAs(tenant.apiKey);
            return id;
          });
        const job = await gotoJob(jobId);
        await expect(job.failures.getByRole('listitem')).toHaveCount(1);
        await expect(job.progressBar).toHaveAttribute('aria-valuenow', '2');
        await expectScreen(page, shot('month-end-job'));
      });
    });
  }
}

test('the Korean statement PDF draws its first page in Korean (pdf.js in Chromium)', {
  tag: ['@visual'],
  annotation: ISSUE_18,
}, async ({
  createTenant,
  signInAs,
  monthActivity,
  credits,
  statements,
  payments,
  chooseLanguage,
  gotoStatement,
  saveReadmeScreenshot,
  page,
}) => {
  // The PDF names the tenant as its issuer: a tenant of its own, with a name to print.
  const issuer = await createTenant(ISSUER);
  const statementId = await closeMarch(
    { monthActivity, credits, statements, payments },
    issuer.api,
    GROUP_NAME.ko,
  );
  await signInAs(issuer.apiKey);
  await chooseLanguage('ko');
  const statement = await gotoStatement(statementId);
  const download = await statement.downloadPdf();
  const pdf = await readFile(await download.path());
  await page.setViewportSize({ width: 960, height: 1300 });
  const text = await showPdfPage(page, pdf);
  // The text pdf.js reads back is what it drew: the embedded Korean font, no "?" in its place.
  expect(text).toContain(GROUP_NAME.ko);
  expect(text).toContain('2026년 3월');
  expect(text).not.toMatch(/\?{2}/);
  await saveReadmeScreenshot('statement-pdf');
});
