import { expect, test } from '../support/page-test';
import { expectScreen, LOCALES, SCREENS, type ScreenName } from '../support/visual';

/**
 * Visual regression of what only the mock can make the billing API do: fail. The same screens and
 * settings as tests/e2e/visual.spec.ts, with baselines in tests/e2e-mocked/__screenshots__/.
 */

/** A month in the past: its title and figures read the same whenever the tests run. */
const MONTH = '2026-03';

const GROUP_NAME = { en: 'Northwind Analytics', ko: '데모 고객 (주)' } as const;

const ISSUE_18 = { type: 'issue', description: 'issue 18: visual regression of every page' };

for (const [screen, device] of Object.entries(SCREENS) as [ScreenName, (typeof SCREENS)[ScreenName]][]) {
  for (const locale of LOCALES) {
    const shot = (page: string) => `${page}-${screen}-${locale}`;

    test.describe(`${screen}, ${locale}`, { tag: ['@visual'], annotation: ISSUE_18 }, () => {
      test.use({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.hasTouch });
      test.beforeEach(async ({ chooseLanguage }) => {
        await chooseLanguage(locale);
      });

      test('billing groups when the API is unavailable (error state)', async ({
        mockedApp,
        gotoBillingGroups,
        page,
      }) => {
        await mockedApp.useScenario({ name: 'unavailable', operationId: 'listBillingGroups' });
        const billingGroups = await gotoBillingGroups();
        await expect(billingGroups.main.getByRole('alert')).toBeVisible();
        await expectScreen(page, shot('billing-groups-unavailable'));
      });

      test('a billing group whose usage the API fails to give (error state)', async ({
        mockedApp,
        billingGroups,
        monthActivity,
        gotoDashboard,
        page,
      }) => {
        const group = await billingGroups.create({ name: GROUP_NAME[locale] });
        await monthActivity.ingestUsage(group.id, MONTH, { hours: '100', projectId: 'p-web-frontend' });
        await mockedApp.useScenario({ name: 'server-error', operationId: 'getMonthlyUsage' });
        const dashboard = await gotoDashboard(group.id, { month: MONTH, section: 'usage' });
        await expect(dashboard.usage.getByRole('alert')).toBeVisible();
        await expectScreen(page, shot('dashboard-usage-failed'));
      });
    });
  }
}
