import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@billing/engine';
import { closeMonthOfGroup } from '../../edge/src/services/statement-close';
import type { Storage } from '../../edge/src/storage/port';
import type { BillingGroupRecord } from '../../edge/src/storage/ports/billing-groups';
import { expect, test } from '../support/test';

/**
 * The close fence, interleaved on purpose: a write is slipped in exactly between a close's
 * snapshot and its commit, on the storage adapter the Node host runs (node:sqlite, the same SQL
 * and migrations as D1). The close must notice, read again and bill the write; without the fence
 * (edge/migrations/0006_close_fence.sql) each of these tests fails. The workerd race tests in
 * close-fence.spec.ts aim real bursts at the same window.
 */

const MONTH = '2026-11';
const NOW = new Date('2026-12-06T00:00:00Z');

interface World {
  storage: Storage;
  group: BillingGroupRecord;
  close: () => void;
}

/**
 * The Node host's storage. Loaded by a path the type checker does not follow: its D1 shim needs the
 * Workers types, which the tests' Node-only tsconfig leaves out (edge/tsconfig.node.json checks it).
 */
const SQLITE_STORAGE = '../../edge/src/storage/sqlite/index.ts';
const { openSqliteStorage } = (await import(SQLITE_STORAGE)) as {
  openSqliteStorage(path: string): { storage: Storage; close(): void };
};

let ids = 0;
const newId = (prefix: string) => {
  ids += 1;
  return `${prefix}_${ids}`;
};

async function openWorld(directory: string): Promise<World> {
  const { storage, close } = openSqliteStorage(join(directory, 'billing.sqlite'));
  const tenantId = newId('tn');
  const createdAt = NOW.toISOString();
  await storage.createTenant(
    { id: tenantId, name: 'fence', createdAt },
    {
      id: newId('key'),
      tenantId,
      name: 'k',
      keyHash: newId('hash'),
      keyPrefix: 'bk_',
      rateLimitPerMinute: 1,
      createdAt,
    },
  );
  const group: BillingGroupRecord = {
    id: newId('bg'),
    tenantId,
    name: 'fence',
    currency: 'KRW',
    vatRate: '10',
    roundingMode: 'HALF_UP',
    paymentTermsDays: 14,
    lateFeeRate: '5',
    priceBookId: null,
    createdAt,
  };
  await storage.createBillingGroup(group);
  return { storage, group, close };
}

function usageEvent(eventId: string, volume: string) {
  return {
    eventId,
    billingGroupId: '',
    projectId: 'p-web',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA' as const,
    unit: 'HOURS',
    volume,
    timestamp: '2026-11-10T00:00:00Z',
  };
}

/** The storage, with `write` run once right before the close's commit: after its snapshot. */
function slipBeforeCommit(storage: Storage, write: () => Promise<unknown>): Storage {
  let slipped = false;
  return {
    ...storage,
    async insertClosedStatement(close) {
      if (!slipped) {
        slipped = true;
        await write();
      }
      return storage.insertClosedStatement(close);
    },
  };
}

async function closeWithSlippedWrite(world: World, write: () => Promise<unknown>) {
  const storage = slipBeforeCommit(world.storage, write);
  return closeMonthOfGroup({ storage, deps: { clock: () => NOW, newId } }, world.group, MONTH);
}

