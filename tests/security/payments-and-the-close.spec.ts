import { closeMonthOfGroup } from '@billing/edge/services/statement-close';
import { reconcileClosedStatement } from '@billing/edge/services/statement-reconcile';
import type { NewPayment } from '@billing/edge/storage/ports/payments';
import type { StatementRecord } from '@billing/edge/storage/ports/statements';
import { expect, test } from '../support/api-test';
import { openSqliteWorld, type SqliteWorld } from './support/sqlite-world';

/**
 * Payments racing the next month's close (found by review): a payment whose request saw October
 * payable must not land once November's close has carried October's outstanding amount forward (the
 * customer would pay it twice), and a refund of October's payment must not land after it (the
 * refunded amount would be billed nowhere). The requests' own checks run before these writes; here
 * the close commits in between, on the Node host's SQLite, and the writes themselves must refuse.
 */

const OCTOBER = '2026-10';
const NOVEMBER = '2026-11';

function paymentOf(
  statement: StatementRecord,
  id: string,
  amount: string,
  state: NewPayment['state'],
): NewPayment {
  return {
    id,
    tenantId: statement.tenantId,
    billingGroupId: statement.billingGroupId,
    statementId: statement.id,
    amount,
    amountMinor: Number(amount),
    state,
    method: 'TOKEN',
    source: 'tok_success',
    failureReason: null,
    providerReference: null,
    idempotencyKey: `key-${id}`,
    createdAt: '2026-12-06T00:00:00Z',
    updatedAt: '2026-12-06T00:00:00Z',
  };
}

test.describe('payments and the next close, interleaved by hand on SQLite', () => {
  let world: SqliteWorld;
  let october: StatementRecord;

  test.beforeEach(async () => {
    world = await openSqliteWorld();
    await world.storage.insertUsageEvents(world.group.tenantId, world.group.id, [
      world.event('october', { volume: '10', timestamp: '2026-10-10T00:00:00Z' }),
      world.event('november', { volume: '1' }),
    ]);
    october = await closeMonthOfGroup(world.context(), world.group, OCTOBER);
  });

  test.afterEach(() => world.dispose());

  test('a payment that lands after the next close carried the statement forward is refused', async () => {
    const november = await closeMonthOfGroup(world.context(), world.group, NOVEMBER);
    expect(november.closed.result.unpaid).toBe(october.total);

    const late = world.storage.insertPayment(paymentOf(october, 'pay-late', october.total, 'PENDING'));

    await expect(late).rejects.toMatchObject({ code: 'not-payable' });
    expect(await world.storage.paymentsForStatement(october.tenantId, october.id)).toEqual([]);
  });

  test('a refund that lands after the next close carried the statement forward is refused', async () => {
    await world.storage.insertPayment(paymentOf(october, 'pay-1', '1000', 'SUCCEEDED'));
    const november = await closeMonthOfGroup(world.context(), world.group, NOVEMBER);
    expect(november.closed.result.unpaid).toBe('3367');

    const refund = world.storage.changePaymentState(october.tenantId, 'pay-1', 'SUCCEEDED', {
      state: 'REFUNDED',
      updatedAt: '2026-12-06T00:00:00Z',
    });

    await expect(refund).rejects.toMatchObject({ code: 'carried-forward' });
    const [payment] = await world.storage.paymentsForStatement(october.tenantId, october.id);
    expect(payment?.state).toBe('SUCCEEDED');
  });

  test('reconcile reports a carried balance that a payment behind the triggers’ back made wrong', async () => {
    const november = await closeMonthOfGroup(world.context(), world.group, NOVEMBER);
    // The API cannot get here (the payment trigger refuses it): drop the trigger as a bad migration would.
    await world.raw.prepare('DROP TRIGGER payments_to_payable_statements_only').bind().run();
    await world.raw
      .prepare(
        `INSERT INTO payments (id, tenant_id, billing_group_id, statement_id, amount, amount_minor, state, method,
           source, idempotency_key, created_at, updated_at)
         VALUES ('pay-smuggled', ?, ?, ?, '4367', 4367, 'SUCCEEDED', 'TOKEN', 'tok', 'k', '2026-12-06', '2026-12-06')`,
      )
      .bind(october.tenantId, october.billingGroupId, october.id)
      .run();

    const report = await reconcileClosedStatement(world.storage, november);

    expect(report.differences).toEqual([
      { field: 'inputs.previousStatement.outstanding', closed: '4367', recomputed: '0' },
    ]);
  });
});
