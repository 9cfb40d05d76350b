import { expect } from '../support/api-test';
import {
  type BillingModel,
  differencesFromOracle,
  lineKey,
  MONTHS,
  type ModelGroup,
  type ModelStatement,
  minorOfWire,
  NUMBER_YEAR,
  sameDecimal,
  usageOf,
} from './billing-model';
import type { BillingSystem } from './billing-system';
import { expectStandingOf } from './commands';

/**
 * What must hold at the end of every sequence, whatever happened in it: each closed statement
 * equals the oracle and bills every accepted event once and nothing else, storage holds exactly the
 * accepted events, replay is identical, reconcile is clean, the credit ledger sums to the balances
 * (none below 0), nothing is paid beyond its statement's total, credit notes never add up to more
 * than their statement's total nor leave it owing less than 0, each refund is a REFUND grant of
 * exactly the excess, and statement and credit-note numbers run gapless and unique through the tenant.
 */
export async function expectInvariants(model: BillingModel, system: BillingSystem): Promise<void> {
  await Promise.all([
    ...model.groups.flatMap((group) => [
      expectStatements(group, system),
      expectStoredUsage(group, system),
      expectCreditLedger(group, system),
      expectPayments(group, system),
      expectCreditNotes(group, system),
    ]),
    expectNumbers(model, system),
  ]);
}

async function expectStatements(group: ModelGroup, system: BillingSystem) {
  const listed = (await system.statements(group.id)).items;
  const liveListed = listed.filter((statement) => statement.closedAt !== null && statement.voidedAt === null);
  const live = group.statements.filter((statement) => statement.live);
  expect(
    liveListed.map((statement) => statement.statementId).sort(),
    `the live statements of group ${group.index}`,
  ).toEqual(live.map((statement) => statement.id).sort());
  for (const statement of group.statements) {
    const summary = listed.find((entry) => entry.statementId === statement.id);
    expect(summary, `statement ${statement.id} is listed`).toBeDefined();
    if (!summary) continue;
    expect(summary.voidedAt === null, `statement ${statement.id} live`).toBe(statement.live);
    expect(minorOfWire(summary.paid), `paid on ${statement.id}`).toBe(statement.paid);
    expect(minorOfWire(summary.paid) <= minorOfWire(summary.total), `paid ≤ total on ${statement.id}`).toBe(
      true,
    );
    // Outstanding = total − credited − paid, never below 0; PAID once it is 0, by payments or notes.
    expect(minorOfWire(summary.total), `total of ${statement.id}`).toBe(statement.expected.total);
    expectStandingOf(summary, statement, `${statement.month} of group ${group.index}`);
    if (statement.live) {
      expect(
        minorOfWire(summary.outstanding) >= 0n,
        `outstanding ${summary.outstanding} ≥ 0 on ${statement.id}`,
      ).toBe(true);
    }
  }
  await Promise.all(live.map((statement) => expectClosedStatement(group, statement, system)));
}

async function expectClosedStatement(group: ModelGroup, statement: ModelStatement, system: BillingSystem) {
  const [body, replay] = await Promise.all([system.statement(statement.id), system.replay(statement.id)]);
  const differences = differencesFromOracle(body.result, statement.expected, statement.quantities);
  expect(differences, `closed ${statement.month} of group ${group.index} against the oracle`).toEqual([]);
  expect(replay, `replay of ${statement.id}`).toMatchObject({ identical: true, differences: [] });
  const answer = await system.reconcile(statement.id);
  const reconciled = await answer.json();
  expect(answer.status(), `reconcile ${statement.id}: ${JSON.stringify(reconciled)}`).toBe(200);
  expect(reconciled, `reconcile of ${statement.month} of group ${group.index}`).toMatchObject({
    statementId: statement.id,
    billingGroupId: group.id,
    month: statement.month,
    clean: true,
    differences: [],
  });
}

/** Storage holds exactly the accepted events: refused ones were never kept. */
async function expectStoredUsage(group: ModelGroup, system: BillingSystem) {
  const usage = await Promise.all(MONTHS.map((month) => system.usage(group.id, month)));
  for (const [index, month] of MONTHS.entries()) {
    const stored = usage[index]?.items ?? [];
    const accepted = usageOf(group, month);
    const keysOf = (items: { projectId: string; counterName: string; resourceId?: string | null }[]) =>
      items.map((item) => lineKey(item.projectId, item.counterName, item.resourceId ?? null)).sort();
    expect(keysOf(stored), `usage of ${month} in group ${group.index}`).toEqual(keysOf(accepted));
    for (const usage of accepted) {
      const match = stored.find(
        (item) =>
          lineKey(item.projectId, item.counterName, item.resourceId) ===
          lineKey(usage.projectId, usage.counterName, usage.resourceId ?? null),
      );
      expect(
        match && sameDecimal(match.quantity, usage.quantity),
        `${month} ${usage.projectId}/${usage.counterName}: stored ${match?.quantity}, accepted ${usage.quantity}`,
      ).toBe(true);
    }
  }
}

/**
 * The credit rules every group keeps, model or no model (DOMAIN §5): each grant's ledger sums to its
 * balance, no balance is below 0, and the balances add up to their total. Shared with the clock tier.
 */
