import { expect, test } from '../../support/api-test';

test.describe('mock in process: fault scenarios', () => {
  test('a server error applied to one operation, once: that call fails with 500, the next succeeds', async ({
    billingMock,
  }) => {
    const { apiKey } = await billingMock.createTenant();
    const headers = { Authorization: `Bearer ${apiKey}` };
    billingMock.mock.useScenario({ name: 'server-error', operationId: 'listBillingGroups', times: 1 });

    const failed = await fetch(`${billingMock.baseUrl}/v1/billing-groups`, { headers });
    const tenant = await fetch(`${billingMock.baseUrl}/v1/tenant`, { headers });
    const retried = await fetch(`${billingMock.baseUrl}/v1/billing-groups`, { headers });

    expect([failed.status, tenant.status, retried.status]).toEqual([500, 200, 200]);
    expect(((await failed.json()) as { type: string }).type).toBe('/problems/internal-error');
  });

  test('rate limited and unavailable answers carry Retry-After', async ({ billingMock }) => {
    const { apiKey } = await billingMock.createTenant();
    const headers = { Authorization: `Bearer ${apiKey}` };
    billingMock.mock.useScenario({
      name: 'rate-limited',
      operationId: 'getCurrentTenant',
      retryAfterSeconds: 7,
    });
    billingMock.mock.useScenario({ name: 'unavailable', operationId: 'listApiKeys' });

    const limited = await fetch(`${billingMock.baseUrl}/v1/tenant`, { headers });
    const unavailable = await fetch(`${billingMock.baseUrl}/v1/api-keys`, { headers });

    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '7']);
    expect([unavailable.status, unavailable.headers.get('Retry-After')]).toEqual([503, '1']);
  });

  test('a timeout never answers within the client’s own timeout', async ({ billingMock }) => {
    billingMock.mock.useScenario({ name: 'timeout', operationId: 'getHealth' });

    const attempt = fetch(`${billingMock.baseUrl}/health`, { signal: AbortSignal.timeout(300) });

    await expect(attempt).rejects.toThrow(/aborted|timeout/i);
  });

  test('latency delays the real answer', async ({ billingMock }) => {
    billingMock.mock.useScenario({ name: 'latency', operationId: 'getHealth', delayMs: 250 });

    const started = performance.now();
    const response = await fetch(`${billingMock.baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  test('a malformed body keeps the status but does not parse; an empty list has no items', async ({
    billingMock,
  }) => {
    const { apiKey } = await billingMock.createTenant();
    const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
    await fetch(`${billingMock.baseUrl}/v1/billing-groups`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Acme' }),
    });
    billingMock.mock.useScenario({ name: 'malformed-body', operationId: 'getCurrentTenant' });
    billingMock.mock.useScenario({ name: 'empty-list', operationId: 'listBillingGroups' });

    const malformed = await fetch(`${billingMock.baseUrl}/v1/tenant`, { headers });
    const empty = await fetch(`${billingMock.baseUrl}/v1/billing-groups`, { headers });

    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    expect(await empty.json()).toEqual({ items: [], nextCursor: null });
  });

  test('a held answer waits for its session’s release, then is the real answer; nothing after it is held', async ({
    billingMock,
  }) => {
    const mine = await billingMock.createTenant();
    const theirs = await billingMock.createTenant();
    const list = (apiKey: string) =>
      fetch(`${billingMock.baseUrl}/v1/billing-groups`, { headers: { Authorization: `Bearer ${apiKey}` } });
    billingMock.mock.useScenario(
      { name: 'hold', operationId: 'listBillingGroups' },
      { session: mine.apiKey },
    );
    billingMock.mock.useScenario(
      { name: 'hold', operationId: 'listBillingGroups' },
      { session: theirs.apiKey },
    );

    const held = list(mine.apiKey);
    const heldElsewhere = list(theirs.apiKey);
    expect(await stillPendingAfter(held, 200)).toBe(true);

    expect(billingMock.mock.release({ session: mine.apiKey })).toBe(1);
    expect((await held).status).toBe(200);
    expect((await list(mine.apiKey)).status).toBe(200);
    expect(await stillPendingAfter(heldElsewhere, 100)).toBe(true);

    billingMock.mock.release({ session: theirs.apiKey });
    expect((await heldElsewhere).status).toBe(200);
  });

  test('a hold ends by itself after its delayMs, so a forgotten release never hangs a client', async ({
    billingMock,
  }) => {
    billingMock.mock.useScenario({ name: 'hold', operationId: 'getHealth', delayMs: 200 });

    const started = performance.now();
    const response = await fetch(`${billingMock.baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

/** Whether `answer` has not settled `ms` after now (a held answer must not). */
async function stillPendingAfter(answer: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  const settled = await Promise.race([
    answer.then(
      () => 'settled',
      () => 'settled',
    ),
    new Promise((resolve) => setTimeout(() => resolve(pending), ms)),
  ]);
  return settled === pending;
}
