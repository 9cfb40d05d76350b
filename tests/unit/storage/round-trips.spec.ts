import { DatabaseSync } from 'node:sqlite';
import { createD1Storage } from '@billing/edge/storage/d1';
import { coalescingD1 } from '@billing/edge/storage/d1/coalescing';
import { sqliteStorageOn } from '@billing/edge/storage/sqlite';
import { expect, test } from '../../support/api-test';
import { driveHotPaths } from './hot-paths';
import { countingD1 } from './round-trip-counter';

/**
 * Round trips to D1 per request, as the Worker makes them (the adapters over `coalescingD1`, which
 * sends the reads a request starts together as one batch): each is a request to the database, about
 * half a millisecond of CPU under `wrangler dev` and a network hop on Cloudflare. The hot-path drive
 * calls every route; each route here has a budget, and one that needs more round trips than its
 * budget fails, naming the route: a read taken out of a batch, or a query added in a loop, shows
 * here first.
 */
const BUDGETS: Record<string, number> = {
  'POST /v1/tenants': 1,
  'GET /v1/tenant': 2,
  'POST /v1/api-keys': 2,
  'GET /v1/api-keys': 2,
  'DELETE /v1/api-keys/{id}': 2,
  'POST /v1/webhook-endpoints': 3,
  'POST /v1/price-books': 2,
  'GET /v1/price-books': 2,
  'GET /v1/price-books/{id}': 2,
  'POST /v1/billing-groups': 3,
  'PATCH /v1/billing-groups/{id}': 4,
  'GET /v1/billing-groups': 2,
  'GET /v1/billing-groups/{id}': 2,
  'POST /v1/billing-groups/{id}/projects': 3,
  'GET /v1/billing-groups/{id}/projects': 3,
  'POST /v1/contracts': 2,
  'GET /v1/contracts': 2,
  'GET /v1/contracts/{id}': 2,
  'POST /v1/billing-groups/{id}/contract-assignments': 4,
  'GET /v1/billing-groups/{id}/contract-assignments': 3,
  'POST /v1/billing-groups/{id}/credits': 5,
  'GET /v1/billing-groups/{id}/credits': 3,
  'GET /v1/billing-groups/{id}/credits/{id}': 3,
  'POST /v1/billing-groups/{id}/credits/preview': 3,
  'GET /v1/billing-groups/{id}/credit-ledger': 3,
  'GET /v1/billing-groups/{id}/credit-balances': 3,
  'POST /v1/billing-groups/{id}/usage-events': 5,
  'POST /v1/billing-groups/{id}/adjustments': 3,
  'DELETE /v1/billing-groups/{id}/adjustments/{id}': 3,
  'GET /v1/billing-groups/{id}/adjustments?month=2026-10': 3,
  'GET /v1/billing-groups/{id}/usage-events?month=2026-10': 3,
  'GET /v1/billing-groups/{id}/usage?month=2026-10': 3,
  'GET /v1/billing-groups/{id}/statements/2026-09': 3,
  'POST /v1/billing-groups/{id}/statements/2026-09/close': 10,
  'GET /v1/billing-groups/{id}/statements/2026-10': 4,
  'GET /v1/billing-groups/{id}/statements/2026-10/explain': 4,
  'GET /v1/billing-groups/{id}/statements': 4,
  'GET /v1/statements/{id}': 3,
  'POST /v1/statements/{id}/replay': 2,
  'POST /v1/statements/{id}/reconcile': 3,
  'POST /v1/statements/{id}/payments': 8,
  'POST /v1/payments/{id}/settle': 4,
  'POST /v1/payments/{id}/refund': 7,
  'GET /v1/payments/{id}': 2,
  'GET /v1/statements/{id}/payments': 3,
  'POST /v1/statements/{id}/credit-notes': 6,
  'GET /v1/statements/{id}/credit-notes': 3,
  'POST /v1/jobs/close-month': 12,
  'GET /v1/jobs/{id}': 2,
  'GET /v1/jobs': 2,
  'POST /v1/reconciliations': 3,
  'GET /v1/reconciliation-findings': 2,
  'POST /v1/statements/{id}/void': 6,
  'POST /v1/billing-groups/{id}/credits/{id}/void': 6,
  'POST /v1/billing-groups/{id}/credits/expire': 3,
  'POST /v1/calculate': 1,
  'POST /api/billing/admin/calculate': 0,
  'GET /api/billing/payments/2026-09/statements': 0,
  'GET /v1/events?type=statement.closed': 2,
  'GET /v1/events': 2,
  'GET /v1/events/{id}': 2,
  'GET /v1/webhook-endpoints/{id}/deliveries': 3,
  'GET /v1/webhook-endpoints/{id}/attempts': 3,
  'POST /v1/webhook-endpoints/{id}/redeliveries': 5,
  'GET /v1/webhook-endpoints': 2,
  'PATCH /v1/webhook-endpoints/{id}': 2,
  'POST /v1/webhook-endpoints/{id}/rotate-secret': 3,
  'POST /v1/test-clocks': 2,
  'POST /v1/test-clocks/{id}/advance': 8,
  'GET /v1/test-clocks/{id}': 2,
  'GET /v1/test-clocks': 2,
  'GET /v1/billing-groups/{id}/statements/2026-01': 3,
  'DELETE /v1/test-clocks/{id}': 2,
  'DELETE /v1/webhook-endpoints/{id}': 2,
};

