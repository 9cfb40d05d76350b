import { createBenchTenant } from '../../bench/lib/api';
import type { LoadResult } from '../../bench/lib/load';
import { type LoadRecipe, runLoadInProcess } from '../../bench/lib/load-process';
import { standardCalculateBody } from '../../bench/lib/standard';
import { median } from '../../bench/measure';
import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY, EDGE_URL } from '../support/edge-server';
import { reportFigures } from './figures';

/**
 * The edge's budgets of the performance issue, on the run's own edge (workerd, local D1), measured
 * the way `npm run bench:edge` does in fewer, shorter rounds: autocannon on loopback, 10
 * connections, a warm-up, then rounds that each time the trivial route next to the route measured,
 * so a busy stretch of the machine weighs on both alike.
 */

const ROUNDS = 3;
const LOAD = { connections: 10, durationSeconds: 1, warmUpSeconds: 1 };
const TRIVIAL: LoadRecipe = {
  kind: 'fixed',
  scenario: { name: 'trivial route', method: 'GET', path: '/docs/init.js' },
};

interface Round {
  trivial: LoadResult;
  route: LoadResult;
}

/** Every round: the trivial route, then the route; a run with any error or non-2xx fails the test. */
async function roundsAgainstTrivial(recipeOfRound: (round: number) => LoadRecipe): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const options = { ...LOAD, warmUpSeconds: round === 0 ? LOAD.warmUpSeconds : 0 };
    const trivial = await runLoadInProcess({ baseUrl: EDGE_URL, recipe: TRIVIAL, options });
    const route = await runLoadInProcess({ baseUrl: EDGE_URL, recipe: recipeOfRound(round), options });
    for (const result of [trivial, route]) {
      expect(result, `${result.name}: every answer 2xx, no errors`).toMatchObject({ non2xx: 0, errors: 0 });
    }
    rounds.push({ trivial, route });
  }
  return rounds;
}

test('POST /v1/calculate reaches at least half the trivial route’s throughput', async ({
  dataName,
}, testInfo) => {
  const api = await createBenchTenant(EDGE_URL, ADMIN_API_KEY, `${dataName}-perf`);
  const rounds = await roundsAgainstTrivial(() => ({
    kind: 'fixed',
    scenario: {
      name: 'calculate (standard statement)',
      method: 'POST',
      path: '/v1/calculate',
      headers: { Authorization: `Bearer ${api.key}` },
      body: JSON.stringify(standardCalculateBody()),
    },
  }));
  const ratio = median(
    rounds.map(({ route, trivial }) => route.requestsPerSecond / trivial.requestsPerSecond),
  );
  await reportFigures(
    testInfo,
    [
      ...rounds.map(
        ({ route, trivial }, index) =>
          `round ${index + 1}: calculate ${route.requestsPerSecond.toFixed(0)} req/s, trivial ${trivial.requestsPerSecond.toFixed(0)} req/s`,
      ),
      `calculate ÷ trivial, median: ${ratio.toFixed(2)}×`,
    ],
    rounds,
  );
  expect(ratio, 'calculate ÷ trivial route throughput').toBeGreaterThanOrEqual(0.5);
});

test('usage ingestion in batches of 1000 stores at least 10,000 events per second', async ({
  dataName,
}, testInfo) => {
  const api = await createBenchTenant(EDGE_URL, ADMIN_API_KEY, `${dataName}-perf`);
  const group = await api.post<{ id: string }>('/v1/billing-groups', { name: `${dataName}-ingest` });
  const rounds = await roundsAgainstTrivial((round) => ({
    kind: 'ingestion',
    // Each round is a process of its own: a prefix per round keeps every event id new.
    ingestion: { size: 1000, billingGroupId: group.id, month: '2026-10', eventIdPrefix: `r${round}` },
    headers: { Authorization: `Bearer ${api.key}` },
  }));
  const eventsPerSecond = median(rounds.map(({ route }) => route.itemsPerSecond ?? 0));
  await reportFigures(
    testInfo,
    [
      ...rounds.map(
        ({ route }, index) =>
          `round ${index + 1}: ${(route.itemsPerSecond ?? 0).toFixed(0)} events/s, p99 ${route.p99Ms} ms`,
      ),
      `median: ${eventsPerSecond.toFixed(0)} events/s`,
    ],
    rounds,
  );
  expect(eventsPerSecond, 'events stored per second').toBeGreaterThanOrEqual(10_000);
});
