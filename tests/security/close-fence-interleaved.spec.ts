import { closeMonthOfGroup } from '@billing/edge/services/statement-close';
import type { Storage } from '@billing/edge/storage/port';
import { Decimal } from '@billing/engine';
import { expect, test } from '../support/api-test';
import { MONTH, NOW, openSqliteWorld, type SqliteWorld } from './support/sqlite-world';

/**
 * The close fence, interleaved on purpose: a write is slipped in exactly between a close's
 * snapshot and its commit, on the storage adapter the Node host runs (node:sqlite, the same SQL
 * and migrations as D1). The close must notice, read again and bill the write; without the fence
 * (edge/migrations/0006_close_fence.sql) these tests fail. The workerd race tests in
 * close-fence.spec.ts aim real bursts at the same window.
 */

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

async function closeWithSlippedWrite(world: SqliteWorld, write: () => Promise<unknown>) {
  const storage = slipBeforeCommit(world.storage, write);
  return closeMonthOfGroup(world.context(storage), world.group, MONTH);
}

test.describe('the close fence, interleaved by hand on SQLite', () => {
  let world: SqliteWorld;

  test.beforeEach(async () => {
    world = await openSqliteWorld();
    await world.storage.insertUsageEvents(world.group.tenantId, world.group.id, [
      world.event('first', { volume: '10' }),
    ]);
  });

  test.afterEach(() => world.dispose());

  test('usage stored between the snapshot and the commit is billed', async () => {
    const { storage, group } = world;
    const statement = await closeWithSlippedWrite(world, () =>
      storage.insertUsageEvents(group.tenantId, group.id, [world.event('slipped', { volume: '5' })]),
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
        world.event('october', { volume: '5', timestamp: '2026-10-10T00:00:00Z' }),
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
          lowBalanceThreshold: null,
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
    await closeMonthOfGroup(world.context(), group, MONTH);

    const stored = await storage.insertUsageEvents(group.tenantId, group.id, [
      world.event('late', { volume: '1' }),
      world.event('earlier-month', { volume: '1', timestamp: '2026-10-01T00:00:00Z' }),
      world.event('next-month', { volume: '1', timestamp: '2026-12-01T00:00:00Z' }),
    ]);
    expect([...stored]).toEqual(['next-month']);
  });
});
