import { expect } from '../support/api-test';
import { differencesFromOracle, lineKey, sameDecimal } from './billing-model';
import { expectGroupsAtClock } from './clock-commands';
import { type ClockGroup, type ClockModel, clockUsageOf, minorOfWire } from './clock-model';
import type { ClockSystem } from './clock-system';
import { expectLedgerSums } from './invariants';

/**
 * What must hold at the end of every clock sequence: the groups as the clock's time has them
 * (statements, states, balances, expiries), each statement still the oracle's, replay identical and
 * reconcile clean, storage holding exactly the accepted events, the ledger summing to the balances
 * (none below 0), and the succeeded payments the model's.
 */
export async function expectClockInvariants(model: ClockModel, system: ClockSystem): Promise<void> {
  await expectGroupsAtClock(model, system);
  await Promise.all(
    model.groups.flatMap((group) => [
      expectStatements(group, system),
      expectStoredUsage(group, system),
      expectLedger(group, system),
      expectPayments(group, system),
    ]),
  );
}

async function expectStatements(group: ClockGroup, system: ClockSystem) {
  for (const statement of group.statements) {
    const id = statement.id as string;
    const [body, replay] = await Promise.all([system.statement(id), system.replay(id)]);
    const differences = differencesFromOracle(body.result, statement.expected, statement.quantities);
    expect(differences, `${statement.month} of group ${group.index} against the oracle`).toEqual([]);
    expect(minorOfWire(body.paid) <= minorOfWire(body.total), `paid ≤ total on ${id}`).toBe(true);
    expect(replay, `replay of ${statement.month} of group ${group.index}`).toMatchObject({
      identical: true,
      differences: [],
    });
    const answer = await system.reconcile(id);
    const reconciled = await answer.json();
    expect(answer.status(), `reconcile ${id}: ${JSON.stringify(reconciled)}`).toBe(200);
    expect(reconciled, `reconcile of ${statement.month} of group ${group.index}`).toMatchObject({
      statementId: id,
      month: statement.month,
      clean: true,
      differences: [],
    });
  }
}

/** Storage holds exactly the accepted events: refused ones (future, closed months) were never kept. */
async function expectStoredUsage(group: ClockGroup, system: ClockSystem) {
  for (const month of [...group.sentMonths].sort()) {
    const stored = (await system.usage(group.id, month)).items;
    const accepted = clockUsageOf(group, month);
    const keyOf = (item: { projectId: string; counterName: string; resourceId?: string | null }) =>
      lineKey(item.projectId, item.counterName, item.resourceId ?? null);
    expect(stored.map(keyOf).sort(), `usage of ${month} in group ${group.index}`).toEqual(
      accepted.map(keyOf).sort(),
    );
    for (const usage of accepted) {
      const match = stored.find((item) => keyOf(item) === keyOf(usage));
      expect(
        match && sameDecimal(match.quantity, usage.quantity),
        `${month} ${keyOf(usage)}: stored ${match?.quantity}, accepted ${usage.quantity}`,
      ).toBe(true);
    }
  }
}

async function expectLedger(group: ClockGroup, system: ClockSystem) {
  const [grants, ledger, balances] = await Promise.all([
    system.grants(group.id),
    system.fullLedger(group.id),
    system.balances(group.id),
  ]);
  expectLedgerSums(grants.items, ledger, balances);
}

async function expectPayments(group: ClockGroup, system: ClockSystem) {
  for (const statement of group.statements) {
    const modelled = group.payments.filter((payment) => payment.statementId === statement.id);
    if (modelled.length === 0) continue;
    const stored = (await system.payments(statement.id as string)).items;
    expect(
      stored
        .filter((payment) => payment.state === 'SUCCEEDED')
        .map((payment) => payment.id)
        .sort(),
      `succeeded payments of ${statement.month} of group ${group.index}`,
    ).toEqual(modelled.map((payment) => payment.id).sort());
  }
}
