import { randomId } from '@billing/edge/app';
import { expect, test } from '../../support/api-test';
import { startInProcessEdge } from '../../support/in-process-edge';

/**
 * A client over its failed-authentication allowance is refused whatever its key (edge/LIMITS.md),
 * and its refusal also shields storage: the key lookup, which otherwise runs while the client's
 * count is read, is not made for a client this process has already refused. (The reviewer's test:
 * with the count read alongside the lookup and nothing remembered, 20 refused guesses made 20
 * lookups.)
 */
test('a locked-out client is refused without a key lookup, until its window ends', async () => {
  let lookups = 0;
  // The throttle's counts and refusals are the module's, shared by every app in this worker: an
  // address no other test uses.
  const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomId('unit')}`;
  const edge = startInProcessEdge({
    env: { AUTH_FAILURES_PER_MINUTE: '3' },
    clientAddress: () => client,
    storage: (storage) => ({
      ...storage,
      findApiKeyByHash: (hash) => {
        lookups += 1;
        return storage.findApiKeyByHash(hash);
      },
    }),
  });
  const guess = async (attempt: number) => {
    const response = await edge.fetch(
      new Request('http://edge.test/v1/tenant', { headers: { Authorization: `Bearer bk_guess${attempt}` } }),
    );
    return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) };
  };

  try {
    const allowance = [];
    for (let attempt = 0; attempt < 4; attempt += 1) allowance.push((await guess(attempt)).status);
    expect(allowance).toEqual([401, 401, 401, 429]);

    const before = lookups;
    const lockedOut = [];
    for (let attempt = 4; attempt < 24; attempt += 1) lockedOut.push(await guess(attempt));

    expect(lockedOut.map(({ status }) => status)).toEqual(Array(20).fill(429));
    for (const { retryAfter } of lockedOut) {
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(lookups - before, 'key lookups made for 20 refused guesses').toBe(0);
  } finally {
    await edge.close();
  }
});
