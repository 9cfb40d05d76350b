import { checkContract } from '../support/contract';
import { openPlayground, type PageResponse } from '../support/fixtures/browser-mock';
import { expect, test } from '../support/page-test';

/**
 * `@billing/mock/browser`: the billing API's handlers running in the page behind MSW's service
 * worker, on the playground page the standalone mock serves. Every answer here must come from the
 * service worker, match the contract, and follow the scenarios this test switched on.
 */

const expectContract = (operationId: string, response: PageResponse) =>
  expect(checkContract(operationId, response.status, response.contentType, response.body)).toEqual({
    ok: true,
    problems: [],
  });

test.describe('the billing mock in the browser', () => {
  test('the service worker computes a statement in the page, by the contract', async ({
    browserMock,
    dataName,
    thisMonth,
  }) => {
    const apiKey = await browserMock.createTenant(dataName);
    const group = await browserMock.request('POST', '/v1/billing-groups', {
      apiKey,
      body: { name: dataName },
    });
    expectContract('createBillingGroup', group);
    const { id } = group.body as { id: string };
    const usage = await browserMock.request('POST', `/v1/billing-groups/${id}/usage-events`, {
      apiKey,
      body: {
        events: [
          {
            eventId: `${dataName}-1`,
            projectId: 'web',
            counterName: 'compute.c2.c8m8',
            counterType: 'DELTA',
            unit: 'HOURS',
            volume: '100',
            timestamp: `${thisMonth}-01T09:00:00Z`,
          },
        ],
      },
    });
    expectContract('ingestUsageEvents', usage);

    const statement = await browserMock.request('GET', `/v1/billing-groups/${id}/statements/${thisMonth}`, {
      apiKey,
    });
    expect(statement.fromServiceWorker).toBe(true);
    expect(statement.status).toBe(200);
    expectContract('getStatementOfMonth', statement);
    expect(statement.body).toMatchObject({
      billingGroupId: id,
      month: thisMonth,
      state: 'DRAFT',
      total: '43670',
    });
  });

  test('a scenario switched on by the test answers as often as asked, then the real answer returns', async ({
    browserMock,
    dataName,
  }) => {
    const apiKey = await browserMock.createTenant(dataName);
    await browserMock.useScenario({ name: 'server-error', operationId: 'listBillingGroups', times: 1 });

    const failed = await browserMock.request('GET', '/v1/billing-groups', { apiKey });
    expect(failed.fromServiceWorker).toBe(true);
    expect(failed.status).toBe(500);
    // The contract documents no 500 for an operation: a fault is checked as the problem it must be.
    expect(failed.contentType).toBe('application/problem+json');
    expect(failed.body).toMatchObject({ type: '/problems/internal-error', status: 500 });

    const recovered = await browserMock.request('GET', '/v1/billing-groups', { apiKey });
    expect(recovered.status).toBe(200);
    expectContract('listBillingGroups', recovered);
  });

  test('throttling and outages carry Retry-After to the page', async ({ browserMock, dataName }) => {
    const apiKey = await browserMock.createTenant(dataName);
    await browserMock.useScenario({ name: 'rate-limited', operationId: 'getCurrentTenant', times: 1 });
    await browserMock.useScenario({
      name: 'unavailable',
      operationId: 'listBillingGroups',
      retryAfterSeconds: 7,
      times: 1,
    });

    const throttled = await browserMock.request('GET', '/v1/tenant', { apiKey });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
    expectContract('getCurrentTenant', throttled);

    const unavailable = await browserMock.request('GET', '/v1/billing-groups', { apiKey });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('7');
    expect(unavailable.contentType).toBe('application/problem+json');
    expect(unavailable.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
  });

  test('an empty list and a slow answer are the page mock’s to give', async ({ browserMock, dataName }) => {
    const apiKey = await browserMock.createTenant(dataName);
    await browserMock.request('POST', '/v1/billing-groups', { apiKey, body: { name: dataName } });
    await browserMock.useScenario({ name: 'empty-list', operationId: 'listBillingGroups', times: 1 });
    const emptied = await browserMock.request('GET', '/v1/billing-groups', { apiKey });
    expect(emptied.body).toMatchObject({ items: [], nextCursor: null });

    await browserMock.useScenario({
      name: 'latency',
      operationId: 'listBillingGroups',
      delayMs: 1500,
      times: 1,
    });
    const startedAt = Date.now();
    const slow = await browserMock.request('GET', '/v1/billing-groups', { apiKey });
    // A lower bound only: the answer may come later on a busy machine, never sooner.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1500);
    expect(slow.body).toMatchObject({ items: [{ name: dataName }] });
  });

  test('reset forgets the page’s tenants: their keys stop working', async ({ browserMock, dataName }) => {
    const apiKey = await browserMock.createTenant(dataName);
    expect((await browserMock.request('GET', '/v1/tenant', { apiKey })).status).toBe(200);
    await browserMock.reset();
    const forgotten = await browserMock.request('GET', '/v1/tenant', { apiKey });
    expect(forgotten.status).toBe(401);
    expectContract('getCurrentTenant', forgotten);
  });

  test('another tab has a mock of its own: a key made here is unknown there', async ({
    browserMock,
    browser,
    dataName,
  }) => {
    const apiKey = await browserMock.createTenant(dataName);
    const otherContext = await browser.newContext();
    const otherTab = await openPlayground(await otherContext.newPage());
    const there = await otherTab.request('GET', '/v1/tenant', { apiKey });
    expect(there.fromServiceWorker).toBe(true);
    expect(there.status).toBe(401);
    expect((await browserMock.request('GET', '/v1/tenant', { apiKey })).status).toBe(200);
    await otherContext.close();
  });

  test('a person sends a request from the playground form and reads the answer', async ({
    browserMock,
    dataName,
  }) => {
    const { page } = browserMock;
    await expect(page.getByRole('status')).toHaveText('The billing API is answering in this tab.');
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/v1/tenants');
    await page.getByLabel('API key').fill('dev-admin-key');
    await page
      .getByLabel('Body (JSON)')
      .fill(JSON.stringify({ name: dataName, apiKey: { name: 'playground' } }));
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.getByRole('region', { name: 'Response' });
    await expect(answer.getByText('201 Created')).toBeVisible();
    await expect(answer.locator('pre')).toContainText(`"name": "${dataName}"`);
  });
});
