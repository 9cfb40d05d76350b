import { apiFixturesTest } from './api-test';
import { appCoverageFixtures } from './fixtures/app-coverage';
import { type BrowserMockFixtures, browserMockFixtures } from './fixtures/browser-mock';
import { type MockedAppFixtures, mockedAppFixtures } from './fixtures/mocked-app';
import { type UiFixtures, uiFixtures } from './fixtures/ui';

/**
 * The `test` of the browser tiers (e2e, e2e-mocked): the API tiers' fixtures, then the app's pages,
 * the mock's scenarios and the mock in a page. Which app and which backend it drives are options set
 * per project (`baseURL`, `backendURL`, `isMockedBackend` in playwright.config.ts), so both tiers
 * share the same domain fixtures. `page` collects its JavaScript coverage in the app lane of
 * `npm run coverage` (fixtures/app-coverage.ts), and is the plain page otherwise.
 */
export const test = apiFixturesTest
  .extend(appCoverageFixtures)
  .extend<UiFixtures>(uiFixtures)
  .extend<MockedAppFixtures>(mockedAppFixtures)
  .extend<BrowserMockFixtures>(browserMockFixtures);

export type { APIResponse, BrowserContext, Cookie, Page, Response } from '@playwright/test';
export { expect } from './matchers';
