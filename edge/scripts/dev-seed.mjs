// The development tenant `dev.mjs --seed` (and so `npm start`) leaves in the local database: a
// tenant with an API key, a demo billing group with this month's usage and a welcome credit. It is
// made once per database and found again on every later start (the database persists in
// edge/.wrangler/state), so restarting does not pile up tenants, groups and credits. The key is
// stored hashed by the edge and cannot be read back, so the seed keeps it in a file of its own
// beside the database; a file whose key the database no longer knows (a reset database) is
// replaced by a new seed.
import { readFileSync, writeFileSync } from 'node:fs';

/** Where the seed remembers its tenant: inside the database's own directory, gone with it. */
export const SEED_FILE = 'development-tenant.json';

/**
 * The development tenant of this database, seeded if there is none yet, and this month's demo usage
 * (the event ids name the month, so a second start in a month stores nothing twice).
 *   { baseUrl, adminKey, seedPath, now?, fetch? } → { tenantId, groupId, apiKey, month, created }
 */
export async function ensureDevelopmentTenant({
  baseUrl,
  adminKey,
  seedPath,
  now = new Date(),
  fetch = globalThis.fetch,
}) {
  const call = async (key, method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const expectOk = (answer, what) => {
    if (answer.status >= 300) {
      throw new Error(`could not ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };

  let seed = readSeed(seedPath);
  if (seed) {
    const group = await call(seed.apiKey, 'GET', `/v1/billing-groups/${seed.groupId}`);
    if (group.status !== 200) seed = null;
  }
  const created = seed === null;
  if (created) {
    const { tenant, apiKey } = expectOk(
      await call(adminKey, 'POST', '/v1/tenants', { name: 'Development tenant', apiKey: { name: 'dev' } }),
      'create the development tenant',
    );
    const group = expectOk(
      await call(apiKey.key, 'POST', '/v1/billing-groups', { name: 'Demo customer' }),
      'create the demo billing group',
    );
    expectOk(
      await call(apiKey.key, 'POST', `/v1/billing-groups/${group.id}/credits`, {
        type: 'PROMOTIONAL',
        amount: '50000',
        name: 'Welcome credit',
      }),
      'grant the welcome credit',
    );
    seed = { tenantId: tenant.id, groupId: group.id, apiKey: apiKey.key };
    writeFileSync(seedPath, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
  }

  // A demo statement to read straight away: this month's usage, stored once per month.
  const month = now.toISOString().slice(0, 7);
  expectOk(
    await call(seed.apiKey, 'POST', `/v1/billing-groups/${seed.groupId}/usage-events`, {
      events: demoUsage(month),
    }),
    'store the demo usage',
  );
  return { ...seed, month, created };
}

function readSeed(seedPath) {
  try {
    const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
    return typeof seed?.apiKey === 'string' && typeof seed?.groupId === 'string' ? seed : null;
  } catch {
    return null; // none yet, or unreadable: seed anew
  }
}

function demoUsage(month) {
  const timestamp = `${month}-01T09:00:00Z`;
  return [
    ['web', 'compute.c2.c8m8', 'DELTA', 'HOURS', '720'],
    ['web', 'storage.volume.ssd', 'GAUGE', 'GB', '250'],
    ['ml', 'compute.g2.t4.c8m64', 'DELTA', 'HOURS', '33.5'],
  ].map(([projectId, counterName, counterType, unit, volume], index) => ({
    eventId: `demo-${month}-${index + 1}`,
    projectId,
    counterName,
    counterType,
    unit,
    volume,
    timestamp,
  }));
}
