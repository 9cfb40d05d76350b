import { closeMonthOfGroup } from '@billing/edge/services/statement-close';
import { reconcileClosedStatement, sweepMonth } from '@billing/edge/services/statement-reconcile';
import { expect, test } from '../support/api-test';
import { MONTH, openSqliteWorld, type SqliteWorld } from './support/sqlite-world';

/**
 * Reconcile finds what replay cannot: storage that disagrees with a closed statement. The API never
 * lets that happen (the close fence), so these tests corrupt the Node host's SQLite by hand, the way
 * a lost write, a bad migration or a manual fix would, and check that reconcile reports it field by
 * field while replay still answers identical.
 */

test.describe('reconcile: a closed statement against what storage holds now', () => {
  let world: SqliteWorld;

  test.beforeEach(async () => {
    world = await openSqliteWorld();
    await world.storage.insertUsageEvents(world.group.tenantId, world.group.id, [
      world.event('first', { volume: '10' }),
    ]);
  });

  test.afterEach(() => world.dispose());

  test('a statement whose storage is untouched reconciles clean', async () => {
    const statement = await closeMonthOfGroup(world.context(), world.group, MONTH);

    expect(await reconcileClosedStatement(world.storage, statement)).toEqual({
      clean: true,
      differences: [],
    });
  });

  test('an event stored behind the fence’s back is a finding, named by field, and swept into the findings', async () => {
    const statement = await closeMonthOfGroup(world.context(), world.group, MONTH);
    await world.raw
      .prepare(
        `INSERT INTO usage_events (tenant_id, billing_group_id, event_id, project_id, counter_name, counter_type,
           unit, volume, timestamp, month, fingerprint)
         VALUES (?, ?, 'smuggled', 'p-web', 'compute.c2.c8m8', 'DELTA', 'HOURS', '5', '2026-11-20T00:00:00Z', ?, 'x')`,
      )
      .bind(world.group.tenantId, world.group.id, MONTH)
      .run();

    const report = await reconcileClosedStatement(world.storage, statement);

    expect(report.clean).toBe(false);
    expect(report.differences).toContainEqual({
      field: 'inputs.usage[0].quantity',
      closed: '10',
      recomputed: '15',
    });
    expect(report.differences).toContainEqual({ field: 'result.total', closed: '4367', recomputed: '6551' });
    const sweep = await sweepMonth(world.context(), world.group.tenantId, MONTH);
    expect([sweep.checked, sweep.findings.map((finding) => finding.statementId)]).toEqual([
      1,
      [statement.id],
    ]);
    const listed = await world.storage.listFindings(world.group.tenantId, MONTH, { limit: 10, after: null });
    expect(listed.items.map((finding) => finding.differences)).toEqual([report.differences]);

    // The daily sweep finds the same difference again: it is recorded once, not once a day.
    const again = await sweepMonth(world.context(), world.group.tenantId, MONTH);
    expect(again.findings).toHaveLength(1);
    const relisted = await world.storage.listFindings(world.group.tenantId, MONTH, {
      limit: 10,
      after: null,
    });
    expect(relisted.items.map((finding) => finding.id)).toEqual(listed.items.map((finding) => finding.id));
  });

  test('a credit consumption missing from the ledger is a finding', async () => {
    await world.storage.createCreditGrant(
      {
        id: 'cg-1',
        tenantId: world.group.tenantId,
        billingGroupId: world.group.id,
        type: 'PROMOTIONAL',
        amount: '1000',
        priority: null,
        expiresAt: null,
        grantedAt: '2026-11-01T00:00:00Z',
        campaignId: null,
        name: null,
        lowBalanceThreshold: null,
        createdAt: '2026-11-01T00:00:00Z',
      },
      'KRW',
    );
    const statement = await closeMonthOfGroup(world.context(), world.group, MONTH);
    await world.raw
      .prepare(`DELETE FROM credit_ledger WHERE kind = 'CONSUME' AND statement_id = ?`)
      .bind(statement.id)
      .run();

    const report = await reconcileClosedStatement(world.storage, statement);

    expect(report.differences).toEqual([
      { field: 'ledger[0]', closed: { grantId: 'cg-1', amount: '-1000' }, recomputed: undefined },
    ]);
  });
});
