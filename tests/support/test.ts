import { mergeTests } from '@playwright/test';
import { test as allureLabelsTest } from './fixtures/allure-labels';
import { test as browserMockTest } from './fixtures/browser-mock';
import { test as creditsTest } from './fixtures/credits';
import { test as edgeTest } from './fixtures/edge';
import { test as meteringTest } from './fixtures/metering';
import { test as mockTest } from './fixtures/mock';
import { test as mockedAppTest } from './fixtures/mocked-app';
import { test as paymentsTest } from './fixtures/payments';
import { test as randomTest } from './fixtures/random';
import { test as securityTest } from './fixtures/security';
import { test as statementsTest } from './fixtures/statements';
import { test as uiTest } from './fixtures/ui';

/** The one `test` and `expect` every spec imports. */
export const test = mergeTests(
  allureLabelsTest,
  randomTest,
  edgeTest,
  paymentsTest,
  creditsTest,
  statementsTest,
  meteringTest,
  securityTest,
  uiTest,
  mockTest,
  mockedAppTest,
  browserMockTest,
);
export type { APIResponse, Page } from '@playwright/test';
export { expect } from './matchers';
