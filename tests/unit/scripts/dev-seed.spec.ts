import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevelopmentTenant } from '../../../edge/scripts/dev-seed.mjs';
import { expect, test } from '../../support/api-test';
import { ADMIN_API_KEY } from '../../support/edge-server';
import { type InProcessEdge, startInProcessEdge } from '../../support/in-process-edge';

/**
 * `npm start` seeds a development tenant into a database that persists across restarts: a restart
 * must find the tenant it made, not add another tenant, demo group and welcome credit each time.
 */
const BASE_URL = 'http://edge.test';

function seedOn(edge: InProcessEdge, seedPath: string, now: Date) {
  return ensureDevelopmentTenant({
    baseUrl: BASE_URL,
    adminKey: ADMIN_API_KEY,
    seedPath,
    now,
    fetch: (url, init) => edge.fetch(new Request(url, init)),
  });
}

async function read(edge: InProcessEdge, key: string, path: string) {
  const response = await edge.fetch(
    new Request(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${key}` } }),
  );
  expect(response.status, path).toBe(200);
  return (await response.json()) as { items: { eventId?: string; amount?: string }[] };
}

test.describe('the development seed (dev.mjs --seed, npm start)', () => {
  let edge: InProcessEdge;
  let dir: string;
  test.beforeEach(() => {
    edge = startInProcessEdge();
    dir = mkdtempSync(join(tmpdir(), 'dev-seed-'));
  });
  test.afterEach(async () => {
    await edge.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a restart keeps the tenant, its group and its one welcome credit, and adds a new month’s usage once', async () => {
    const seedPath = join(dir, 'seed.json');
    const first = await seedOn(edge, seedPath, new Date('2026-11-20T00:00:00Z'));
    const again = await seedOn(edge, seedPath, new Date('2026-11-21T00:00:00Z'));
    const nextMonth = await seedOn(edge, seedPath, new Date('2026-12-02T00:00:00Z'));

    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(nextMonth).toMatchObject({ tenantId: first.tenantId, groupId: first.groupId, month: '2026-12' });
    const groups = await read(edge, first.apiKey, '/v1/billing-groups');
    expect(groups.items).toHaveLength(1);
    const credits = await read(edge, first.apiKey, `/v1/billing-groups/${first.groupId}/credits`);
    expect(credits.items.map((grant) => grant.amount)).toEqual(['50000']);
    for (const month of ['2026-11', '2026-12']) {
      const usage = await read(
        edge,
        first.apiKey,
        `/v1/billing-groups/${first.groupId}/usage-events?month=${month}`,
      );
      expect(usage.items.map((event) => event.eventId)).toEqual([1, 2, 3].map((n) => `demo-${month}-${n}`));
    }
  });

  test('a seed file whose key the database does not know (a reset database) is replaced by a new seed', async () => {
    const seedPath = join(dir, 'seed.json');
    const before = await seedOn(edge, seedPath, new Date('2026-11-20T00:00:00Z'));
    await edge.close();
    edge = startInProcessEdge();

    const after = await seedOn(edge, seedPath, new Date('2026-11-20T00:00:00Z'));

    expect(after.created).toBe(true);
    expect(after.apiKey).not.toBe(before.apiKey);
    await read(edge, after.apiKey, `/v1/billing-groups/${after.groupId}/usage-events?month=2026-11`);
  });
});