test.describe('the close fence, interleaved by hand on SQLite', () => {
  let directory: string;
  let world: World;

  test.beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'close-fence-'));
    world = await openWorld(directory);
    const { storage, group } = world;
    await storage.insertUsageEvents(group.tenantId, group.id, [
      { ...usageEvent('first', '10'), billingGroupId: group.id },
    ]);
  });

  test.afterEach(() => {
    world.close();
    rmSync(directory, { recursive: true, force: true });
  });

  test('usage stored between the snapshot and the commit is billed', async () => {
    const { storage, group } = world;
    const statement = await closeWithSlippedWrite(world, () =>
      storage.insertUsageEvents(group.tenantId, group.id, [
        { ...usageEvent('slipped', '5'), billingGroupId: group.id },
      ]),
    );

    const billed = statement.closed.result.lines.reduce(
      (sum, line) => sum.plus(line.quantity),
      new Decimal(0),
    );
    expect(billed.toString()).toBe('15');
  });

  test('usage of an earlier open month stored in between stops the close reading a stale snapshot', async () => {
    const { storage, group } = world;
    const statement = await closeWithSlippedWrite(world, () =>
      storage.insertUsageEvents(group.tenantId, group.id, [
        { ...usageEvent('october', '5'), billingGroupId: group.id, timestamp: '2026-10-10T00:00:00Z' },
      ]),
    ).catch((error: unknown) => error);

    // October now has usage, so November may not close before it: the retried close sees it.
    expect(statement).toMatchObject({ code: 'month-order' });
  });

  test('an adjustment created in between is in the statement', async () => {
    const { storage, group } = world;
    const statement = await closeWithSlippedWrite(world, () =>
      storage.createAdjustment({
        id: 'adj-slipped',
        tenantId: group.tenantId,
        billingGroupId: group.id,
        month: MONTH,
        type: 'SURCHARGE',
        method: 'FIXED',
        value: '1000',
        level: 'BILLING_GROUP',
        targetProjectId: null,
        description: 'slipped in',
        createdAt: NOW.toISOString(),
      }),
    );

    expect(
      statement.closed.result.billingGroupAdjustments.map((adjustment) => adjustment.adjustmentId),
    ).toEqual(['adj-slipped']);
  });

  test('a credit granted in between is burned by the statement', async () => {
    const { storage, group } = world;
    const statement = await closeWithSlippedWrite(world, () =>
      storage.createCreditGrant(
        {
          id: 'cg-slipped',
          tenantId: group.tenantId,
          billingGroupId: group.id,
          type: 'PROMOTIONAL',
          amount: '100',
          priority: null,
          expiresAt: null,
          grantedAt: '2026-11-01T00:00:00Z',
          campaignId: null,
          name: null,
          createdAt: NOW.toISOString(),
        },
        'KRW',
      ),
    );

    expect(statement.closed.result.credits.map((credit) => [credit.grantId, credit.amountApplied])).toEqual([
      ['cg-slipped', '100'],
    ]);
  });

  test('a contract assigned in between prices the statement', async () => {
    const { storage, group } = world;
    await storage.createContract({
      id: 'ct-slipped',
      tenantId: group.tenantId,
      name: 'half off',
      priceOverrides: [],
      discountRate: '50',
      minimumCharge: null,
      createdAt: NOW.toISOString(),
    });
    const statement = await closeWithSlippedWrite(world, () =>
      storage.assignContract({
        id: 'ca-slipped',
        tenantId: group.tenantId,
        billingGroupId: group.id,
        contractId: 'ct-slipped',
        startMonth: MONTH,
        endMonth: null,
        createdAt: NOW.toISOString(),
      }),
    );

    expect(statement.closed.result.contractLines.map((line) => [line.kind, line.amount])).toEqual([
      ['CONTRACT_DISCOUNT', '-1985'],
    ]);
  });

  test('a write after the commit finds the month closed', async () => {
    const { storage, group } = world;
    await closeMonthOfGroup({ storage, deps: { clock: () => NOW, newId } }, group, MONTH);

    const stored = await storage.insertUsageEvents(group.tenantId, group.id, [
      { ...usageEvent('late', '1'), billingGroupId: group.id },
      { ...usageEvent('earlier-month', '1'), billingGroupId: group.id, timestamp: '2026-10-01T00:00:00Z' },
      { ...usageEvent('next-month', '1'), billingGroupId: group.id, timestamp: '2026-12-01T00:00:00Z' },
    ]);
    expect([...stored]).toEqual(['next-month']);
  });
});
