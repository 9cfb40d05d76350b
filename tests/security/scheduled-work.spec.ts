import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY } from '../support/edge-server';
import { RawHttp } from './support/http';
import { type Reader, readAll, statementsOfMonth } from './support/ledger';

/**
 * The scheduled run (the crons of edge/wrangler.jsonc, edge/src/services/scheduled-work.ts), fired
 * through the local scheduled-event route (`/cdn-cgi/local/scheduled`, as under wrangler dev) on an edge of the test's own: the run's shared
 * edge is never touched, since its daily work reaches every tenant. Firing the daily cron twice at
 * once, and once more after, closes an `autoClose` group's previous month exactly once.
 */

const DAILY = '0 2 * * *';

/** The month `back` months before the one the edge's clock is in (1: the month the run closes). */
function monthsAgo(back: number, now = new Date()): string {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return first.toISOString().slice(0, 7);
}

type Statement = Schemas['Statement'];
type LedgerEntry = { kind: string; grantId: string; statementId: string | null };

test.describe('scheduled work', { tag: ['@slow'] }, () => {
  test('the daily run closes an autoClose group’s previous month exactly once, even fired twice at once, and leaves other groups open', async ({
    privateEdges,
  }) => {
    test.setTimeout(120_000);
    const month = monthsAgo(1);
    const earlier = monthsAgo(2);
    const edge = await privateEdges.start();
    const http = new RawHttp(edge.url);
    const tenant = await http.json('POST', '/v1/tenants', ADMIN_API_KEY, {
      name: 'scheduled tenant',
      apiKey: { name: 'scheduled', rateLimitPerMinute: 100_000 },
    });
    expect(tenant.status, tenant.text).toBe(201);
    const key = (tenant.json as { apiKey: { key: string } }).apiKey.key;
    const post = async (path: string, body: unknown) => {
      const response = await http.json('POST', path, key, body);
      expect(response.status, `POST ${path}: ${response.text}`).toBeLessThan(300);
      return response.json as Record<string, unknown>;
    };
    const read: Reader = async <T>(path: string) => {
      const response = await http.json('GET', path, key);
      expect(response.status, `GET ${path}: ${response.text}`).toBe(200);
      return response.json as T;
    };

    const busyGroup = async (name: string, autoClose: boolean, months = [month]) => {
      const group = await post('/v1/billing-groups', { name, autoClose });
      expect(group.autoClose).toBe(autoClose);
      await post(`/v1/billing-groups/${group.id}/credits`, {
        type: 'PROMOTIONAL',
        amount: '1000',
        grantedAt: `${earlier}-01T00:00:00Z`,
      });
      await post(`/v1/billing-groups/${group.id}/usage-events`, {
        events: months.map((usageMonth) => ({
          eventId: `${name}-${usageMonth}`,
          projectId: 'p-scheduled',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '10',
          timestamp: `${usageMonth}-15T00:00:00Z`,
        })),
      });
      return group.id as string;
    };
    const automatic = await busyGroup('auto', true);
    const manual = await busyGroup('manual', false);
    // Left open in an earlier month (its auto-close failed, or it opted in late): caught up first.
    const behind = await busyGroup('behind', true, [earlier, month]);
    // A grant that expired yesterday, with its whole balance left: the daily run expires it.
    const expiring = await post(`/v1/billing-groups/${manual}/credits`, {
      type: 'FREE',
      amount: '300',
      grantedAt: `${month}-01T00:00:00Z`,
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });

    // A group on a test clock (DOMAIN §8a) lives in the clock's time: the real-time run leaves it
    // alone, though it opted into autoClose, its month has usage and its grant has expired.
    const clock = await post('/v1/test-clocks', {
      name: 'not the scheduler’s',
      frozenTime: new Date().toISOString(),
    });
    const onClock = await post('/v1/billing-groups', {
      name: 'on a clock',
      autoClose: true,
      testClockId: clock.id,
    });
    await post(`/v1/billing-groups/${onClock.id}/usage-events`, {
      events: [
        {
          eventId: 'on-a-clock',
          projectId: 'p-scheduled',
          counterName: 'compute.c2.c8m8',
          counterType: 'DELTA',
          unit: 'HOURS',
          volume: '10',
          timestamp: `${month}-15T00:00:00Z`,
        },
      ],
    });
    await post(`/v1/billing-groups/${onClock.id}/credits`, {
      type: 'FREE',
      amount: '300',
      grantedAt: `${month}-01T00:00:00Z`,
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });

    await test.step('fire the daily cron twice at once, then once more', async () => {
      const fire = () =>
        http.send({ method: 'GET', path: `/cdn-cgi/local/scheduled?cron=${encodeURIComponent(DAILY)}` });
      const fired = await Promise.all([fire(), fire()]);
      expect(fired.map((response) => response.status)).toEqual([200, 200]);
    });

    await expect
      .poll(
        async () => (await read<Statement>(`/v1/billing-groups/${automatic}/statements/${month}`)).state,
        {
          message: `the autoClose group's ${month} is closed by the scheduled run`,
          timeout: 60_000,
        },
      )
      .toBe('ISSUED');
    // A third run once the first two are done finds nothing left to close.
    const again = await http.send({
      method: 'GET',
      path: `/cdn-cgi/local/scheduled?cron=${encodeURIComponent(DAILY)}`,
    });
    expect(again.status).toBe(200);

    const ledger = await readAll<LedgerEntry>(read, `/v1/billing-groups/${automatic}/credit-ledger`);
    expect(ledger.filter((entry) => entry.kind === 'CONSUME')).toHaveLength(1);
    expect(await statementsOfMonth(read, automatic, month)).toEqual([
      expect.objectContaining({ voidedAt: null }),
    ]);

    await expect
      .poll(async () => (await read<Statement>(`/v1/billing-groups/${behind}/statements/${month}`)).state, {
        message: `the group left open in ${earlier} is caught up: ${earlier}, then ${month}`,
        timeout: 60_000,
      })
      .toBe('ISSUED');
    // Closed first; the later statement took its unpaid amount over.
    expect((await read<Statement>(`/v1/billing-groups/${behind}/statements/${earlier}`)).state).toBe(
      'CARRIED_FORWARD',
    );
    const jobs = await read<{ items: { kind: string; month: string; status: string }[] }>(
      '/v1/jobs?kind=auto-close',
    );
    expect(jobs.items.every((job) => job.kind === 'auto-close' && job.status === 'SUCCEEDED')).toBe(true);
    expect(jobs.items.map((job) => job.month)).toContain(month);

    const onItsClock = await read<Statement>(`/v1/billing-groups/${onClock.id}/statements/${month}`);
    expect(onItsClock.state, 'a group on a test clock is its clock’s to close').toBe('DRAFT');
    const clockLedger = await readAll<LedgerEntry>(read, `/v1/billing-groups/${onClock.id}/credit-ledger`);
    expect(
      clockLedger.map((entry) => entry.kind),
      'nor does the run expire its credit',
    ).toEqual(['GRANT']);

    const untouched = await read<Statement>(`/v1/billing-groups/${manual}/statements/${month}`);
    expect(untouched.state, 'a group that did not opt in stays open').toBe('DRAFT');
    const manualLedger = await readAll<LedgerEntry>(read, `/v1/billing-groups/${manual}/credit-ledger`);
    expect(
      manualLedger.filter((entry) => entry.kind === 'EXPIRE').map((entry) => entry.grantId),
      'the expired grant is expired once, however often the run fires',
    ).toEqual([expiring.id]);
  });
});