export function expectLedgerSums(
  grants: { id: string; balance: string }[],
  ledger: { grantId: string; amount: string }[],
  balances: { total: string; grants: { balance: string }[] },
): void {
  for (const grant of grants) {
    const sum = ledger
      .filter((entry) => entry.grantId === grant.id)
      .reduce((total, entry) => total + minorOfWire(entry.amount), 0n);
    expect(sum, `the ledger of grant ${grant.id} sums to its balance`).toBe(minorOfWire(grant.balance));
    expect(minorOfWire(grant.balance) >= 0n, `grant ${grant.id} balance ${grant.balance} ≥ 0`).toBe(true);
  }
  const listedTotal = balances.grants.reduce((total, grant) => total + minorOfWire(grant.balance), 0n);
  expect(minorOfWire(balances.total), 'the balances add up to their total').toBe(listedTotal);
}

async function expectCreditLedger(group: ModelGroup, system: BillingSystem) {
  const [grants, ledger, balances] = await Promise.all([
    system.grants(group.id),
    system.ledger(group.id),
    system.balances(group.id),
  ]);
  expectLedgerSums(grants.items, ledger, balances);
  for (const grant of grants.items) {
    const modelled = group.grants.find((entry) => entry.id === grant.id);
    if (modelled && !modelled.voided) {
      expect(minorOfWire(grant.balance), `balance of grant ${grant.id}`).toBe(modelled.balanceMinor);
    }
  }
  for (const grant of balances.grants) {
    const listed = grants.items.find((entry) => entry.id === grant.grantId);
    expect(listed?.balance, `balance of ${grant.grantId} in both lists`).toBe(grant.balance);
  }
}

async function expectPayments(group: ModelGroup, system: BillingSystem) {
  for (const statement of group.statements) {
    const modelled = group.payments.filter((payment) => payment.statementId === statement.id);
    if (modelled.length === 0) continue;
    const stored = (await system.payments(statement.id)).items;
    const succeeded = stored.filter((payment) => payment.state === 'SUCCEEDED');
    expect(succeeded.map((payment) => payment.id).sort(), `succeeded payments of ${statement.id}`).toEqual(
      modelled
        .filter((payment) => payment.state === 'SUCCEEDED')
        .map((payment) => payment.id)
        .sort(),
    );
  }
}

/**
 * Each statement's credit notes are the model's, add up to no more than its total, and each refund
 * is a REFUND grant of exactly what the note refunded (a note that refunded nothing has none).
 */
async function expectCreditNotes(group: ModelGroup, system: BillingSystem) {
  const grants = (await system.grants(group.id)).items;
  for (const statement of group.statements) {
    const listed = (await system.creditNotes(statement.id)).items;
    const what = `credit notes of ${statement.month} of group ${group.index} (${statement.id})`;
    expect(
      listed.map((note) => [
        note.id,
        note.number,
        minorOfWire(note.total),
        minorOfWire(note.applied),
        minorOfWire(note.refunded),
      ]),
      what,
    ).toEqual(
      statement.creditNotes.map((note) => [note.id, note.number, note.total, note.applied, note.refunded]),
    );
    const sum = listed.reduce((total, note) => total + minorOfWire(note.total), 0n);
    expect(sum <= statement.expected.total, `${what}: ${sum} ≤ the total ${statement.expected.total}`).toBe(
      true,
    );
    for (const note of listed) {
      const grant = grants.find((entry) => entry.id === note.refundGrantId);
      if (minorOfWire(note.refunded) === 0n) {
        expect(note.refundGrantId, `${what}: ${note.number} refunded nothing`).toBeNull();
        continue;
      }
      expect(
        grant && { type: grant.type, amount: minorOfWire(grant.amount) },
        `${what}: the REFUND grant of ${note.number}`,
      ).toEqual({ type: 'REFUND', amount: minorOfWire(note.refunded) });
    }
  }
}

/** `PREFIX-YEAR-000001` … `PREFIX-YEAR-<count>`: the gapless run a tenant's numbers must form. */
const gaplessNumbers = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, index) => `${prefix}-${NUMBER_YEAR}-${String(index + 1).padStart(6, '0')}`,
  );

/**
 * Statement and credit-note numbers are gapless and unique through the sequence's tenant (every
 * model month is in one year): one number for every close the edge answered 201 (voided statements
 * keep theirs, reissues take the next), none for a refused close; one for every accepted note.
 */
async function expectNumbers(model: BillingModel, system: BillingSystem) {
  const listed = (await Promise.all(model.groups.map((group) => system.statements(group.id)))).flatMap(
    (page) => page.items,
  );
  const statements = model.groups.flatMap((group) => group.statements);
  const numbers = listed.flatMap((statement) => (statement.number === null ? [] : [statement.number]));
  expect([...numbers].sort(), 'statement numbers: gapless and unique in the tenant').toEqual(
    gaplessNumbers('ST', statements.length),
  );
  for (const statement of statements) {
    const summary = listed.find((entry) => entry.statementId === statement.id);
    expect(summary?.number, `the number of ${statement.id} is the one its close answered`).toBe(
      statement.number,
    );
  }
  const notes = (await Promise.all(statements.map((statement) => system.creditNotes(statement.id)))).flatMap(
    (page) => page.items.map((note) => note.number),
  );
  expect(notes.sort(), 'credit-note numbers: gapless and unique in the tenant').toEqual(
    gaplessNumbers(
      'CN',
      statements.reduce((count, statement) => count + statement.creditNotes.length, 0),
    ),
  );
}
