import { expect, test } from '../support/test';
import { allAtOnce, problemDefect } from './support/http';

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