/** A route as the budget names it: the API's ids (a prefix and 32 hex digits) as `{id}`. */
const routeOf = (method: string, path: string) =>
  `${method} ${path.replaceAll(/\b[a-z]+_[0-9a-f]{32}\b/g, '{id}')}`;

async function roundTripsPerRoute(batchReads: boolean): Promise<Map<string, number>> {
  const sqlite = sqliteStorageOn(new DatabaseSync(':memory:', { enableForeignKeyConstraints: true }));
  const counter = countingD1(sqlite.d1 as unknown as D1Database);
  const storage = createD1Storage(batchReads ? coalescingD1(counter.db) : counter.db);
  const perRoute = new Map<string, number>();
  await driveHotPaths(sqlite, {
    storage,
    onCall: () => counter.reset(),
    onAnswer: (method, path) => {
      const route = routeOf(method, path);
      perRoute.set(route, Math.max(perRoute.get(route) ?? 0, counter.count));
    },
  });
  sqlite.close();
  return perRoute;
}

test.describe('storage: D1 round trips per request', () => {
  test('every route stays within its budget of round trips, reads batched as on Workers', async () => {
    const measured = Object.fromEntries(await roundTripsPerRoute(true));
    const over = Object.entries(measured)
      .filter(([route, count]) => count > (BUDGETS[route] ?? -1))
      .map(([route, count]) => `${route}: ${count} round trips, budget ${BUDGETS[route] ?? 'none'}`);
    expect(over, 'routes over their budget (or with none)').toEqual([]);
    // A budget no route used any more would guard nothing: the drive must still call each route.
    expect(Object.keys(BUDGETS).filter((route) => !(route in measured))).toEqual([]);
    test.info().annotations.push({
      type: 'round trips',
      description: `${Object.keys(measured).length} routes, ${Object.values(measured).reduce((a, b) => a + b, 0)} round trips in all`,
    });
  });

  test('the budget sees reads that are not batched: each statement read then takes more', async () => {
    const unbatched = await roundTripsPerRoute(false);
    const statementReads = Object.keys(BUDGETS).filter((route) => /\/statements\/\d{4}-\d{2}$/.test(route));
    expect(statementReads.length).toBeGreaterThan(0);
    for (const route of statementReads) {
      expect(unbatched.get(route), route).toBeGreaterThan(BUDGETS[route] as number);
    }
  });
});
