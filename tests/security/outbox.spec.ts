import { newEvent } from '@billing/edge/services/events';
import { closeMonthOfGroup } from '@billing/edge/services/statement-close';
import type { StatementRecord } from '@billing/edge/storage/ports/statements';
import { expect, test } from '../support/api-test';
import { MONTH, NOW, openSqliteWorld, type SqliteWorld } from './support/sqlite-world';

/**
 * The outbox (edge/WEBHOOKS.md), interleaved by hand on the Node host's SQLite: an event exists
 * exactly when the change it reports committed. Two transitions of one payment that both read it
 * PENDING race to the same compare-and-set: only the one that applies writes its event; and a close
 * that loses to another commits neither its statement nor its `statement.closed`.
 */

const deps = {
  clock: () => NOW,
  newId: (prefix: string) => `${prefix}_${Math.random().toString(16).slice(2)}`,
};

test.describe('the outbox: an event commits with its change, and only then', () => {
  let world: SqliteWorld;
  let statement: StatementRecord;

  test.beforeEach(async () => {
    world = await openSqliteWorld();
    await world.storage.insertUsageEvents(world.group.tenantId, world.group.id, [world.event('outbox')]);
    statement = await closeMonthOfGroup(world.context(), world.group, MONTH);
  });

  test.afterEach(() => world.dispose());

  test('of two compare-and-sets of one PENDING payment, only the one that applies reports', async () => {
    const { storage, group } = world;
    await storage.insertPayment({
      id: 'pay-race',
      tenantId: group.tenantId,
      billingGroupId: group.id,
      statementId: statement.id,
      amount: '100',
      amountMinor: 100,
      state: 'PENDING',
      method: 'TOKEN',
      source: 'tok_pending',
      failureReason: null,
      providerReference: null,
      idempotencyKey: 'key-race',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const settle = (state: 'SUCCEEDED' | 'FAILED') =>
      storage.changePaymentState(group.tenantId, 'pay-race', 'PENDING', {
        state,
        updatedAt: NOW.toISOString(),
        event: newEvent(
          deps,
          group.tenantId,
          state === 'SUCCEEDED' ? 'payment.succeeded' : 'payment.failed',
          {
            id: 'pay-race',
            state,
          },
        ),
      });

    const [won, lost] = [await settle('SUCCEEDED'), await settle('FAILED')];

    expect(won?.state).toBe('SUCCEEDED');
    expect(lost).toBeNull();
    const events = await storage.listEvents(
      group.tenantId,
      { type: null, objectId: 'pay-race' },
      { limit: 10, after: null },
    );
    expect(events.items.map((event) => event.type)).toEqual(['payment.succeeded']);
  });

  test('a close that loses to another writes no statement.closed of its own', async () => {
    const { storage, group } = world;
    await storage.insertUsageEvents(group.tenantId, group.id, [
      world.event('december', { timestamp: '2026-12-02T00:00:00Z' }),
    ]);
    const [first, second] = await Promise.allSettled([
      closeMonthOfGroup(world.context(), group, '2026-12'),
      closeMonthOfGroup(world.context(), group, '2026-12'),
    ]);
    const closed = [first, second].filter((outcome) => outcome.status === 'fulfilled');
    expect(closed).toHaveLength(1);
    const events = await storage.listEvents(
      group.tenantId,
      { type: 'statement.closed', objectId: null },
      { limit: 10, after: null },
    );
    expect(events.items.map((event) => event.objectId).sort()).toEqual(
      [statement.id, (closed[0] as PromiseFulfilledResult<StatementRecord>).value.id].sort(),
    );
  });
});
