import type { BillingApi } from '../support/api/billing-api';
import { expect, test } from '../support/api-test';

/**
 * List cursors are opaque and the tenant's own: a cursor tells nothing of how much other tenants
 * write (no global row number), another tenant's, group's, list's or filter's cursor and a forged one
 * are a 400 problem naming the cursor (a MAC binds each cursor to the list that issued it), and
 * paging still returns every item exactly once.
 */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The position a cursor carries in clear: the part before its MAC, base64url-decoded. */
function positionOf(cursor: string): string {
  return Buffer.from(cursor.slice(0, cursor.lastIndexOf('.')), 'base64url').toString('latin1');
}

/** Every number a cursor's position shows, other than those inside `ownIds`. */
function numbersIn(cursor: string, ownIds: string[]): number[] {
  let rest = positionOf(cursor);
  for (const id of ownIds) rest = rest.replaceAll(id, ' ');
  return (rest.match(/\d+/g) ?? []).map(Number);
}

async function allPages<T>(
  api: BillingApi,
  path: string,
  limit: number,
): Promise<{ items: T[]; cursors: string[] }> {
  const items: T[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.read(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return { items, cursors };
}

async function expectCursorRefused(api: BillingApi, path: string, cursor: string) {
  const response = await api.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`);
  expect(response.status(), `${path} with cursor ${cursor}`).toBe(400);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect((await response.json()).errors[0]).toMatchObject({ field: 'query.cursor', rule: 'cursor' });
}

test.describe('list cursors', () => {
  test('a usage-event cursor is the same whatever other tenants ingest, and pages every event once', async ({
    createTenant,
    dataName,
  }) => {
    const eventIds = ['e-1', 'e-2', 'e-3', 'e-4', 'e-5'];
    const event = (eventId: string) => ({
      eventId,
      projectId: 'p-web',
      counterName: 'compute.c2.c8m8',
      counterType: 'DELTA',
      unit: 'HOURS',
      volume: '1',
      timestamp: '2026-03-10T00:00:00Z',
    });
    const history = async () => {
      const tenant = await createTenant();
      const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: `${dataName}-bg` });
      const path = `/v1/billing-groups/${group.id}/usage-events`;
      for (const eventId of eventIds) await tenant.api.create(path, { events: [event(eventId)] }, 200);
      return { tenant, path, ...(await allPages<{ eventId: string }>(tenant.api, path, 2)) };
    };
    const busy = async () => {
      const other = await createTenant();
      const group = await other.api.create<{ id: string }>('/v1/billing-groups', {
        name: `${dataName}-busy`,
      });
      const events = Array.from({ length: 500 }, (_, index) => event(`busy-${index}`));
      await other.api.create(`/v1/billing-groups/${group.id}/usage-events`, { events }, 200);
    };

    const before = await test.step('tenant A ingests five events and pages them', history);
    await test.step('tenant B ingests 500 events', busy);
    const after = await test.step('tenant C ingests the same five events and pages them', history);

    expect(before.items.map((item) => item.eventId)).toEqual(eventIds);
    expect(after.items.map((item) => item.eventId)).toEqual(eventIds);
    // The same positions; only the MAC differs, bound to each tenant.
    expect(after.cursors.map(positionOf)).toEqual(before.cursors.map(positionOf));
    for (const cursor of after.cursors) {
      expect(Math.max(0, ...numbersIn(cursor, eventIds))).toBeLessThan(10);
    }
  });

  test('a credit-ledger cursor shows no count of other tenants’ entries, and pages every entry once', async ({
    createTenant,
    dataName,
  }) => {
    const grantBody = (amount: string) => ({
      type: 'PROMOTIONAL',
      amount,
      grantedAt: '2026-03-01T00:00:00Z',
    });
    const tenant = await createTenant();
    const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: `${dataName}-bg` });
    const credits = `/v1/billing-groups/${group.id}/credits`;
    const first = await tenant.api.create<{ id: string }>(credits, grantBody('100'));
    await test.step('another tenant grants 30 credits', async () => {
      const other = await createTenant();
      const busy = await other.api.create<{ id: string }>('/v1/billing-groups', { name: `${dataName}-busy` });
      for (let index = 0; index < 30; index += 1) {
        await other.api.create(`/v1/billing-groups/${busy.id}/credits`, grantBody('1'));
      }
    });
    const second = await tenant.api.create<{ id: string }>(credits, grantBody('200'));
    await tenant.api.create(`${credits}/${first.id}/void`, undefined, 200);

    const ledger = await allPages<{ grantId: string; kind: string; seq: number }>(
      tenant.api,
      `/v1/billing-groups/${group.id}/credit-ledger`,
      1,
    );

    expect(ledger.items.map((entry) => [entry.grantId, entry.kind])).toEqual([
      [first.id, 'GRANT'],
      [second.id, 'GRANT'],
      [first.id, 'VOID'],
    ]);
    expect(ledger.items.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    for (const cursor of ledger.cursors) {
      expect(Math.max(0, ...numbersIn(cursor, [first.id, second.id]))).toBeLessThan(10);
    }
  });

  test('another tenant’s or group’s cursor, and a forged one, are a 400 naming the cursor', async ({
    createTenant,
    dataName,
  }) => {
    const setUp = async (name: string) => {
      const tenant = await createTenant();
      const group = await tenant.api.create<{ id: string }>('/v1/billing-groups', {
        name: `${dataName}-${name}`,
      });
      const events = ['a', 'b', 'c'].map((eventId) => ({
        eventId: `${name}-${eventId}`,
        projectId: 'p-web',
        counterName: 'compute.c2.c8m8',
        counterType: 'DELTA',
        unit: 'HOURS',
        volume: '1',
        timestamp: '2026-03-10T00:00:00Z',
      }));
      const usage = `/v1/billing-groups/${group.id}/usage-events`;
      await tenant.api.create(usage, { events }, 200);
      const ledger = `/v1/billing-groups/${group.id}/credit-ledger`;
      for (const amount of ['1', '2']) {
        await tenant.api.create(`/v1/billing-groups/${group.id}/credits`, {
          type: 'FREE',
          amount,
          grantedAt: '2026-03-01T00:00:00Z',
        });
      }
      const usageCursor = (await tenant.api.read<Page<unknown>>(`${usage}?limit=1`)).nextCursor as string;
      const ledgerCursor = (await tenant.api.read<Page<unknown>>(`${ledger}?limit=1`)).nextCursor as string;
      return { tenant, group, usage, ledger, usageCursor, ledgerCursor };
    };
    const a = await setUp('a');
    const b = await setUp('b');
    const sibling = await a.tenant.api.create<{ id: string }>('/v1/billing-groups', {
      name: `${dataName}-a2`,
    });
    await a.tenant.api.create(`/v1/billing-groups/${sibling.id}/credits`, {
      type: 'FREE',
      amount: '5',
      grantedAt: '2026-03-01T00:00:00Z',
    });
    await a.tenant.api.create(`/v1/billing-groups/${sibling.id}/credits`, {
      type: 'FREE',
      amount: '6',
      grantedAt: '2026-03-01T00:00:00Z',
    });

    await test.step('tenant B sends tenant A’s cursors', async () => {
      await expectCursorRefused(b.tenant.api, b.usage, a.usageCursor);
      await expectCursorRefused(b.tenant.api, b.ledger, a.ledgerCursor);
    });
    await test.step('tenant A sends one group’s cursors to another group', async () => {
      await expectCursorRefused(a.tenant.api, `/v1/billing-groups/${sibling.id}/usage-events`, a.usageCursor);
      await expectCursorRefused(
        a.tenant.api,
        `/v1/billing-groups/${sibling.id}/credit-ledger`,
        a.ledgerCursor,
      );
    });
    await test.step('forged cursors: garbage, a small number, an unknown event, another month', async () => {
      const encode = (text: string) => Buffer.from(text).toString('base64url');
      for (const forged of ['%25%25%25', encode('1'), encode('12345'), encode('no-such-event')]) {
        await expectCursorRefused(a.tenant.api, a.usage, forged);
        await expectCursorRefused(a.tenant.api, a.ledger, forged);
      }
      await expectCursorRefused(a.tenant.api, `${a.usage}?month=2026-04`, a.usageCursor);
    });
    await test.step('tenant B sends tenant A’s cursor of an id-keyed list, and a forged one', async () => {
      const groups = '/v1/billing-groups';
      await a.tenant.api.create(groups, { name: `${dataName}-a3` });
      const groupsCursor = (await a.tenant.api.read<Page<unknown>>(`${groups}?limit=1`)).nextCursor as string;
      await expectCursorRefused(b.tenant.api, groups, groupsCursor);
      await expectCursorRefused(a.tenant.api, groups, Buffer.from('zzzz').toString('base64url'));
      await expectCursorRefused(a.tenant.api, '/v1/price-books', groupsCursor);
      expect((await a.tenant.api.get(`${groups}?limit=1&cursor=${groupsCursor}`)).status()).toBe(200);
    });
    await test.step('the cursors still work where they were issued', async () => {
      expect((await a.tenant.api.get(`${a.usage}?limit=1&cursor=${a.usageCursor}`)).status()).toBe(200);
      expect((await a.tenant.api.get(`${a.ledger}?limit=1&cursor=${a.ledgerCursor}`)).status()).toBe(200);
    });
  });
});
