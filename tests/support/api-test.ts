import { test as base, type TestType } from '@playwright/test';
import { allureLabelFixtures } from './fixtures/allure-labels';
import { creditFixtures } from './fixtures/credits';
import { type EdgeFixtures, type EdgeWorkerFixtures, edgeFixtures } from './fixtures/edge';
import { type MeteringFixtures, meteringFixtures } from './fixtures/metering';
import { type MockFixtures, type MockWorkerFixtures, mockFixtures } from './fixtures/mock';
import { type ObservabilityFixtures, observabilityFixtures } from './fixtures/observability';
import { type PaymentFixtures, paymentFixtures } from './fixtures/payments';
import { randomFixtures } from './fixtures/random';
import { type SecurityFixtures, securityFixtures } from './fixtures/security';
import { type StatementFixtures, statementFixtures } from './fixtures/statements';
import { type WebhookFixtures, webhookFixtures } from './fixtures/webhooks';

/**
 * Every fixture of the API tiers, one module after another. The page `test` (page-test.ts) builds
 * on this chain; specs of the API tiers take `test` below, which has no browser.
 */
export const apiFixturesTest = base
  .extend(allureLabelFixtures)
  .extend(randomFixtures)
  .extend<EdgeFixtures, EdgeWorkerFixtures>(edgeFixtures)
  .extend<MeteringFixtures>(meteringFixtures)
  .extend(creditFixtures)
  .extend<StatementFixtures>(statementFixtures)
  .extend<PaymentFixtures>(paymentFixtures)
  .extend<SecurityFixtures>(securityFixtures)
  .extend<ObservabilityFixtures>(observabilityFixtures)
  .extend<MockFixtures, MockWorkerFixtures>(mockFixtures)
  .extend<WebhookFixtures>(webhookFixtures);

type TestArgsOf<T> = T extends TestType<infer Args, infer _Workers> ? Args : never;
type WorkerArgsOf<T> = T extends TestType<infer _Args, infer Workers> ? Workers : never;

/**
 * The `test` of the API tiers (unit, integration, contract, security, regression, model, perf): no
 * fixture of theirs asks for a browser, and a spec that asks for `page`, `context` or `browser` does
 * not type-check, so none of these tiers ever launches Chromium.
 */
export const test = apiFixturesTest as unknown as TestType<
  Omit<TestArgsOf<typeof apiFixturesTest>, 'page' | 'context'>,
  Omit<WorkerArgsOf<typeof apiFixturesTest>, 'browser'>
>;

export type { APIResponse, Page, TestInfo } from '@playwright/test';
export { expect } from './matchers';
