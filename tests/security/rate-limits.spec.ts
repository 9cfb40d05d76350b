import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY } from '../support/edge-server';
import { allAtOnce, problemDefect, RawHttp } from './support/http';

/**
 * A key over its limit is throttled on its own: 429 problem+json with Retry-After and the RateLimit
 * headers, while the edge stays healthy and other keys, of the same tenant or another, go on working.
 */

const LIMIT = 5;
const BURST = 30;

test.describe('rate limits', () => {
  test('a burst beyond a key’s limit gets 429 with Retry-After; /health and other keys are unaffected', async ({
    createTenant,
    rawHttp,
    securitySummary,
  }) => {
    const tenant = await createTenant();
    const bystander = await createTenant();
    const limited = await tenant.api.create<{ key: string }>('/v1/api-keys', {
      name: 'limited',
      rateLimitPerMinute: LIMIT,
    });
    const sibling = await tenant.api.create<{ key: string }>('/v1/api-keys', { name: 'sibling' });

    const [burst, health, otherTenant, otherKey] = await Promise.all([
      allAtOnce(BURST, () => rawHttp.json('GET', '/v1/billing-groups', limited.key)),
      allAtOnce(10, () => rawHttp.send({ method: 'GET', path: '/health' })),
      allAtOnce(10, () => rawHttp.json('GET', '/v1/billing-groups', bystander.apiKey)),
      allAtOnce(10, () => rawHttp.json('GET', '/v1/billing-groups', sibling.key)),
    ]);

    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - LIMIT);
    for (const refused of burst.filter((response) => response.status === 429)) {
      expect(problemDefect(refused)).toBeNull();
      expect((refused.json as { type: string }).type).toBe('/problems/rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(refused.headers.get('ratelimit')).toMatch(/limit=5, remaining=0, reset=\d+/);
    }
    expect(health.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(otherTenant.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(otherKey.map((response) => response.status)).toEqual(Array(10).fill(200));
    securitySummary.count('rateLimits', 'bursts', 1);
    securitySummary.count('rateLimits', 'throttled', BURST - LIMIT);
  });

  test('a throttled key stays throttled for writes too, and nothing it sends is stored', async ({
    createTenant,
    rawHttp,
    dataName,
  }) => {
    const tenant = await createTenant();
    const limited = await tenant.api.create<{ key: string }>('/v1/api-keys', {
      name: 'writer',
      rateLimitPerMinute: 2,
    });
    const names = Array.from({ length: 8 }, (_, index) => `${dataName}-throttled-${index}`);

    const answers = await Promise.all(
      names.map((name) => rawHttp.json('POST', '/v1/billing-groups', limited.key, { name })),
    );

    const created = answers.filter((response) => response.status === 201);
    expect(created).toHaveLength(2);
    expect(answers.filter((response) => response.status === 429)).toHaveLength(6);
    const listed = await tenant.api.read<{ items: { name: string }[] }>('/v1/billing-groups?limit=100');
    expect(listed.items.map((group) => group.name).sort()).toEqual(
      created.map((response) => (response.json as { name: string }).name).sort(),
    );
  });
});

/**
 * Throttles per client, each on an edge of the test's own (the run's shared edge raises them: every
 * test reaches it from the same loopback address). workerd's local entry keeps a CF-Connecting-IP the client
 * sent, so each request names its client as Cloudflare would; in production Cloudflare sets it.
 */
test.describe('throttles per client', () => {
  test('after 10 failed authentications a client gets 429 with Retry-After, even with the right key; other clients do not', async ({
    privateEdges,
  }) => {
    const edge = await privateEdges.start();
    const http = new RawHttp(edge.url);
    const from = (client: string) => ({ 'CF-Connecting-IP': client });
    const guesser = '203.0.113.7';
    const bystander = '203.0.113.8';
    const tenantOf = (key: string, client: string) =>
      http.json('POST', '/v1/tenants', key, { name: `throttle-${client}` }, from(client));

    const wrong = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      wrong.push(await tenantOf(`wrong-admin-${attempt}`, guesser));
    for (let attempt = 0; attempt < 6; attempt += 1) {
      wrong.push(
        await http.json('GET', '/v1/billing-groups', `bk_wrong${attempt}`, undefined, from(guesser)),
      );
    }
    const rightKeyFromGuesser = await tenantOf(ADMIN_API_KEY, guesser);
    const rightKeyFromBystander = await tenantOf(ADMIN_API_KEY, bystander);
    // The guesser's count is read while its key is looked up: its answer still comes first, for a
    // tenant's right key and for a request with no key at all.
    const { key: tenantKey } = (rightKeyFromBystander.json as { apiKey: { key: string } }).apiKey;
    const tenantKeyFromGuesser = await http.json('GET', '/v1/tenant', tenantKey, undefined, from(guesser));
    const noKeyFromGuesser = await http.json('GET', '/v1/tenant', null, undefined, from(guesser));

    expect(wrong.slice(0, 10).map((response) => response.status)).toEqual(Array(10).fill(401));
    for (const refused of [...wrong.slice(10), rightKeyFromGuesser, tenantKeyFromGuesser, noKeyFromGuesser]) {
      expect(refused.status).toBe(429);
      expect(problemDefect(refused)).toBeNull();
      expect((refused.json as { type: string }).type).toBe('/problems/rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(refused.headers.get('ratelimit')).toMatch(/limit=10, remaining=0, reset=\d+/);
    }
    expect(rightKeyFromBystander.status, rightKeyFromBystander.text).toBe(201);
  });

  test('40 wrong keys at once from one client get exactly 10 answers of 401, the rest 429; 40 right ones all pass', async ({
    privateEdges,
  }) => {
    const edge = await privateEdges.start();
    const http = new RawHttp(edge.url);
    const guesser = { 'CF-Connecting-IP': '203.0.113.9' };
    const busyClient = { 'CF-Connecting-IP': '203.0.113.10' };

    const valid = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        http.json('POST', '/v1/tenants', ADMIN_API_KEY, { name: `busy-${index}` }, busyClient),
      ),
    );
    expect(valid.map((response) => response.status)).toEqual(Array(40).fill(201));

    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, attempt) =>
        http.json('GET', '/v1/billing-groups', `bk_burst${attempt}`, undefined, guesser),
      ),
    );

    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
  });

  test('the web app names its visitors with the shared token: one visitor’s wrong keys lock out nobody else; a forged token names no one', async ({
    privateEdges,
  }) => {
    const token = 'client-address-token-for-this-test';
    const edge = await privateEdges.start({ env: { CLIENT_ADDRESS_TOKEN: token } });
    const http = new RawHttp(edge.url);
    // Every request comes from the app's server; the app names the visitor it calls for.
    const app = { 'CF-Connecting-IP': '198.51.100.1' };
    const visitor = (address: string, proof = token) => ({
      ...app,
      'X-Billing-Client-Address': address,
      'X-Billing-Client-Token': proof,
    });

    const guesses = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      guesses.push(
        await http.json(
          'GET',
          '/v1/billing-groups',
          `bk_guess${attempt}`,
          undefined,
          visitor('203.0.113.20'),
        ),
      );
    }
    const signedInVisitor = await http.json(
      'POST',
      '/v1/tenants',
      ADMIN_API_KEY,
      { name: 'app-visitor' },
      visitor('203.0.113.21'),
    );

    expect(guesses.map((response) => response.status)).toEqual([...Array(10).fill(401), 429]);
    expect(signedInVisitor.status, 'another visitor of the app is not locked out').toBe(201);

    // Without the right token the header is the client's own say-so: ignored, the app's address counts.
    const forged = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      forged.push(
        await http.json(
          'GET',
          '/v1/billing-groups',
          `bk_forged${attempt}`,
          undefined,
          visitor(`203.0.113.${30 + attempt}`, 'not-the-token'),
        ),
      );
    }
    expect(forged.map((response) => response.status)).toEqual([...Array(10).fill(401), 429]);
  });

  test('the legacy routes refuse a client over its limit with 429 in the legacy envelope', async ({
    privateEdges,
  }) => {
    const edge = await privateEdges.start({ env: { LEGACY_RATE_LIMIT_PER_MINUTE: '5' } });
    const http = new RawHttp(edge.url);
    const statements = (client: string, path = '/api/billing/payments/2026-03/statements') =>
      http.send({ method: 'GET', path, headers: { uuid: 'legacy-client', 'CF-Connecting-IP': client } });

    const burst = [];
    for (let request = 0; request < 8; request += 1) {
      burst.push(
        await statements('198.51.100.1', request % 2 ? '/billing/payments/2026-03/statements' : undefined),
      );
    }
    const otherClient = await statements('198.51.100.2');

    expect(burst.slice(0, 5).map((response) => response.status)).not.toContain(429);
    for (const refused of burst.slice(5)) {
      expect(refused.status).toBe(429);
      expect(refused.json).toEqual({
        header: { isSuccessful: false, resultCode: -1, resultMessage: expect.any(String) },
      });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(otherClient.status).not.toBe(429);
  });
});
